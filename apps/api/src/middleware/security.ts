import { createMiddleware } from 'hono/factory';
import { AppError } from '@vungxanh/domain';
import type { AppEnv } from '../lib/context.ts';

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

/** Headers for every response; HTML pages set their own Content-Security-Policy (see static.ts). */
export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Cross-Origin-Resource-Policy', 'same-origin');
  c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (c.get('deps').config.PUBLIC_ORIGIN?.startsWith('https:')) {
    c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  }
  if (!c.res.headers.has('Content-Security-Policy')) {
    c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  }
});
