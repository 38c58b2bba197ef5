import type { ServerResponse } from 'node:http';
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
