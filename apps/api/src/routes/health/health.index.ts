import { createRoute, z } from '@hono/zod-openapi';
import { isEmbedded, pingDb } from '@vungxanh/db';
import { createRouter } from '../../lib/create-router.ts';
import { json } from '../../lib/openapi.ts';

const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    database: z.object({ ok: z.boolean(), mode: z.enum(['embedded', 'remote']), latencyMs: z.number() }),
  })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['health'],
  summary: 'Version and database state',
  responses: { 200: json(HealthSchema), 503: json(HealthSchema, 'Database unreachable') },
});

export const healthRouter = createRouter().openapi(route, async (c) => {
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
  return ping.ok ? c.json(body, 200) : c.json(body, 503);
});
