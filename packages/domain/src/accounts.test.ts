import { describe, expect, it } from 'vitest';
import { isWeakPassword, lockedUntil, lockoutPolicy, loginInput, sessionExpiry, sessionPolicy } from './accounts.ts';

const minutes = (n: number) => n * 60_000;

describe('lockedUntil', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const failuresAgo = (...ago: number[]) => ago.map((m) => new Date(now.getTime() - minutes(m)));

  it('does not lock below the failure limit', () => {
    expect(lockedUntil(failuresAgo(1, 2, 3, 4), now)).toBeNull();
  });
  it('locks at the limit until the last failure plus the lock time', () => {
    const until = lockedUntil(failuresAgo(1, 2, 3, 4, 5), now);
    expect(until?.toISOString()).toBe(
      new Date(now.getTime() - minutes(1) + minutes(lockoutPolicy.lockMinutes)).toISOString(),
    );
  });
  it('forgets failures older than the window', () => {
    expect(lockedUntil(failuresAgo(1, 2, 16, 17, 18), now)).toBeNull();
  });
  it('unlocks once the lock time has passed', () => {
    expect(
      lockedUntil(
        failuresAgo(14.9, 14.9, 14.9, 14.9, 14.9).map((d) => d),
        new Date(now.getTime() + minutes(1)),
      ),
    ).toBeNull();
  });
});

describe('sessionExpiry', () => {
  const created = new Date('2026-11-23T00:00:00Z');
  it('slides with use', () => {
    const seen = new Date(created.getTime() + minutes(30));
    expect(sessionExpiry(created, seen).getTime()).toBe(seen.getTime() + minutes(sessionPolicy.idleMinutes));
  });
  it('never passes the absolute lifetime', () => {
    const seen = new Date(created.getTime() + minutes(sessionPolicy.absoluteHours * 60 - 5));
    expect(sessionExpiry(created, seen).getTime()).toBe(created.getTime() + minutes(sessionPolicy.absoluteHours * 60));
  });
});

describe('passwords and sign-in input', () => {
  it('calls short passwords and ones containing the username weak', () => {
    expect(isWeakPassword('short', 'lan')).toBe(true);
    expect(isWeakPassword('xxnguyenvanaxx', 'nguyenvana')).toBe(true);
    expect(isWeakPassword('correct horse battery', 'lan')).toBe(false);
  });
  it('normalises the username and checks the TOTP shape', () => {
    expect(loginInput.parse({ username: ' Admin ', password: 'x' }).username).toBe('admin');
    expect(loginInput.safeParse({ username: 'a', password: 'x', totp: '12345' }).success).toBe(false);
  });
});
