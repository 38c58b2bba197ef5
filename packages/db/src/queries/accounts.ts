import { and, asc, count, eq, gt, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { keptPerDb } from '../prepared.ts';
import { accounts, loginFailures, sessions } from '../schema/index.ts';
import type { Page } from './units.ts';

export type AccountRow = typeof accounts.$inferSelect;

export async function findAccountByUsername(db: Db, username: string) {
  return (await db.select().from(accounts).where(eq(accounts.username, username)))[0] ?? null;
}

export async function getAccount(db: Db, id: string) {
  return (await db.select().from(accounts).where(eq(accounts.id, id)))[0] ?? null;
}

export async function listAccounts(db: Db, filter: Page & { communeId?: string }) {
  const where = filter.communeId ? eq(accounts.communeId, filter.communeId) : undefined;
  const [items, [total]] = await Promise.all([
    db.select().from(accounts).where(where).orderBy(asc(accounts.username)).limit(filter.limit).offset(filter.offset),
    db.select({ n: count() }).from(accounts).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function createAccount(db: Db, input: typeof accounts.$inferInsert) {
  const [row] = await db.insert(accounts).values(input).returning();
  return row!;
}

export async function updateAccount(db: Db, id: string, patch: Partial<typeof accounts.$inferInsert>) {
  if (Object.keys(patch).length === 0) return getAccount(db, id);
  const [row] = await db.update(accounts).set(patch).where(eq(accounts.id, id)).returning();
  return row ?? null;
}

export async function countAccounts(db: Db) {
  const [row] = await db.select({ n: count() }).from(accounts);
  return row?.n ?? 0;
}

// Sessions: the cookie holds a random token; the table holds its hash.

export async function createSession(db: Db, input: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(input);
}

/**
 * The session lookup, kept per database: every signed-in request makes it, and building the query (drizzle checking
 * each column of both tables) took longer than running it (profiled: 2.7 of 11 s under load).
 */
const sessionLookup = keptPerDb((db) =>
  db
    .select({ session: sessions, account: accounts })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare(),
);

export async function findSession(db: Db, tokenHash: string, now: Date) {
  // A placeholder is bound as given: the instant column holds milliseconds.
  const [row] = await sessionLookup(db).all({ tokenHash, now: now.getTime() });
  return row ?? null;
}

export async function touchSession(db: Db, tokenHash: string, lastSeenAt: Date, expiresAt: Date) {
  await db.update(sessions).set({ lastSeenAt, expiresAt }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of an account, or all but one (the caller's own). */
export async function deleteSessionsOf(db: Db, accountId: string, keepTokenHash?: string) {
  const conditions: SQL[] = [eq(sessions.accountId, accountId)];
  if (keepTokenHash) conditions.push(ne(sessions.tokenHash, keepTokenHash));
  await db.delete(sessions).where(and(...conditions));
}

export async function purgeExpiredSessions(db: Db, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function countSessionsOf(db: Db, accountId: string) {
  const [row] = await db.select({ n: count() }).from(sessions).where(eq(sessions.accountId, accountId));
  return row?.n ?? 0;
}

// Failed sign-ins, for lockout.

export async function recordLoginFailure(db: Db, username: string, address: string, at: Date) {
  await db.insert(loginFailures).values({ username, address, at });
}

/** Failures of one username from one client address since a time. */
export async function loginFailuresSince(db: Db, username: string, address: string, since: Date) {
  const rows = await db
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(and(eq(loginFailures.username, username), eq(loginFailures.address, address), gt(loginFailures.at, since)));
  return rows.map((r) => r.at);
}

/** Forgets one address's failures for a username (after it signed in); other addresses stay locked. */
export async function clearLoginFailures(db: Db, username: string, address: string) {
  await db.delete(loginFailures).where(and(eq(loginFailures.username, username), eq(loginFailures.address, address)));
}
