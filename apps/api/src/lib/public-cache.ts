import { createHash } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context.ts';

/**
 * Hot public reads served from memory: the contest list, a contest's page and unit list, round
 * boards, the public commune and village lists, and the kiosk's content pack (whole and in parts, so
 * an unchanged ETag is answered 304 without building the pack again). Nothing personal is kept (these answers are
 * the same for every caller; boards show minors by initials already).
 *
 * A namespace is emptied by any successful write to the API paths that feed it, so an organizer's
 * change shows at once. Entries also expire after `ttlMs`, because a round opens and closes by the
 * clock without any write, and because several processes behind one libSQL server each keep
 * their own copy.
 */
const namespaces = [
  { name: 'contests', read: /^\/api\/public\/contests(\/[^/]+(\/units)?)?$/, writes: /^\/api\/(public\/)?contests\// },
  { name: 'boards', read: /^\/api\/public\/contests\/rounds\/[^/]+\/board$/, writes: /^\/api\/(public\/)?contests\// },
  { name: 'units', read: /^\/api\/public\/(communes|villages)$/, writes: /^\/api\/units\// },
  // Content edits, and a round's questions released to practice, change what the pack holds.
  { name: 'pack', read: /^\/api\/content\/pack(\/.*)?$/, writes: /^\/api\/(content|contests)\// },
] as const;

interface Entry {
  /** Kept encoded: a hit writes the bytes as they are, with no UTF-8 encoding per request. */
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  cacheControl: string;
  expires: number;
}

/** If-None-Match holds a list of tags; compression makes a tag weak (W/"…"), which still matches. */
const matches = (header: string | undefined, etag: string) =>
  !!header && header.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === etag);

export interface PublicCache {
  middleware: ReturnType<typeof createMiddleware<AppEnv>>;
  /** Entries per namespace, for tests and metrics. */
  size(name: (typeof namespaces)[number]['name']): number;
  /** Forgets everything (as an expiry would). */
  clear(): void;
}

export function createPublicCache(ttlMs: number, maxEntries = 2_000): PublicCache {
  const stores = new Map(namespaces.map((n) => [n.name, new Map<string, Entry>()]));
  const writesFeeding = (path: string) => namespaces.filter((n) => n.writes.test(`${path}/`));

  const middleware = createMiddleware<AppEnv>(async (c, next) => {
    const path = c.req.path;
    if (c.req.method !== 'GET') {
      await next();
      if (c.res.status < 400) for (const n of writesFeeding(path)) stores.get(n.name)!.clear();
      return;
    }
    const ns = namespaces.find((n) => n.read.test(path));
    // A participant's token personalises a board ("your place"): such answers are never shared.
    // A session cookie does not: public paths never load the session (see session.ts).
    if (!ns || c.req.header('x-participant-token')) return next();
    const store = stores.get(ns.name)!;
    const key = `${c.get('locale')} ${c.req.url.slice(c.req.url.indexOf(path))}`;
    const now = Date.now();
    const hit = store.get(key);
    if (hit && hit.expires > now) {
      const headers = { 'Cache-Control': hit.cacheControl, ETag: hit.etag, 'X-Cache': 'hit' };
      if (matches(c.req.header('if-none-match'), hit.etag)) return c.body(null, 304, headers);
      return c.body(hit.body, 200, { ...headers, 'Content-Type': 'application/json' });
    }
    // Fill with the whole answer even when the caller revalidates: a 304 from the handler would
    // leave nothing to keep, and every later revalidation would build the answer again.
    const revalidating = c.req.header('if-none-match');
    if (revalidating) c.req.raw.headers.delete('if-none-match');
    await next();
    if (c.res.status !== 200 || !c.res.headers.get('content-type')?.includes('json')) return;
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    if (store.size >= maxEntries) store.delete(store.keys().next().value!);
    // A tag made from the body stays true across restarts; a handler's own tag (the pack's) is kept.
    const etag = c.res.headers.get('ETag') ?? `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
    const entry = {
      body,
      etag,
      cacheControl: c.res.headers.get('Cache-Control') ?? cacheControl(ttlMs),
      expires: now + ttlMs,
    };
    store.set(key, entry);
    if (matches(revalidating, etag)) {
      c.res = c.body(null, 304, { 'Cache-Control': entry.cacheControl, ETag: etag });
      return;
    }
    c.res.headers.set('Cache-Control', entry.cacheControl);
    c.res.headers.set('ETag', etag);
  });
  return {
    middleware,
    size: (name) => stores.get(name)!.size,
    clear: () => stores.forEach((store) => store.clear()),
  };
}

const cacheControl = (ttlMs: number) => `public, max-age=${Math.floor(ttlMs / 1000)}`;
