import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context.ts';

/**
 * Hot public reads served from memory: the contest list, a contest's page and unit list, round
 * boards, and the public commune and village lists. Nothing personal is kept (these answers are
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
] as const;

interface Entry {
  body: string;
  etag: string;
  expires: number;
}

export interface PublicCache {
  middleware: ReturnType<typeof createMiddleware<AppEnv>>;
  /** Entries per namespace, for tests and metrics. */
  size(name: (typeof namespaces)[number]['name']): number;
}

export function createPublicCache(ttlMs: number, maxEntries = 2_000): PublicCache {
  const stores = new Map(namespaces.map((n) => [n.name, new Map<string, Entry>()]));
  const writesFeeding = (path: string) => namespaces.filter((n) => n.writes.test(`${path}/`));
  let tag = 0;

  const middleware = createMiddleware<AppEnv>(async (c, next) => {
    const path = c.req.path;
    if (c.req.method !== 'GET') {
      await next();
      if (c.res.status < 400) for (const n of writesFeeding(path)) stores.get(n.name)!.clear();
      return;
    }
    const ns = namespaces.find((n) => n.read.test(path));
    // A participant's token personalises a board ("your place"): such answers are never shared.
    if (!ns || c.req.header('x-participant-token') || c.req.header('cookie')?.includes('vx_session')) return next();
    const store = stores.get(ns.name)!;
    const key = `${c.get('locale')} ${c.req.url.slice(c.req.url.indexOf(path))}`;
    const now = Date.now();
    const hit = store.get(key);
    if (hit && hit.expires > now) {
      const headers = { 'Cache-Control': cacheControl(ttlMs), ETag: hit.etag, 'X-Cache': 'hit' };
      if (c.req.header('if-none-match') === hit.etag) return c.body(null, 304, headers);
      return c.body(hit.body, 200, { ...headers, 'Content-Type': 'application/json' });
    }
    await next();
    if (c.res.status !== 200 || !c.res.headers.get('content-type')?.includes('json')) return;
    const body = await c.res.clone().text();
    if (store.size >= maxEntries) store.delete(store.keys().next().value!);
    const entry = { body, etag: `"p${(++tag).toString(36)}"`, expires: now + ttlMs };
    store.set(key, entry);
    c.res.headers.set('Cache-Control', cacheControl(ttlMs));
    c.res.headers.set('ETag', entry.etag);
  });
  return { middleware, size: (name) => stores.get(name)!.size };
}

const cacheControl = (ttlMs: number) => `public, max-age=${Math.floor(ttlMs / 1000)}`;
