import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@vungxanh/db';
import { seedAdmin } from '@vungxanh/db/seed';
import { factories } from '@vungxanh/db/testing';
import { totpCode } from '../src/lib/totp.ts';
import { cookieFrom, createHarness, PASSWORD, passwordHash } from './harness.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
let h: H;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.cleanup());

const login = (username: string, password: string, extra: Record<string, string> = {}) =>
  h.call('POST', '/api/auth/login', { body: { username, password, ...extra }, headers: { 'x-forwarded-for': 'x' } });

async function account(overrides: Partial<typeof schema.accounts.$inferInsert> = {}) {
  const commune = await factories.commune(h.db);
  return factories.account(h.db, {
    passwordHash: await passwordHash(),
    role: 'commune_admin',
    communeId: commune.id,
    provinceId: commune.provinceId,
    ...overrides,
  });
}

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite session cookie and records the sign-in', async () => {
    const a = await account();
    const res = await login(a.username, PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: a.username, role: 'commune_admin', mustEnrollTotp: false });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    const me = await h.call('GET', '/api/auth/me', { cookie: cookieFrom(res.headers) });
    expect(me.body.id).toBe(a.id);
    const audit = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'login'));
    expect(audit.map((r) => r.accountId)).toContain(a.id);
  });

  it('stores only a hash of the session token', async () => {
    const a = await account();
    const cookie = await h.signIn(a.username);
    const token = cookie.split('=')[1]!;
    const rows = await h.db.select().from(schema.sessions);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token);
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const a = await account();
    const wrong = await login(a.username, 'not-the-password');
    const unknown = await login('nobody-here', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    expect(unknown.body.code).toBe('invalid_credentials');
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('speaks the caller’s language', async () => {
    const vi = await h.call('POST', '/api/auth/login', { body: { username: 'x', password: 'y' } });
    const en = await h.call('POST', '/api/auth/login', {
      body: { username: 'x', password: 'y' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(vi.body.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(en.body.message).toBe('Wrong username or password.');
  });

  it('locks the account after five failures, even for the right password', async () => {
    const a = await account();
    for (let i = 0; i < 5; i++) expect((await login(a.username, `wrong-${i}`)).status).toBe(401);
    const locked = await login(a.username, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('account_locked');
    expect(locked.headers.get('retry-after')).toBeTruthy();
  });

  it("a stranger's failures lock only the stranger's address: the owner still signs in from theirs", async () => {
    const proxied = await createHarness({ TRUST_PROXY: 'true' });
    try {
      const a = await factories.account(proxied.db, { passwordHash: await passwordHash(), role: 'system' });
      const from = (address: string, password: string) =>
        proxied.call('POST', '/api/auth/login', {
          body: { username: a.username, password },
          headers: { 'x-forwarded-for': address },
        });
      for (let i = 0; i < 5; i++) expect((await from('203.0.113.9', `guess-${i}`)).status).toBe(401);
      const stranger = await from('203.0.113.9', PASSWORD);
      expect(stranger.status).toBe(429);
      expect(stranger.body.code).toBe('account_locked');
      expect((await from('198.51.100.7', PASSWORD)).status).toBe(200);
      // The owner's sign-in does not unlock the stranger, and every failure stays in the audit log.
      expect((await from('203.0.113.9', PASSWORD)).status).toBe(429);
      const failed = await proxied.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'login_failed'));
      expect(failed.filter((e) => e.username === a.username)).toHaveLength(5);
    } finally {
      proxied.cleanup();
    }
  });

  it('rate-limits many sign-ins from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login(`someone-${i}`, 'whatever')).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('refuses a disabled account', async () => {
    const a = await account({ disabled: true });
    const res = await login(a.username, PASSWORD);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('account_disabled');
  });

  it('rotates the session on sign-in: the old cookie stops working', async () => {
    const a = await account();
    const first = await h.signIn(a.username);
    const again = await h.call('POST', '/api/auth/login', {
      cookie: first,
      body: { username: a.username, password: PASSWORD },
    });
    expect(again.status).toBe(200);
    const second = cookieFrom(again.headers);
    expect(second).not.toBe(first);
    expect((await h.call('GET', '/api/auth/me', { cookie: first })).status).toBe(401);
    expect((await h.call('GET', '/api/auth/me', { cookie: second })).status).toBe(200);
  });
});

describe('sessions', () => {
  it('sign-out ends the session', async () => {
    const a = await account();
    const cookie = await h.signIn(a.username);
    expect((await h.call('POST', '/api/auth/logout', { cookie })).status).toBe(200);
    expect((await h.call('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('sign-out everywhere ends the other sessions and keeps this one', async () => {
    const a = await account();
    const phone = await h.signIn(a.username);
    const laptop = await h.signIn(a.username);
    const res = await h.call('POST', '/api/auth/logout-all', { cookie: laptop });
    expect(res.body).toEqual({ ok: true, ended: 1 });
    expect((await h.call('GET', '/api/auth/me', { cookie: phone })).status).toBe(401);
    expect((await h.call('GET', '/api/auth/me', { cookie: laptop })).status).toBe(200);
  });

  it('expires an idle session', async () => {
    const a = await account();
    const cookie = await h.signIn(a.username);
    await h.db.update(schema.sessions).set({ expiresAt: new Date(Date.now() - 1000) });
    expect((await h.call('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('changing the password ends other sessions and needs the current one', async () => {
    const a = await account();
    const other = await h.signIn(a.username);
    const mine = await h.signIn(a.username);
    const wrong = await h.call('POST', '/api/auth/password', {
      cookie: mine,
      body: { currentPassword: 'nope', newPassword: 'a-brand-new-pass' },
    });
    expect(wrong.body.code).toBe('wrong_password');
    const ok = await h.call('POST', '/api/auth/password', {
      cookie: mine,
      body: { currentPassword: PASSWORD, newPassword: 'a-brand-new-pass' },
    });
    expect(ok.status).toBe(200);
    expect((await h.call('GET', '/api/auth/me', { cookie: other })).status).toBe(401);
    expect((await login(a.username, 'a-brand-new-pass')).status).toBe(200);
  });

  it('an account with a generated password is asked to change it; changing it removes the kept copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vungxanh-pw-'));
    const kept = await createHarness({ DATABASE_URL: `file:${join(dir, 'v.db')}` });
    try {
      expect(await seedAdmin(kept.db, await passwordHash(), { generated: true })).toBe(true);
      const file = kept.deps.initialPasswordFile;
      expect(file).toBe(join(dir, 'admin-password.txt'));
      writeFileSync(file, `${PASSWORD}\n`, { mode: 0o600 });
      const cookie = await kept.signIn('admin');
      expect((await kept.call('GET', '/api/auth/me', { cookie })).body.mustChangePassword).toBe(true);
      const changed = await kept.call('POST', '/api/auth/password', {
        cookie,
        body: { currentPassword: PASSWORD, newPassword: 'a-brand-new-pass' },
      });
      expect(changed.status).toBe(200);
      expect(existsSync(file)).toBe(false);
      expect((await kept.call('GET', '/api/auth/me', { cookie })).body.mustChangePassword).toBe(false);
    } finally {
      kept.cleanup();
    }
  });

  it('disabling an account signs it out', async () => {
    const admin = await account({ role: 'system', communeId: null, provinceId: null });
    const target = await account();
    const targetCookie = await h.signIn(target.username);
    const adminCookie = await h.signIn(admin.username);
    expect(
      (await h.call('PATCH', `/api/accounts/${target.id}`, { cookie: adminCookie, body: { disabled: true } })).status,
    ).toBe(200);
    expect((await h.call('GET', '/api/auth/me', { cookie: targetCookie })).status).toBe(401);
  });
});

describe('two-factor authentication', () => {
  async function enrol(username: string) {
    const cookie = await h.signIn(username);
    const setup = await h.call('POST', '/api/auth/totp/setup', { cookie });
    expect(setup.body.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const secret: string = setup.body.secret;
    const bad = await h.call('POST', '/api/auth/totp/enable', {
      cookie,
      body: { code: totpCode(secret) === '000000' ? '111111' : '000000' },
    });
    expect(bad.body.code).toBe('totp_invalid');
    const ok = await h.call('POST', '/api/auth/totp/enable', {
      cookie,
      body: { code: totpCode(secret, Date.now() - 30_000) },
    });
    expect(ok.body.totpEnabled).toBe(true);
    return { cookie, secret };
  }

  it('asks for a code after the password, and accepts each code once', async () => {
    const a = await account();
    const { secret } = await enrol(a.username);
    const noCode = await login(a.username, PASSWORD);
    expect(noCode.status).toBe(401);
    expect(noCode.body.code).toBe('totp_required');
    const code = totpCode(secret);
    expect((await login(a.username, PASSWORD, { totp: code })).status).toBe(200);
    const replay = await login(a.username, PASSWORD, { totp: code });
    expect(replay.body.code).toBe('totp_invalid');
  });

  it('can be turned off with the password and a code', async () => {
    const a = await account();
    const { cookie, secret } = await enrol(a.username);
    const res = await h.call('POST', '/api/auth/totp/disable', {
      cookie,
      body: { password: PASSWORD, code: totpCode(secret) },
    });
    expect(res.body.totpEnabled).toBe(false);
    expect((await login(a.username, PASSWORD)).status).toBe(200);
  });

  it('when required by the instance, blocks admins until they enrol', async () => {
    const system = await account({ role: 'system', communeId: null, provinceId: null });
    const { cookie: systemCookie } = await enrol(system.username);
    expect(
      (await h.call('PATCH', '/api/settings', { cookie: systemCookie, body: { requireTotpForAdmins: true } })).status,
    ).toBe(200);
    const admin = await account();
    const cookie = await h.signIn(admin.username);
    const me = await h.call('GET', '/api/auth/me', { cookie });
    expect(me.body.mustEnrollTotp).toBe(true);
    const blocked = await h.call('GET', '/api/units/communes', { cookie });
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('totp_enrollment_required');
    const head = await account({ role: 'village_head' });
    const headCookie = await h.signIn(head.username);
    expect((await h.call('GET', '/api/units/communes', { cookie: headCookie })).status).toBe(200);
    await enrol(admin.username);
    const after = await h.signIn(
      admin.username,
      PASSWORD,
      totpCode(
        (await h.db.select().from(schema.accounts).where(eq(schema.accounts.id, admin.id)))[0]!.totpSecret!,
        Date.now() + 30_000,
      ),
    );
    expect((await h.call('GET', '/api/units/communes', { cookie: after })).status).toBe(200);
  });
});
