import { OpenAPIHono } from '@hono/zod-openapi';
import { every } from 'hono/combine';
import { compress } from 'hono/compress';
import { matchedRoutes } from 'hono/route';
import type { Context } from 'hono';
import { tipLimits } from '@vungxanh/domain';
import type { AppEnv, Deps } from './lib/context.ts';
import { mountDocs } from './lib/docs.ts';
import { metricsHandler } from './routes/metrics.ts';
import { errorBody, handleError } from './lib/errors.ts';
import { sessionGate } from './lib/session.ts';
import { spaHandler } from './lib/static.ts';
import { requestContext } from './middleware/request-context.ts';
import { requestBodies } from './middleware/bodies.ts';
import { originCheck, securityHeaders } from './middleware/security.ts';
import { accountsRouter } from './routes/accounts/accounts.index.ts';
import { auditRouter } from './routes/audit/audit.index.ts';
import { contentRouter } from './routes/content/content.index.ts';
import { eventsRouter } from './routes/events/events.index.ts';
import { kiosksRouter } from './routes/kiosks/kiosks.index.ts';
import { authRouter } from './routes/auth/auth.index.ts';
import { healthRouter } from './routes/health/health.index.ts';
import { settingsRouter } from './routes/settings/settings.index.ts';
import { publicUnitsRouter } from './routes/units/public.index.ts';
import { unitsRouter } from './routes/units/units.index.ts';
import { contestsRouter } from './routes/contests/contests.index.ts';
import { publicContestsRouter } from './routes/contests/public.index.ts';
import { commitmentsRouter } from './routes/commitments/commitments.index.ts';
import { publicCommitmentsRouter } from './routes/commitments/public.index.ts';
import { activitiesRouter } from './routes/activities/activities.index.ts';
import { indicatorsRouter } from './routes/indicators/indicators.index.ts';
import { registryRouter } from './routes/registry/registry.index.ts';
import { reportsRouter } from './routes/reports/reports.index.ts';
import { maxImportBytes } from './lib/tabular.ts';
import { publicTipsRouter } from './routes/tips/public.index.ts';
import { tipsRouter } from './routes/tips/tips.index.ts';

export interface AppOptions {
  /** Built single-page apps to serve; omitted in API tests. */
  static?: { admin: string; kiosk: string };
}

// Phone photos of outreach activities arrive full size and are reduced on the server.
const bodyless = new Set(['GET', 'HEAD', 'OPTIONS']);
// A sealed tip carries one photo re-encoded in the browser (see tipLimits in the domain).
const limits = {
  json: 64 * 1024,
  upload: maxImportBytes + 64 * 1024,
  photo: 12 * 1024 * 1024 + 64 * 1024,
  tip: tipLimits.tipChars + 64 * 1024,
};

/** The API's routes, chained so their types reach the apps through Hono's RPC client. */
function apiRoutes() {
  return new OpenAPIHono<AppEnv>()
    .route('/api/health', healthRouter)
    .route('/api/auth', authRouter)
    .route('/api/public', publicUnitsRouter)
    .route('/api/units', unitsRouter)
    .route('/api/accounts', accountsRouter)
    .route('/api/audit', auditRouter)
    .route('/api/settings', settingsRouter)
    .route('/api/content', contentRouter)
    .route('/api/kiosks', kiosksRouter)
    .route('/api/events', eventsRouter)
    .route('/api/public/contests', publicContestsRouter)
    .route('/api/contests', contestsRouter)
    .route('/api/public/commitments', publicCommitmentsRouter)
    .route('/api/commitments', commitmentsRouter)
    .route('/api/activities', activitiesRouter)
    .route('/api/indicators', indicatorsRouter)
    .route('/api/registry', registryRouter)
    .route('/api/reports', reportsRouter)
    .route('/api/public/tips', publicTipsRouter)
    .route('/api/tips', tipsRouter);
}
export type ApiRoutes = ReturnType<typeof apiRoutes>;

const notFound = (c: Context<AppEnv>) => errorBody('not_found', c.get('locale'), c.get('requestId'));

export function createApp(deps: Deps, options: AppOptions = {}) {
  const compressor = compress();
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', requestContext(deps));
  app.use('*', securityHeaders);
  // A path under /api that no route answers is a 404 at once: no session lookup, no body, no cache.
  // The router has already matched every route for this request; middleware and the catch-all are
  // `ALL`, and the apps' pages (`*`) are not API routes.
  app.use('/api/*', async (c, next) => {
    if (!matchedRoutes(c).some((r) => r.method !== 'ALL' && r.path.startsWith('/api/')))
      return c.json(notFound(c), 404);
    await next();
  });
  // The apps' files and the content pack (whole or in parts) are large and cacheable; other API answers are small.
  app.use('*', (c, next) =>
    c.req.path.startsWith('/api/') && !c.req.path.startsWith('/api/content/pack') ? next() : compressor(c, next),
  );
  // Requests that change something may carry a body: it is size-limited (reading `body` on a GET would
  // build a whole Request), their origin is checked, and their JSON is normalised to NFC. A GET
  // passes all three in one step.
  const writeGuards = every(
    originCheck(deps.config.PUBLIC_ORIGIN),
    requestBodies((c) =>
      c.req.path.endsWith('/import')
        ? limits.upload
        : c.req.method === 'POST' && c.req.path.startsWith('/api/activities/') && c.req.path.endsWith('/photos')
          ? limits.photo
          : c.req.path === '/api/public/tips'
            ? limits.tip
            : limits.json,
    ),
  );
  app.use('/api/*', (c, next) => (bodyless.has(c.req.method) ? next() : writeGuards(c, next)));
  if (deps.config.PUBLIC_CACHE_SECONDS > 0) app.use('/api/*', deps.publicCache.middleware);
  app.use('/api/*', sessionGate);

  const api = apiRoutes();
  app.route('/', api);
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'vx_session',
  });
  app.get('/api/openapi.json', (c) =>
    c.json(
      api.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Vùng Xanh API',
          version: deps.version,
          description:
            'Drug-prevention outreach for Vietnamese communes. Sign in with POST /api/auth/login; the session cookie authorises the other routes. State-changing requests must carry an Origin header of this site.',
        },
        security: [{ session: [] }],
      }),
    ),
  );
  mountDocs(app);
  app.get('/api/metrics', metricsHandler);

  app.all('/api/*', (c) => c.json(notFound(c), 404));
  if (options.static) {
    const admin = spaHandler(options.static.admin, '/admin');
    app.get('/admin', admin);
    app.get('/admin/*', admin);
    app.get('*', spaHandler(options.static.kiosk, ''));
  }
  app.notFound((c) => c.json(errorBody('not_found', c.get('locale') ?? 'vi', c.get('requestId') ?? 'unknown'), 404));
  app.onError(handleError);
  return app;
}
