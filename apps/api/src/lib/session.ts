import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { createHash, randomBytes } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { AppError, needsTotpEnrollment, sessionExpiry, type Actor } from '@vungxanh/domain';
import { createSession, deleteSession, findSession, touchSession, type AccountRow } from '@vungxanh/db';
import type { AppEnv } from './context.ts';

export const SESSION_COOKIE = 'vx_session';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function actorOf(account: AccountRow): Actor {
  return {
    accountId: account.id,
    role: account.role,
    provinceId: account.provinceId,
    communeId: account.communeId,
    villageId: account.villageId,
    schoolId: account.schoolId,
  };
}

/** Routes anyone may call; all but sign-out work without looking the session up. */
const publicPaths = new Set([
  '/api/health',
  '/api/health/ready',
  '/api/metrics',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/openapi.json',
  '/api/docs',
  '/api/content/pack',
  '/api/kiosks/pair',
  '/api/kiosks/me',
  '/api/events',
]);

const isPublic = (path: string) =>
  publicPaths.has(path) ||
  path.startsWith('/api/content/pack/') ||
  path.startsWith('/api/docs/') ||
  path.startsWith('/api/public/');
const trimmed = (path: string) => path.replace(/\/+$/, '');

/**
 * Looks the cookie's session up and sets `auth` when it is live. Public routes skip it in the middleware; one
 * that serves a signed-in caller too (an officer's device sending reach events) calls it itself.
 */
export async function attachSession(c: Context<AppEnv>): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token || token.length > 100) return;
  const { db } = c.get('deps');
  const now = new Date();
  const tokenHash = hashToken(token);
  const found = await findSession(db, tokenHash, now);
  if (!found || found.account.disabled) {
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return;
  }
  // Slide the idle expiry, but write at most once a minute per session.
  if (now.getTime() - found.session.lastSeenAt.getTime() > 60_000) {
    await touchSession(db, tokenHash, now, sessionExpiry(found.session.createdAt, now));
  }
  const { requireTotpForAdmins } = await c.get('deps').settings.get();
  const mustEnrollTotp = needsTotpEnrollment(requireTotpForAdmins, found.account.role, found.account.totpEnabled);
  c.set('auth', { actor: actorOf(found.account), account: found.account, tokenHash, mustEnrollTotp });
}

/** The signed-in caller, or 401. Unless allowed, callers who must first enrol in TOTP get 403. */
export function requireAuth(c: Context<AppEnv>, options: { allowPendingTotp?: boolean } = {}) {
  const auth = c.get('auth');
  if (!auth) throw new AppError(401, 'unauthenticated');
  if (auth.mustEnrollTotp && !options.allowPendingTotp) throw new AppError(403, 'totp_enrollment_required');
  return auth;
}

/** Starts a new session (rotating away any session the browser still held) and sets the cookie. */
export async function startSession(c: Context<AppEnv>, accountId: string) {
  const { db, config } = c.get('deps');
  const previous = getCookie(c, SESSION_COOKIE);
  if (previous) await deleteSession(db, hashToken(previous));
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await createSession(db, {
    tokenHash: hashToken(token),
    accountId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: sessionExpiry(now, now),
  });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: config.PUBLIC_ORIGIN?.startsWith('https:') ?? false,
  });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/**
 * Loads the caller's session, and answers 401 before any validation for routes that need one, so
 * anonymous callers learn nothing. Public routes never look a session up (logout does, to end it).
 */
export const sessionGate = createMiddleware<AppEnv>(async (c, next) => {
  const path = trimmed(c.req.path);
  const open = isPublic(path);
  if (open && path !== '/api/auth/logout') return next();
  await attachSession(c);
  if (!open && !c.get('auth')) throw new AppError(401, 'unauthenticated');
  return next();
});
