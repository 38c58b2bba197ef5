import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { contestLinks, contestParticipants, contestRecovery } from '../schema/index.ts';

// Short links

export async function contestLinkOf(db: Db, contestId: string) {
  return (await db.select().from(contestLinks).where(eq(contestLinks.contestId, contestId)))[0] ?? null;
}
export async function insertContestLink(db: Db, row: typeof contestLinks.$inferInsert) {
  return (await db.insert(contestLinks).values(row).returning())[0]!;
}
export async function contestIdByLink(db: Db, code: string) {
  const row = (await db.select().from(contestLinks).where(eq(contestLinks.code, code)))[0];
  return row?.contestId ?? null;
}

// Recovery codes

/** Sets (or replaces) a participant's recovery code hash. */
export async function setRecoveryCode(db: Db, row: { participantId: string; contestId: string; codeHash: string }) {
  await db
    .insert(contestRecovery)
    .values(row)
    .onConflictDoUpdate({ target: contestRecovery.participantId, set: { codeHash: row.codeHash, usedAt: null } });
}

export async function participantByPhone(db: Db, contestId: string, phone: string) {
  return (
    (
      await db
        .select()
        .from(contestParticipants)
        .where(and(eq(contestParticipants.contestId, contestId), eq(contestParticipants.phone, phone)))
    )[0] ?? null
  );
}

/**
 * Moves a participant to a new device in one write: the token is replaced (the old device's token
 * stops working) and the recovery code is spent and replaced, both only if the code given matches.
 * Answers whether it matched.
 */
export async function recoverParticipant(
  db: Db,
  input: { participantId: string; codeHash: string; newCodeHash: string; tokenHash: string },
) {
  const now = Date.now();
  const [moved] = await db.$client.batch(
    [
      {
        sql: `UPDATE contest_participants SET token_hash = ?, updated_at = ? WHERE id = ?
              AND EXISTS (SELECT 1 FROM contest_recovery WHERE participant_id = ? AND code_hash = ?)`,
        args: [input.tokenHash, now, input.participantId, input.participantId, input.codeHash],
      },
      {
        sql: `UPDATE contest_recovery SET code_hash = ?, used_at = ? WHERE participant_id = ? AND code_hash = ?`,
        args: [input.newCodeHash, now, input.participantId, input.codeHash],
      },
    ],
    'write',
  );
  return (moved?.rowsAffected ?? 0) === 1;
}
