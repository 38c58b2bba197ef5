import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { AppError } from '@vungxanh/domain';
import type { AppEnv } from '../lib/context.ts';

/**
 * GET /api/metrics: Prometheus text format for the operator's scraper, behind `Authorization:
 * Bearer $METRICS_TOKEN`. Without a configured token the route does not exist (404).
 */
export async function metricsHandler(c: Context<AppEnv>) {
  const { config, metrics } = c.get('deps');
  if (!config.METRICS_TOKEN) throw new AppError(404, 'not_found');
  const given = Buffer.from(c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? '');
  const expected = Buffer.from(config.METRICS_TOKEN);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError(401, 'unauthenticated');
  const { contentType, body } = await metrics.render();
  return c.body(body, 200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
}
