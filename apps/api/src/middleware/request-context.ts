import { createMiddleware } from 'hono/factory';
import { pickLocale } from '@vungxanh/i18n';
import { isConfidentialRoute } from '../lib/confidential-routes.ts';
import type { AppEnv, Deps } from '../lib/context.ts';
import { nodeResponse } from '../lib/node-response.ts';

/**
 * Liveness and readiness probes come every few seconds from every kiosk and from the balancer: a
 * line for each answered probe would bury the log. They are counted in the metrics like every
 * request, and a failed probe is logged.
 */
const probes = new Set(['/api/health', '/api/health/ready']);

/** Request id, the caller's language and one structured log line per request (no personal data). */
export const requestContext = (deps: Deps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId', requestId);
    c.set('deps', deps);
    c.set('auth', null);
    c.set('locale', pickLocale(c.req.header('x-locale') ?? c.req.header('accept-language')));
    const outgoing = nodeResponse(c);
    if (outgoing) outgoing.setHeader('X-Request-Id', requestId);
    else c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    if (c.req.path.startsWith('/api') && !isConfidentialRoute(c.req.path)) {
      const ms = performance.now() - started;
      const route = c.req.routePath;
      const status = c.res.status;
      if (status >= 400 || !probes.has(route))
        deps.logger.info('request', { requestId, method: c.req.method, route, status, ms: Math.round(ms) });
      deps.metrics.observeRequest(c.req.method, route, status, ms / 1000);
    }
  });
