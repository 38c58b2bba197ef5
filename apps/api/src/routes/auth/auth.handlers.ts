import { qrDataUrl } from '../../lib/lazy-modules.ts';
import { AppError, isWeakPassword, lockedUntil, lockoutPolicy, needsTotpEnrollment } from '@vungxanh/domain';
import {
  clearLoginFailures,
  countSessionsOf,
  deleteSession,
  deleteSessionsOf,
  findAccountByUsername,
  getAccount,
  loginFailuresSince,
  recordLoginFailure,
  updateAccount,
  type AccountRow,
} from '@vungxanh/db';
import { audit } from '../../lib/audit.ts';
import { clientIp } from '../../lib/client-ip.ts';
import { forgetInitialPassword } from '../../lib/initial-password.ts';
import { dummyHash, hashPassword, verifyPassword } from '../../lib/password.ts';
import { clearSessionCookie, requireAuth, startSession } from '../../lib/session.ts';
import { matchTotp, newTotpSecret, totpUri } from '../../lib/totp.ts';
import type { Handler } from '../../lib/openapi.ts';
import type * as routes from './auth.routes.ts';

export function meOf(account: AccountRow, mustEnrollTotp: boolean) {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    provinceId: account.provinceId,
    communeId: account.communeId,
    villageId: account.villageId,
    schoolId: account.schoolId,
    totpEnabled: account.totpEnabled,
    mustEnrollTotp,
    mustChangePassword: account.mustChangePassword,
  };
}

export const login: Handler<typeof routes.login> = async (c) => {
  const { db, limits } = c.get('deps');
  const wait = limits.login.hit(`login:${clientIp(c)}`);
  if (wait) throw new AppError(429, 'rate_limited', { retryAfter: wait });

  const input = c.req.valid('json');
  const address = clientIp(c);
  const now = new Date();
  const since = new Date(now.getTime() - lockoutPolicy.windowMinutes * 60_000);
  const locked = lockedUntil(await loginFailuresSince(db, input.username, address, since), now);
  if (locked) {
    const minutes = Math.max(1, Math.ceil((locked.getTime() - now.getTime()) / 60_000));
    throw new AppError(429, 'account_locked', { minutes, retryAfter: minutes * 60 });
  }

  const account = await findAccountByUsername(db, input.username);
  const passwordOk = await verifyPassword(account?.passwordHash ?? (await dummyHash()), input.password);
  const fail = async (code: string) => {
    await recordLoginFailure(db, input.username, address, now);
    await audit(c, {
      entity: 'session',
      action: 'login_failed',
      username: input.username,
      communeId: account?.communeId ?? null,
      summary: JSON.stringify({ code }),
    });
    return new AppError(401, code);
  };
  if (!account || !passwordOk) throw await fail('invalid_credentials');
  if (account.disabled) throw new AppError(403, 'account_disabled');

  if (account.totpEnabled && account.totpSecret) {
    if (!input.totp) throw new AppError(401, 'totp_required');
    const step = matchTotp(account.totpSecret, input.totp);
    if (step === null || (account.totpLastStep !== null && step <= account.totpLastStep))
      throw await fail('totp_invalid');
    await updateAccount(db, account.id, { totpLastStep: step });
  }

  await clearLoginFailures(db, input.username, address);
  await startSession(c, account.id);
  const updated = (await updateAccount(db, account.id, { lastLoginAt: now }))!;
  await audit(c, {
    entity: 'session',
    entityId: account.id,
    action: 'login',
    accountId: account.id,
    username: account.username,
    communeId: account.communeId,
  });
  const { requireTotpForAdmins } = await c.get('deps').settings.get();
  return c.json(meOf(updated, needsTotpEnrollment(requireTotpForAdmins, updated.role, updated.totpEnabled)), 200);
};

export const logout: Handler<typeof routes.logout> = async (c) => {
  const auth = c.get('auth');
  if (auth) {
    await deleteSession(c.get('deps').db, auth.tokenHash);
    await audit(c, {
      entity: 'session',
      entityId: auth.account.id,
      action: 'logout',
      communeId: auth.account.communeId,
    });
  }
  clearSessionCookie(c);
  return c.json({ ok: true as const }, 200);
};

export const logoutAll: Handler<typeof routes.logoutAll> = async (c) => {
  const auth = requireAuth(c, { allowPendingTotp: true });
  const { db } = c.get('deps');
  const before = await countSessionsOf(db, auth.account.id);
  await deleteSessionsOf(db, auth.account.id, auth.tokenHash);
  await audit(c, {
    entity: 'session',
    entityId: auth.account.id,
    action: 'logout_all',
    communeId: auth.account.communeId,
  });
  return c.json({ ok: true as const, ended: before - 1 }, 200);
};

export const me: Handler<typeof routes.me> = async (c) => {
  const auth = requireAuth(c, { allowPendingTotp: true });
  return c.json(meOf(auth.account, auth.mustEnrollTotp), 200);
};

export const changePassword: Handler<typeof routes.changePassword> = async (c) => {
  const auth = requireAuth(c, { allowPendingTotp: true });
  const { db } = c.get('deps');
  const { currentPassword, newPassword } = c.req.valid('json');
  if (!(await verifyPassword(auth.account.passwordHash, currentPassword))) throw new AppError(422, 'wrong_password');
  if (isWeakPassword(newPassword, auth.account.username)) throw new AppError(422, 'weak_password');
  await updateAccount(db, auth.account.id, {
    passwordHash: await hashPassword(newPassword),
    mustChangePassword: false,
  });
  await deleteSessionsOf(db, auth.account.id, auth.tokenHash);
  // The generated first password no longer opens anything: its kept copy goes.
  if (auth.account.username === 'admin') forgetInitialPassword(c.get('deps').initialPasswordFile);
  await audit(c, {
    entity: 'account',
    entityId: auth.account.id,
    action: 'password_change',
    communeId: auth.account.communeId,
  });
  return c.json({ ok: true as const }, 200);
};

export const totpSetup: Handler<typeof routes.totpSetup> = async (c) => {
  const auth = requireAuth(c, { allowPendingTotp: true });
  if (auth.account.totpEnabled) throw new AppError(409, 'conflict');
  const secret = newTotpSecret();
  await updateAccount(c.get('deps').db, auth.account.id, { totpSecret: secret });
  const uri = totpUri(secret, auth.account.username);
  return c.json({ secret, uri, qrDataUrl: await qrDataUrl(uri, { margin: 1, width: 240 }) }, 200);
};

export const totpEnable: Handler<typeof routes.totpEnable> = async (c) => {
  const auth = requireAuth(c, { allowPendingTotp: true });
  const { db } = c.get('deps');
  const account = (await getAccount(db, auth.account.id))!;
  if (account.totpEnabled || !account.totpSecret) throw new AppError(409, 'conflict');
  const step = matchTotp(account.totpSecret, c.req.valid('json').code);
  if (step === null) throw new AppError(422, 'totp_invalid');
  const updated = (await updateAccount(db, account.id, { totpEnabled: true, totpLastStep: step }))!;
  await audit(c, { entity: 'account', entityId: account.id, action: 'totp_enable', communeId: account.communeId });
  return c.json(meOf(updated, false), 200);
};

export const totpDisable: Handler<typeof routes.totpDisable> = async (c) => {
  const auth = requireAuth(c);
  const { db } = c.get('deps');
  const { code, password } = c.req.valid('json');
  const account = auth.account;
  if (!account.totpEnabled || !account.totpSecret) throw new AppError(409, 'conflict');
  if (!(await verifyPassword(account.passwordHash, password))) throw new AppError(422, 'wrong_password');
  if (matchTotp(account.totpSecret, code) === null) throw new AppError(422, 'totp_invalid');
  const updated = (await updateAccount(db, account.id, { totpEnabled: false, totpSecret: null, totpLastStep: null }))!;
  await audit(c, { entity: 'account', entityId: account.id, action: 'totp_disable', communeId: account.communeId });
  const { requireTotpForAdmins } = await c.get('deps').settings.get();
  return c.json(meOf(updated, needsTotpEnrollment(requireTotpForAdmins, updated.role, updated.totpEnabled)), 200);
};
