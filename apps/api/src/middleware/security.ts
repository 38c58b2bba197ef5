import { createMiddleware } from 'hono/factory';
import { AppError } from '@vungxanh/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../lib/context.ts';
import { nodeResponse } from '../lib/node-response.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request that does not come from our own pages: its Origin must be
 * the configured public origin or the origin it was sent to. Browsers always send Origin on
 * such requests, so a missing one means a cross-site form or a script without a browser.
 */
export const originCheck = (publicOrigin: string | undefined) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const own = new URL(c.req.url).origin;
    const forwardedHost = c.get('deps').config.TRUST_PROXY ? c.req.header('x-forwarded-host') : undefined;
    const allowed = new Set([own, publicOrigin].filter(Boolean));
    if (forwardedHost) allowed.add(`${c.req.header('x-forwarded-proto') ?? 'https'}://${forwardedHost}`);
    if (origin ? allowed.has(origin) : c.req.header('sec-fetch-site') === 'same-origin') return next();
    throw new AppError(403, 'origin_rejected');
  });

/** Headers every answer carries, a JSON answer of the API as much as a page (OWASP REST Security Cheat Sheet). */
const everyAnswer: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
];
/**
 * Headers that only act on a document a browser renders (where it sends referrers, what opens it, which features
 * it may use): pages, the API's docs, files. A JSON answer is not rendered, and every request pays for each header
 * twice (writing it, and the client reading it), so the API's JSON answers go without them.
 */
const documentOnly: [string, string][] = [
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
];
const hsts: [string, string] = ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'];
const headerSets = {
  api: everyAnswer,
  document: [...everyAnswer, ...documentOnly],
  apiHttps: [...everyAnswer, hsts],
  documentHttps: [...everyAnswer, ...documentOnly, hsts],
};

/** Marks an API answer as a document a browser renders (an inline PDF): it gets the document-only headers too. */
export function documentHeaders(c: Context<AppEnv>) {
  for (const [name, value] of documentOnly) c.header(name, value);
}

/** JSON routes of the API; its docs (an HTML page) and the apps' files are documents. */
const isJsonApi = (path: string) => path.startsWith('/api/') && !path.startsWith('/api/docs');

/** The fixed headers of an answer: its kind by path, HSTS when the public origin is https. */
const headersFor = (c: Context<AppEnv>): [string, string][] => {
  const https = c.get('deps').config.PUBLIC_ORIGIN?.startsWith('https:') ?? false;
  const api = isJsonApi(c.req.path);
  return api ? (https ? headerSets.apiHttps : headerSets.api) : https ? headerSets.documentHttps : headerSets.document;
};
const defaultCsp = "default-src 'none'; frame-ancestors 'none'";

/**
 * On Node the headers go on the Node response before the answer is made (see node-response.ts);
 * elsewhere they are set on the finished response's own headers: `c.header()` after `next()`
 * would copy the whole response once per header.
 */
export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  const outgoing = nodeResponse(c);
  if (outgoing) {
    for (const [name, value] of headersFor(c)) outgoing.setHeader(name, value);
    outgoing.setHeader('Content-Security-Policy', defaultCsp);
    return next();
  }
  await next();
  const headers = c.res.headers;
  for (const [name, value] of headersFor(c)) headers.set(name, value);
  if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', defaultCsp);
});
