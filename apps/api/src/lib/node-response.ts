import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'hono';

/**
 * The Node response under @hono/node-server; absent when the app runs without it (`app.request()`
 * in tests, another runtime). Headers that every answer carries are cheaper set here than on the
 * Fetch `Headers` of each response: touching those turns node-server's plain-object fast path into
 * a `Headers` copy, which was a large share of a small answer's cost. Node writes them with the
 * answer's own headers, and the answer's win (a page sets its own Content-Security-Policy).
 */
export const nodeResponse = (c: Context): ServerResponse | undefined =>
  (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;

/**
 * A request header, read from the Node request when there is one: Hono's `c.req.header()` builds a Fetch `Headers`
 * of every header the request carries the first time it is asked, which is most of what a small request costs
 * before its answer. Node's own header object is parsed once and cheaply. `name` is lower case.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
