import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { contestScope, type ContestUnitKind, type DrawnContestQuestion } from '@vungxanh/domain';
import { isUniqueViolation, type Db } from '../client.ts';
import {
  communes,
  contestAttempts,
  contestParticipants,
  contestRounds,
  contests,
  organizations,
  questions,
  schools,
  villages,
} from '../schema/index.ts';
import type { Page } from './units.ts';
import { groupWrites } from '../write-queue.ts';

export type ContestRow = typeof contests.$inferSelect;
export type RoundRow = typeof contestRounds.$inferSelect;
export type ParticipantRow = typeof contestParticipants.$inferSelect;
export type AttemptRow = typeof contestAttempts.$inferSelect;

// Contests and rounds

export async function listContests(db: Db, communeIds: readonly string[] | null) {
  const where = communeIds ? inArray(contests.communeId, [...communeIds]) : undefined;
  return db.select().from(contests).where(where).orderBy(desc(contests.createdAt));
}
/**
 * Province-scope contests of a province. `hostedByProvince` keeps those with no host commune (the
 * province organizers' own); `visibleOnly` leaves drafts out (what a commune's organizers may follow).
 */
export async function listProvinceContests(
  db: Db,
  provinceId: string,
  opts: { hostedByProvince?: boolean; visibleOnly?: boolean } = {},
) {
  return db
    .select()
    .from(contests)
    .where(
      and(
        eq(contests.provinceId, provinceId),
        eq(contests.scope, 'province'),
        opts.hostedByProvince ? isNull(contests.communeId) : undefined,
        opts.visibleOnly ? inArray(contests.status, ['published', 'paused', 'closed']) : undefined,
      ),
    )
    .orderBy(desc(contests.createdAt));
}
export async function getContest(db: Db, id: string) {
  return (await db.select().from(contests).where(eq(contests.id, id)))[0] ?? null;
}
export async function insertContest(db: Db, row: typeof contests.$inferInsert) {
  return (await db.insert(contests).values(row).returning())[0]!;
}
export async function updateContest(db: Db, id: string, patch: Partial<typeof contests.$inferInsert>) {
  if (Object.keys(patch).length === 0) return getContest(db, id);
  return (await db.update(contests).set(patch).where(eq(contests.id, id)).returning())[0] ?? null;
}

/** Contests participants may see: not drafts; those of a commune and the province-scope ones of its province. */
export async function listPublicContests(db: Db, place: { communeId: string; provinceId: string } | null) {
  const visible = inArray(contests.status, ['published', 'paused', 'closed']);
  const where = place
    ? and(
        visible,
        or(
          eq(contests.communeId, place.communeId),
          and(eq(contests.scope, 'province'), eq(contests.provinceId, place.provinceId)),
        ),
      )
    : visible;
  return db.select().from(contests).where(where).orderBy(desc(contests.createdAt)).limit(100);
}

export async function listRounds(db: Db, contestId: string) {
  return db
    .select()
    .from(contestRounds)
    .where(eq(contestRounds.contestId, contestId))
    .orderBy(asc(contestRounds.startsAt));
}
export async function getRound(db: Db, id: string) {
  return (await db.select().from(contestRounds).where(eq(contestRounds.id, id)))[0] ?? null;
}
export async function insertRound(db: Db, row: typeof contestRounds.$inferInsert) {
  return (await db.insert(contestRounds).values(row).returning())[0]!;
}
export async function updateRound(db: Db, id: string, patch: Partial<typeof contestRounds.$inferInsert>) {
  if (Object.keys(patch).length === 0) return getRound(db, id);
  return (await db.update(contestRounds).set(patch).where(eq(contestRounds.id, id)).returning())[0] ?? null;
}

/**
 * The published contest-bank questions a contest may draw from: the national contest bank, the host
 * commune's, and the contest's own. The key is selected for the draw, which keeps it server-side.
 */
export async function contestQuestionPool(db: Db, contest: { id: string; communeId: string | null }) {
  return db
    .select({
      id: questions.id,
      type: questions.type,
      topic: questions.topic,
      difficulty: questions.difficulty,
      correct: questions.correct,
      vi: questions.vi,
      group: questions.exclusionGroup,
    })
    .from(questions)
    .where(
      and(
        eq(questions.status, 'published'),
        eq(questions.bank, 'contest'),
        inArray(questions.scope, [
          'national',
          contestScope(contest.id),
          ...(contest.communeId ? [contest.communeId] : []),
        ]),
      ),
    );
}

/** The texts of drawn questions, to show them (the key is not selected). */
export async function questionTexts(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: questions.id, type: questions.type, vi: questions.vi, en: questions.en })
    .from(questions)
    .where(inArray(questions.id, [...ids]));
}

// Participants

export async function insertParticipant(db: Db, row: typeof contestParticipants.$inferInsert) {
  return (await db.insert(contestParticipants).values(row).returning())[0]!;
}
export async function participantByClientId(db: Db, contestId: string, clientId: string) {
  return (
    (
      await db
        .select()
        .from(contestParticipants)
        .where(and(eq(contestParticipants.contestId, contestId), eq(contestParticipants.clientId, clientId)))
    )[0] ?? null
  );
}
export async function participantByToken(db: Db, tokenHash: string) {
  return (await db.select().from(contestParticipants).where(eq(contestParticipants.tokenHash, tokenHash)))[0] ?? null;
}
export async function getParticipant(db: Db, id: string) {
  return (await db.select().from(contestParticipants).where(eq(contestParticipants.id, id)))[0] ?? null;
}
export async function updateParticipant(db: Db, id: string, patch: Partial<typeof contestParticipants.$inferInsert>) {
  return (await db.update(contestParticipants).set(patch).where(eq(contestParticipants.id, id)).returning())[0] ?? null;
}

/** A contest's participants; with `unitCommuneId`, only those competing for a unit of that commune. */
export async function listParticipants(db: Db, contestId: string, page?: Page, unitCommuneId?: string) {
  const where = and(
    eq(contestParticipants.contestId, contestId),
    unitCommuneId ? eq(contestParticipants.unitCommuneId, unitCommuneId) : undefined,
  );
  const q = db.select().from(contestParticipants).where(where).orderBy(asc(contestParticipants.createdAt));
  const [items, [total]] = await Promise.all([
    page ? q.limit(page.limit).offset(page.offset) : q,
    db.select({ n: count() }).from(contestParticipants).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function countParticipants(db: Db, contestId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(contestParticipants)
    .where(eq(contestParticipants.contestId, contestId));
  return row?.n ?? 0;
}

/** The name of the unit a participant competes for, and its commune; null when it does not exist. */
export async function contestUnit(db: Db, kind: ContestUnitKind, id: string) {
  if (kind === 'commune') {
    const [c] = await db.select({ id: communes.id, name: communes.name }).from(communes).where(eq(communes.id, id));
    return c ? { ...c, communeId: c.id, active: true } : null;
  }
  const t = kind === 'village' ? villages : kind === 'school' ? schools : organizations;
  const [row] = await db
    .select({ id: t.id, name: t.name, communeId: t.communeId, active: t.active })
    .from(t)
    .where(eq(t.id, id));
  return row ?? null;
}

/**
 * Every active unit of the given communes, for the registration form and the collective ranking;
 * with `communes`, the communes themselves too (a province contest takes people competing for one).
 */
export async function contestUnits(db: Db, communeIds: readonly string[], opts: { communes?: boolean } = {}) {
  const ids = [...communeIds];
  const [c, v, s, o] = await Promise.all([
    opts.communes
      ? db
          .select({ id: communes.id, name: communes.name, communeId: communes.id })
          .from(communes)
          .where(inArray(communes.id, ids))
          .orderBy(asc(communes.name))
      : [],
    db
      .select({ id: villages.id, name: villages.name, communeId: villages.communeId, base: villages.population })
      .from(villages)
      .where(and(inArray(villages.communeId, ids), eq(villages.active, true)))
      .orderBy(asc(villages.sortKey)),
    db
      .select({ id: schools.id, name: schools.name, communeId: schools.communeId, base: schools.students })
      .from(schools)
      .where(and(inArray(schools.communeId, ids), eq(schools.active, true)))
      .orderBy(asc(schools.sortKey)),
    db
      .select({ id: organizations.id, name: organizations.name, communeId: organizations.communeId })
      .from(organizations)
      .where(and(inArray(organizations.communeId, ids), eq(organizations.active, true)))
      .orderBy(asc(organizations.sortKey)),
  ]);
  return [
    ...c.map((u) => ({ ...u, kind: 'commune' as const, base: null })),
    ...v.map((u) => ({ ...u, kind: 'village' as const })),
    ...s.map((u) => ({ ...u, kind: 'school' as const })),
    ...o.map((u) => ({ ...u, kind: 'organization' as const, base: null })),
  ];
}

export async function communesOfContest(db: Db, contest: ContestRow) {
  const where =
    contest.scope === 'province' || !contest.communeId
      ? eq(communes.provinceId, contest.provinceId)
      : eq(communes.id, contest.communeId);
  return db.select({ id: communes.id, name: communes.name }).from(communes).where(where).orderBy(asc(communes.name));
}

// Attempts

const attemptColumns =
  'a.id, a.round_id, a.participant_id, a.attempt_no, a.questions, a.answers, a.prediction, a.started_at, a.deadline_at, a.submitted_at, a.closed_reason, a.score, a.duration_ms, a.flagged';

/** An attempt as the hot paths read it: raw answers text too, so a submit can tell whether answers moved. */
export interface LiveAttempt {
  id: string;
  roundId: string;
  participantId: string;
  attemptNo: number;
  questions: DrawnContestQuestion[];
  answers: Record<string, string[]>;
  answersText: string;
  prediction: number | null;
  startedAt: number;
  deadlineAt: number;
  submittedAt: number | null;
  closedReason: 'submitted' | 'deadline' | null;
  score: number | null;
  durationMs: number | null;
  flagged: boolean;
  tokenHash: string;
}

function toLive(r: Record<string, unknown>): LiveAttempt {
  const answersText = String(r.answers);
  return {
    id: String(r.id),
    roundId: String(r.round_id),
    participantId: String(r.participant_id),
    attemptNo: Number(r.attempt_no),
    questions: JSON.parse(String(r.questions)) as DrawnContestQuestion[],
    answers: JSON.parse(answersText) as Record<string, string[]>,
    answersText,
    prediction: r.prediction === null ? null : Number(r.prediction),
    startedAt: Number(r.started_at),
    deadlineAt: Number(r.deadline_at),
    submittedAt: r.submitted_at === null ? null : Number(r.submitted_at),
    closedReason: (r.closed_reason as LiveAttempt['closedReason']) ?? null,
    score: r.score === null ? null : Number(r.score),
    durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
    flagged: Number(r.flagged) === 1,
    tokenHash: String(r.token_hash ?? ''),
  };
}

/** One attempt with its participant's token hash, in one hand-written read (the answer path runs it per request). */
export async function liveAttempt(db: Db, id: string): Promise<LiveAttempt | null> {
  const rs = await db.$client.execute({
    sql: `SELECT ${attemptColumns}, p.token_hash FROM contest_attempts a JOIN contest_participants p ON p.id = a.participant_id WHERE a.id = ?`,
    args: [id],
  });
  const row = rs.rows[0];
  return row ? toLive(row as unknown as Record<string, unknown>) : null;
}

export async function participantAttempts(db: Db, roundId: string, participantId: string) {
  return db
    .select()
    .from(contestAttempts)
    .where(and(eq(contestAttempts.roundId, roundId), eq(contestAttempts.participantId, participantId)))
    .orderBy(asc(contestAttempts.attemptNo));
}

export type StartResult =
  | { kind: 'open'; attemptId: string }
  | { kind: 'created'; attemptId: string }
  | { kind: 'exhausted' }
  | { kind: 'pool_too_small' };

async function attemptSlots(db: Db, roundId: string, participantId: string) {
  const rs = await db.$client.execute({
    sql: 'SELECT id, client_id, submitted_at, deadline_at FROM contest_attempts WHERE round_id = ? AND participant_id = ? ORDER BY attempt_no',
    args: [roundId, participantId],
  });
  return rs.rows.map((r) => ({
    id: String(r.id),
    clientId: r.client_id === null ? null : String(r.client_id),
    submitted: r.submitted_at !== null,
    deadline: Number(r.deadline_at),
  }));
}

/**
 * Starts an attempt, or answers the open one (a reload is the same attempt). The count and the
 * insert are one statement, so two concurrent starts cannot both take the last allowed attempt
 * (SQLite runs a statement atomically); the unique index on (round, participant, attempt number)
 * backs it up. The loser of a race answers the winner's attempt, as a reload would.
 */
export async function startAttempt(
  db: Db,
  opts: {
    round: RoundRow;
    participantId: string;
    /** The participant's commune, which scopes the attempt row. */
    communeId: string;
    clientId: string | null;
    now: Date;
    graceMs: number;
    deadline: Date;
    draw: () => DrawnContestQuestion[] | null;
  },
): Promise<StartResult> {
  const { round, participantId, clientId, now } = opts;
  const existing = async () => {
    const rows = await attemptSlots(db, round.id, participantId);
    const same = clientId ? rows.find((r) => r.clientId === clientId) : undefined;
    const open = rows.find((r) => !r.submitted && r.deadline + opts.graceMs >= now.getTime());
    return { rows, found: same ?? open };
  };
  const before = await existing();
  if (before.found) return { kind: 'open', attemptId: before.found.id };
  if (before.rows.length >= round.attemptsAllowed) return { kind: 'exhausted' };
  const drawn = opts.draw();
  if (!drawn) return { kind: 'pool_too_small' };
  const id = crypto.randomUUID();
  const count = '(SELECT count(*) FROM contest_attempts WHERE round_id = ? AND participant_id = ?)';
  let inserted = 0;
  try {
    const rs = await db.$client.execute({
      sql: `INSERT INTO contest_attempts (id, round_id, contest_id, commune_id, participant_id, attempt_no, client_id, questions, answers, started_at, deadline_at, flagged)
            SELECT ?, ?, ?, ?, ?, ${count} + 1, ?, ?, '{}', ?, ?, 0 WHERE ${count} < ?`,
      args: [
        id,
        round.id,
        round.contestId,
        opts.communeId,
        participantId,
        round.id,
        participantId,
        clientId,
        JSON.stringify(drawn),
        now.getTime(),
        opts.deadline.getTime(),
        round.id,
        participantId,
        round.attemptsAllowed,
      ],
    });
    inserted = rs.rowsAffected;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  if (inserted === 1) return { kind: 'created', attemptId: id };
  const after = await existing();
  return after.found ? { kind: 'open', attemptId: after.found.id } : { kind: 'exhausted' };
}

/** Saves one answer as given (the same answer again changes nothing); false when the attempt is closed or late. */
export async function saveAnswer(db: Db, attemptId: string, questionId: string, chosen: string[], lateAfter: number) {
  const rs = await groupWrites(db).run({
    sql: `UPDATE contest_attempts SET answers = json_set(answers, ?, json(?)) WHERE id = ? AND submitted_at IS NULL AND deadline_at >= ?`,
    args: [`$."${questionId}"`, JSON.stringify(chosen), attemptId, lateAfter],
  });
  return rs.rowsAffected === 1;
}

export async function savePrediction(db: Db, attemptId: string, value: number, lateAfter: number) {
  const rs = await groupWrites(db).run({
    sql: `UPDATE contest_attempts SET prediction = ? WHERE id = ? AND submitted_at IS NULL AND deadline_at >= ?`,
    args: [value, attemptId, lateAfter],
  });
  return rs.rowsAffected === 1;
}

/**
 * Closes an attempt with its score, only if it is still open and its answers are those the score
 * was computed from; false otherwise (the caller reads it again: the first close stands).
 */
export async function closeAttempt(
  db: Db,
  a: { id: string; answersText: string },
  result: {
    submittedAt: number;
    reason: 'submitted' | 'deadline';
    score: number;
    durationMs: number;
    flagged: boolean;
  },
) {
  const rs = await groupWrites(db).run({
    sql: `UPDATE contest_attempts SET submitted_at = ?, closed_reason = ?, score = ?, duration_ms = ?, flagged = ? WHERE id = ? AND submitted_at IS NULL AND answers = ?`,
    args: [
      result.submittedAt,
      result.reason,
      result.score,
      result.durationMs,
      result.flagged ? 1 : 0,
      a.id,
      a.answersText,
    ],
  });
  return rs.rowsAffected === 1;
}

/** Open attempts of a round whose time (and grace) ran out: the server closes them on what they have. */
export async function expiredOpenAttempts(db: Db, roundId: string, before: number) {
  const rs = await db.$client.execute({
    sql: `SELECT ${attemptColumns}, '' AS token_hash FROM contest_attempts a WHERE a.round_id = ? AND a.submitted_at IS NULL AND a.deadline_at < ?`,
    args: [roundId, before],
  });
  return rs.rows.map((r) => toLive(r as unknown as Record<string, unknown>));
}

/** Closed attempts of a round with who made them, for rankings and exports. */
export async function roundResults(db: Db, roundId: string) {
  return db
    .select({ attempt: contestAttempts, participant: contestParticipants })
    .from(contestAttempts)
    .innerJoin(contestParticipants, eq(contestParticipants.id, contestAttempts.participantId))
    .where(and(eq(contestAttempts.roundId, roundId), isNotNull(contestAttempts.submittedAt)))
    .orderBy(asc(contestAttempts.startedAt));
}

/** Every attempt of a round (open ones too), for the attempts export. */
export async function roundAttempts(db: Db, roundId: string) {
  return db
    .select({ attempt: contestAttempts, participant: contestParticipants })
    .from(contestAttempts)
    .innerJoin(contestParticipants, eq(contestParticipants.id, contestAttempts.participantId))
    .where(eq(contestAttempts.roundId, roundId))
    .orderBy(asc(contestAttempts.startedAt));
}

/** Live participation of a round: people, attempts started, submitted, open now, flagged. */
export async function roundStats(db: Db, roundId: string, now: number) {
  // Each count reads an index and not the attempts (whose rows carry the drawn questions): a report of a round with
  // thousands of attempts took 35 ms on one full read of them. Open attempts are the unsubmitted ones, found by the
  // round's index, whose deadline has not passed; flagged ones have a partial index of their own.
  const rs = await db.$client.execute({
    sql: `SELECT
      (SELECT count(DISTINCT participant_id) FROM contest_attempts WHERE round_id = ?1),
      (SELECT count(*) FROM contest_attempts WHERE round_id = ?1),
      (SELECT count(*) FROM contest_attempts WHERE round_id = ?1 AND submitted_at IS NOT NULL),
      (SELECT count(*) FROM contest_attempts WHERE round_id = ?1 AND submitted_at IS NULL AND deadline_at >= ?2),
      (SELECT count(*) FROM contest_attempts INDEXED BY contest_attempts_flagged_idx WHERE round_id = ?1 AND flagged = 1)`,
    args: [roundId, now],
  });
  const row = rs.rows[0]!;
  const [participants, attempts, submitted, open, flagged] = [0, 1, 2, 3, 4].map((i) => Number(row[i] ?? 0));
  return { participants: participants!, attempts: attempts!, submitted: submitted!, open: open!, flagged: flagged! };
}

/** Participants per unit of a contest, for the collective ranking. */
export async function participantsByUnit(db: Db, contestId: string) {
  return db
    .select({ unitKind: contestParticipants.unitKind, unitId: contestParticipants.unitId, n: count() })
    .from(contestParticipants)
    .where(
      and(
        eq(contestParticipants.contestId, contestId),
        inArray(contestParticipants.status, ['registered', 'verified']),
      ),
    )
    .groupBy(contestParticipants.unitKind, contestParticipants.unitId);
}

/** Participants per commune of their unit, for the commune ranking of a province contest. */
export async function participantsByCommune(db: Db, contestId: string) {
  return db
    .select({ communeId: contestParticipants.unitCommuneId, n: count() })
    .from(contestParticipants)
    .where(
      and(
        eq(contestParticipants.contestId, contestId),
        inArray(contestParticipants.status, ['registered', 'verified']),
      ),
    )
    .groupBy(contestParticipants.unitCommuneId);
}

/** Residents of each commune's active villages (their recorded population), for participation rates. */
export async function communePopulations(db: Db, communeIds: readonly string[]) {
  if (communeIds.length === 0) return [];
  return db
    .select({ communeId: villages.communeId, population: sql<number>`coalesce(sum(${villages.population}), 0)` })
    .from(villages)
    .where(and(inArray(villages.communeId, [...communeIds]), eq(villages.active, true)))
    .groupBy(villages.communeId);
}

/**
 * For the reports: per contest round of the commune that overlaps [fromMs, toMs), its people,
 * attempts started and attempts submitted.
 */
export async function contestSummary(db: Db, communeId: string, fromMs: number, toMs: number) {
  const rounds = await db
    .select({
      contestId: contests.id,
      title: contests.title,
      roundId: contestRounds.id,
      roundName: contestRounds.name,
      startsAt: contestRounds.startsAt,
      endsAt: contestRounds.endsAt,
    })
    .from(contestRounds)
    .innerJoin(contests, eq(contests.id, contestRounds.contestId))
    .where(
      and(
        eq(contests.communeId, communeId),
        lt(contestRounds.startsAt, new Date(toMs)),
        gte(contestRounds.endsAt, new Date(fromMs)),
      ),
    )
    .orderBy(asc(contestRounds.startsAt));
  return Promise.all(
    rounds.map(async (r) => {
      const s = await roundStats(db, r.roundId, Date.now());
      return {
        ...r,
        startsAt: r.startsAt.getTime(),
        endsAt: r.endsAt.getTime(),
        participants: s.participants,
        attempts: s.attempts,
        submitted: s.submitted,
      };
    }),
  );
}

/**
 * Replaces a contest's personal fields (name by initials, phone, guardian, token) so only the
 * aggregate figures and scores stay; one write transaction. Returns how many people were purged.
 */
export async function purgeParticipants(db: Db, contestId: string, initialsOf: (name: string) => string) {
  const rows = await db
    .select({ id: contestParticipants.id, fullName: contestParticipants.fullName })
    .from(contestParticipants)
    .where(eq(contestParticipants.contestId, contestId));
  const now = Date.now();
  const stmts = rows.map((r) => ({
    sql: `UPDATE contest_participants SET full_name = ?, phone = ?, guardian_name = NULL, token_hash = ?, updated_at = ? WHERE id = ?`,
    args: [initialsOf(r.fullName), `purged-${r.id}`, `purged-${crypto.randomUUID()}`, now, r.id],
  }));
  if (stmts.length) await db.$client.batch(stmts, 'write');
  return rows.length;
}
