import { z } from 'zod';
import { roleSchema } from './roles.ts';
import { nameSchema } from './units.ts';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'letters, digits, dot, dash or underscore; 3-40 characters');

export const passwordSchema = z.string().min(10).max(200);

/** A password is weak when short or equal to the username (case-insensitive). */
export function isWeakPassword(password: string, username: string): boolean {
  return password.length < 10 || password.toLowerCase().includes(username.toLowerCase());
}

export const accountInput = z.strictObject({
  username: usernameSchema,
  displayName: nameSchema,
  role: roleSchema,
  password: passwordSchema,
  provinceId: z.string().max(64).nullable().default(null),
  communeId: z.string().max(64).nullable().default(null),
  villageId: z.string().max(64).nullable().default(null),
  schoolId: z.string().max(64).nullable().default(null),
});
export const accountPatch = z
  .strictObject({
    displayName: nameSchema,
    disabled: z.boolean(),
  })
  .partial();

export const loginInput = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(40),
  password: z.string().min(1).max(200),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

/**
 * Failed sign-ins before an account is locked, and for how long. Counted per account *and* client address
 * (OWASP ASVS anti-automation): a stranger's guesses lock the stranger out, not the owner at their usual address;
 * the per-address sign-in rate limit bounds guesses from many addresses.
 */
export const lockoutPolicy = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 } as const;

/**
 * Whether an account is locked: too many failures in the window lock it until
 * the last failure plus the lock time.
 */
export function lockedUntil(failures: readonly Date[], now: Date): Date | null {
  const windowStart = now.getTime() - lockoutPolicy.windowMinutes * 60_000;
  const recent = failures.filter((f) => f.getTime() > windowStart).sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < lockoutPolicy.maxFailures) return null;
  const last = recent[recent.length - 1]!;
  const until = new Date(last.getTime() + lockoutPolicy.lockMinutes * 60_000);
  return until > now ? until : null;
}

/** Session lifetimes: idle expiry slides with use, absolute expiry never moves. */
export const sessionPolicy = { idleMinutes: 120, absoluteHours: 12 } as const;

export function sessionExpiry(createdAt: Date, lastSeenAt: Date): Date {
  const idle = lastSeenAt.getTime() + sessionPolicy.idleMinutes * 60_000;
  const absolute = createdAt.getTime() + sessionPolicy.absoluteHours * 3_600_000;
  return new Date(Math.min(idle, absolute));
}
