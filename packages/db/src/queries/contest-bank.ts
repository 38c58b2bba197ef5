import { and, asc, eq, inArray } from 'drizzle-orm';
import { contestScope } from '@vungxanh/domain';
import type { Db } from '../client.ts';
import { isUniqueViolation } from '../client.ts';
import { questions } from '../schema/index.ts';
import { auditInsert, type AuditEntry } from './audit.ts';

type QuestionInsert = typeof questions.$inferInsert;

/** A contest's own questions (its organizers wrote them), newest last. */
export async function listContestQuestions(db: Db, contestId: string) {
  return db
    .select()
    .from(questions)
    .where(eq(questions.contestId, contestId))
    .orderBy(asc(questions.createdAt), asc(questions.id));
}

/**
 * Adds questions to a contest's own bank with their audit row, all or nothing. Their scope is the
 * contest's, so no national or commune list or pack ever matches them.
 */
export async function insertContestQuestions(
  db: Db,
  contest: { id: string; communeId: string | null },
  rows: readonly Omit<QuestionInsert, 'scope' | 'communeId' | 'contestId' | 'bank'>[],
  audit: AuditEntry,
) {
  const values = rows.map((r) => ({
    ...r,
    bank: 'contest' as const,
    contestId: contest.id,
    communeId: contest.communeId,
    scope: contestScope(contest.id),
  }));
  if (values.length === 0) return [];
  const [, inserted] = await db.batch([
    auditInsert(db, { ...audit, communeId: contest.communeId }),
    db.insert(questions).values(values).returning(),
  ]);
  return inserted;
}

/** The questions behind a round's draws, with their keys: for the item analysis and the release only. */
export async function questionsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(questions)
    .where(inArray(questions.id, [...ids]));
}

/** The ids of every question any attempt of the round drew. */
export async function roundQuestionIds(db: Db, roundId: string): Promise<string[]> {
  const rs = await db.$client.execute({
    sql: `SELECT DISTINCT j.value ->> 'id' AS id FROM contest_attempts a, json_each(a.questions) j WHERE a.round_id = ?`,
    args: [roundId],
  });
  return rs.rows.map((r) => String(r.id));
}

/** Of the given questions, those drawn by an attempt of another round that has not ended by `now`. */
export async function questionsInOpenRounds(db: Db, ids: readonly string[], exceptRoundId: string, now: number) {
  if (ids.length === 0) return new Set<string>();
  const rs = await db.$client.execute({
    sql: `SELECT DISTINCT j.value ->> 'id' AS id FROM contest_attempts a JOIN contest_rounds r ON r.id = a.round_id, json_each(a.questions) j
          WHERE a.round_id <> ? AND r.ends_at > ? AND (j.value ->> 'id') IN (${ids.map(() => '?').join(',')})`,
    args: [exceptRoundId, now, ...ids],
  });
  return new Set(rs.rows.map((r) => String(r.id)));
}

/**
 * Moves contest questions to the practice bank of `communeId` (a contest's own ones leave their
 * contest), one by one so a question whose text the commune's practice bank already holds is kept
 * back rather than failing the rest. Returns the ids moved and those kept back; one audit row.
 */
export async function releaseToPractice(
  db: Db,
  items: readonly { id: string; scope: string }[],
  communeId: string,
  audit: AuditEntry,
  now = new Date(),
) {
  const released: string[] = [];
  const duplicate: string[] = [];
  for (const item of items) {
    const scope = item.scope === 'national' ? 'national' : communeId;
    try {
      await db
        .update(questions)
        .set({
          bank: 'practice',
          releasedAt: now,
          contestId: null,
          scope,
          communeId: scope === 'national' ? null : communeId,
        })
        .where(and(eq(questions.id, item.id), eq(questions.bank, 'contest')));
      released.push(item.id);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      duplicate.push(item.id);
    }
  }
  await auditInsert(db, { ...audit, communeId, summary: JSON.stringify({ released, duplicate }) });
  return { released, duplicate };
}

/** The published questions of one bank within the given scopes, for its quality-gate report. */
export async function bankQuestions(db: Db, bank: 'practice' | 'contest', scopes: readonly string[]) {
  return db
    .select()
    .from(questions)
    .where(and(eq(questions.bank, bank), eq(questions.status, 'published'), inArray(questions.scope, [...scopes])));
}
