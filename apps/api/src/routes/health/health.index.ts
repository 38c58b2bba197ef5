import { createRoute, z } from '@hono/zod-openapi';
import { isEmbedded, pingDb } from '@vungxanh/db';
import { createRouter } from '../../lib/create-router.ts';
import { errorBody } from '../../lib/errors.ts';
import { json } from '../../lib/openapi.ts';

const LiveSchema = z.object({ status: z.literal('ok'), version: z.string() }).openapi('Liveness');

const ReadyBase = {
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ ok: z.boolean(), mode: z.enum(['embedded', 'remote']), latencyMs: z.number() }),
};
const ReadySchema = z.object(ReadyBase).openapi('Readiness');
/** Not ready: the API's error shape plus the same state, so a person and a probe both read it. */
const NotReadySchema = z
  .object({ code: z.string(), message: z.string(), requestId: z.string(), ...ReadyBase })
  .openapi('NotReady');

const live = createRoute({
  method: 'get',
  path: '/',
  tags: ['health'],
  summary: 'Liveness: the process answers (no database work; for restarts and the kiosk’s online check)',
  responses: { 200: json(LiveSchema) },
});

const ready = createRoute({
  method: 'get',
  path: '/ready',
  tags: ['health'],
  summary: 'Readiness: the database answers (for a load balancer deciding where to send traffic)',
  responses: { 200: json(ReadySchema), 503: json(NotReadySchema, 'Database unreachable') },
});

export const healthRouter = createRouter()
  .openapi(live, (c) => c.json({ status: 'ok' as const, version: c.get('deps').version }, 200))
  .openapi(ready, async (c) => {
    const { db, config, version } = c.get('deps');
    const ping = await pingDb(db);
    const body = {
      status: ping.ok ? ('ok' as const) : ('degraded' as const),
      version,
      database: {
        ok: ping.ok,
        mode: isEmbedded(config.DATABASE_URL) ? ('embedded' as const) : ('remote' as const),
        latencyMs: ping.latencyMs,
      },
    };
    if (ping.ok) return c.json(body, 200);
    return c.json({ ...errorBody('not_ready', c.get('locale'), c.get('requestId')), ...body }, 503);
  });
