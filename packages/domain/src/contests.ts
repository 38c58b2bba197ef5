/**
 * Legal-knowledge contests ("Tìm hiểu pháp luật về phòng, chống ma túy"): the rules the server
 * keeps (draw, deadline, scoring, the counting rule, ranking and its tie-breaks) and the schemas
 * of what organizers and participants send. The API and both apps import these.
 */
import { z } from 'zod';
import { topics } from './content.ts';
import { optionOrder, shuffle, isCorrectAnswer, type Random, type SelfCheckItem } from './self-check.ts';
import { VN_OFFSET_MS } from './vn-time.ts';
import { cleanText } from './text.ts';
import { contestPolicy, isMinor, normalizePhone } from './contest-policy.ts';

export const contestScopes = ['commune', 'province'] as const;
export const predictionTargets = ['participants', 'attempts'] as const;
export const countingRules = ['best', 'first', 'last'] as const;
export const contestStatuses = ['draft', 'published', 'paused', 'closed'] as const;
export const participantStatuses = ['registered', 'verified', 'disqualified'] as const;
/** A province contest also takes people competing for a commune itself (its office, its Youth Union). */
export const contestUnitKinds = ['village', 'school', 'organization', 'commune'] as const;
export type ContestStatus = (typeof contestStatuses)[number];
export type CountingRule = (typeof countingRules)[number];
export type ParticipantStatus = (typeof participantStatuses)[number];
export type ContestUnitKind = (typeof contestUnitKinds)[number];

/** Whether a contest's page lists its units in full, or leaves the form to find them by typing. */
export const listsUnitsInFull = (scope: 'commune' | 'province', units: number) =>
  scope !== 'province' && units <= contestPolicy.unitListMax;

/** "2026-12-01T08:00" read as Vietnam time (UTC+7, no daylight saving) → the UTC instant. */
export function vnLocalToUtc(local: string): Date {
  const m = local.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/);
  if (!m) throw new RangeError(`not a local date-time: ${local}`);
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi) - VN_OFFSET_MS);
}

/** The instant as "YYYY-MM-DDTHH:mm" in Vietnam time (for datetime-local inputs). */
export function utcToVnLocal(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 16);
}

const vnLocal = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'format YYYY-MM-DDTHH:mm');

/** "Nguyễn Văn An" → "N. V. A." */
export function initials(fullName: string): string {
  return cleanText(fullName)
    .split(' ')
    .filter(Boolean)
    .map((w) => `${w[0]!.toLocaleUpperCase('vi')}.`)
    .join(' ');
}

/** The name a public list shows: initials for minors, the full name otherwise. */
export function publicName(fullName: string, birthYear: number, year: number): string {
  return isMinor(birthYear, year) ? initials(fullName) : cleanText(fullName);
}

export const prizeSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  count: z.number().int().min(1).max(100),
  /** Points the winner brings to their unit in the collective ranking. */
  points: z.number().int().min(0).max(1000).default(0),
});
export type Prize = z.infer<typeof prizeSchema>;

export const defaultPrizes: Prize[] = [
  { name: 'Giải Nhất', count: 1, points: 10 },
  { name: 'Giải Nhì', count: 2, points: 7 },
  { name: 'Giải Ba', count: 3, points: 5 },
  { name: 'Giải Khuyến khích', count: 5, points: 2 },
];

const banner = z
  .string()
  .max(700_000)
  .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/, 'a PNG, JPEG or WebP data URL');

const contestBase = {
  title: z.string().trim().min(5).max(200),
  scope: z.enum(contestScopes),
  rulesMd: z.string().trim().max(20_000),
  banner: banner.nullable(),
  predictionTarget: z.enum(predictionTargets),
};
export const contestInputSchema = z.strictObject({
  ...contestBase,
  scope: contestBase.scope.default('commune'),
  rulesMd: contestBase.rulesMd.default(''),
  banner: contestBase.banner.default(null),
  predictionTarget: contestBase.predictionTarget.default('participants'),
});
/**
 * A contest's edit: only the fields sent change. (A partial of the input schema would fill the
 * defaults in, so editing the rules alone reset the scope, the banner and the prediction target.)
 */
export const contestPatchSchema = z.strictObject(contestBase).partial();
export type ContestInput = z.infer<typeof contestInputSchema>;

export const roundMixSchema = z.strictObject({
  /** Empty: every topic. */
  topics: z.array(z.enum(topics)).max(topics.length).default([]),
  /** Empty: every difficulty. */
  difficulties: z
    .array(z.union([z.literal(1), z.literal(2), z.literal(3)]))
    .max(3)
    .default([]),
});
export type RoundMix = z.infer<typeof roundMixSchema>;

const roundBase = {
  name: z.string().trim().min(1).max(120),
  startsAt: vnLocal,
  endsAt: vnLocal,
  questionCount: z.number().int().min(1).max(100),
  mix: roundMixSchema,
  timeLimitSeconds: z
    .number()
    .int()
    .min(30)
    .max(4 * 3600),
  attemptsAllowed: z.number().int().min(1).max(10),
  countingRule: z.enum(countingRules),
  prizes: z.array(prizeSchema).max(10),
};
const endsAfterStart = (r: { startsAt?: string | undefined; endsAt?: string | undefined }) =>
  !r.startsAt || !r.endsAt || r.endsAt > r.startsAt;
export const roundInputSchema = z
  .strictObject({
    ...roundBase,
    mix: roundMixSchema.default({ topics: [], difficulties: [] }),
    countingRule: roundBase.countingRule.default('best'),
    prizes: roundBase.prizes.default(defaultPrizes),
  })
  .refine(endsAfterStart, { message: 'ends after it starts', path: ['endsAt'] });
/** A round's edit: only the fields sent change (no defaults fill the others in). */
export const roundPatchSchema = z
  .strictObject(roundBase)
  .partial()
  .refine(endsAfterStart, { message: 'ends after it starts', path: ['endsAt'] });
export type RoundInput = z.infer<typeof roundInputSchema>;

export const registrationSchema = z
  .strictObject({
    /** Made by the browser: repeating a registration with it answers the first one (with a fresh token). */
    clientId: z.uuid(),
    fullName: z.string().trim().min(2).max(100),
    birthYear: z.number().int().min(1900).max(new Date().getUTCFullYear()),
    phone: z.string().trim().min(9).max(20),
    unitKind: z.enum(contestUnitKinds),
    unitId: z.string().min(1).max(64),
    consent: z.literal(true),
    guardianConsent: z.boolean().default(false),
    guardianName: z.string().trim().max(100).default(''),
  })
  .superRefine((r, ctx) => {
    if (!normalizePhone(r.phone)) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'not a mobile number' });
    if (isMinor(r.birthYear, new Date().getUTCFullYear())) {
      if (!r.guardianConsent)
        ctx.addIssue({ code: 'custom', path: ['guardianConsent'], message: 'a guardian must consent' });
      if (r.guardianName.length < 2)
        ctx.addIssue({ code: 'custom', path: ['guardianName'], message: 'required for under 16' });
    }
  });
export type Registration = z.infer<typeof registrationSchema>;

/** One question of an attempt as the server keeps it: the shown option order and the key (never sent before submit). */
export interface DrawnContestQuestion {
  id: string;
  order: string[];
  correct: string[];
}

export interface PoolQuestion extends SelfCheckItem {
  difficulty: number;
}

/** The questions of the bank a round may draw from, by its topic and difficulty mix. */
export function roundPool<Q extends PoolQuestion>(pool: readonly Q[], mix: RoundMix): Q[] {
  return pool.filter(
    (q) =>
      (mix.topics.length === 0 || (mix.topics as readonly string[]).includes(q.topic)) &&
      (mix.difficulties.length === 0 || (mix.difficulties as readonly number[]).includes(q.difficulty)),
  );
}

/** Draws `count` questions for one attempt, in random order, with their options shuffled; null if the pool is short. */
export function drawAttempt<Q extends PoolQuestion>(
  pool: readonly Q[],
  mix: RoundMix,
  count: number,
  random: Random = Math.random,
): DrawnContestQuestion[] | null {
  const eligible = roundPool(pool, mix);
  if (eligible.length < count) return null;
  return shuffle(eligible, random)
    .slice(0, count)
    .map((q) => ({ id: q.id, order: optionOrder(q, random), correct: [...q.correct] }));
}

/** The answers sent are checked against the drawn question: known question, its own option ids, no repeats. */
export function validAnswer(question: DrawnContestQuestion, multiple: boolean, chosen: readonly string[]): boolean {
  if (chosen.length === 0 || new Set(chosen).size !== chosen.length) return false;
  if (!multiple && chosen.length !== 1) return false;
  return chosen.every((id) => question.order.includes(id));
}

/** One point per question answered with exactly its correct options. */
export function scoreAttempt(
  questions: readonly DrawnContestQuestion[],
  answers: Readonly<Record<string, readonly string[]>>,
): number {
  return questions.filter((q) => answers[q.id] && isCorrectAnswer(q.correct, answers[q.id]!)).length;
}

/** The attempt's deadline: the time limit from its start, never past the round's end. */
export function attemptDeadline(startedAt: Date, timeLimitSeconds: number, roundEndsAt: Date): Date {
  return new Date(Math.min(startedAt.getTime() + timeLimitSeconds * 1000, roundEndsAt.getTime()));
}

/** Whether a write at `now` is too late for this deadline, grace included. */
export function pastGrace(deadline: Date, now: Date): boolean {
  return now.getTime() > deadline.getTime() + contestPolicy.graceMs;
}

/** An attempt not yet submitted whose deadline, grace included, has not passed at `now` (ms). */
export function attemptStillOpen(a: { submittedAt: Date | number | null; deadlineAt: Date | number }, now: number) {
  return !a.submittedAt && !pastGrace(new Date(a.deadlineAt), new Date(now));
}

export function isImplausiblyFast(durationMs: number, questionCount: number): boolean {
  return questionCount > 0 && durationMs < contestPolicy.fastMsPerQuestion * questionCount;
}

export type RoundPhase = 'draft' | 'upcoming' | 'open' | 'paused' | 'ended';

/** Where a round stands for participants: only an open round accepts new attempts. */
export function roundPhase(contestStatus: ContestStatus, startsAt: Date, endsAt: Date, now: Date): RoundPhase {
  if (contestStatus === 'draft') return 'draft';
  if (contestStatus === 'closed' || now >= endsAt) return 'ended';
  if (now < startsAt) return 'upcoming';
  return contestStatus === 'paused' ? 'paused' : 'open';
}

/** A finished attempt as the ranking needs it. */
export interface FinishedAttempt {
  id: string;
  attemptNo: number;
  score: number;
  durationMs: number;
  submittedAt: number;
  prediction: number | null;
  flagged: boolean;
}

/** The attempt that counts for a participant under the round's rule (best: score, then time, then earlier). */
export function countedAttempt<A extends FinishedAttempt>(attempts: readonly A[], rule: CountingRule): A | null {
  if (attempts.length === 0) return null;
  const byNo = [...attempts].sort((a, b) => a.attemptNo - b.attemptNo);
  if (rule === 'first') return byNo[0]!;
  if (rule === 'last') return byNo[byNo.length - 1]!;
  return [...attempts].sort(
    (a, b) => b.score - a.score || a.durationMs - b.durationMs || a.submittedAt - b.submittedAt,
  )[0]!;
}

export interface RankInput<A extends FinishedAttempt = FinishedAttempt> {
  participantId: string;
  status: ParticipantStatus;
  attempts: readonly A[];
}

export interface RankedEntry<A extends FinishedAttempt = FinishedAttempt> {
  participantId: string;
  attempt: A;
  /** 1-based; entries equal on every tie-break share a place. */
  place: number;
  /** |prediction − actual|, or null on a provisional board or without a prediction. */
  predictionGap: number | null;
}

export interface RankOptions {
  rule: CountingRule;
  /** The real figure the prediction aimed at; null while the round is open (provisional order). */
  actual: number | null;
}

export interface Ranking<A extends FinishedAttempt = FinishedAttempt> {
  ranked: RankedEntry<A>[];
  /** Counted attempts held back: implausibly fast and not verified by the organizer. */
  held: { participantId: string; attempt: A }[];
}

/**
 * The round's ranking: the counted attempt of each participant, ordered by score (higher first),
 * then the prediction closest to the actual figure (only once it is known; no prediction ranks
 * last), then the shorter duration, then the earlier submission. Disqualified participants are
 * left out; flagged attempts wait until the organizer verifies the participant.
 */
export function rankRound<A extends FinishedAttempt>(entries: readonly RankInput<A>[], opts: RankOptions): Ranking<A> {
  const rows: RankedEntry<A>[] = [];
  const held: Ranking<A>['held'] = [];
  for (const e of entries) {
    if (e.status === 'disqualified') continue;
    const attempt = countedAttempt(e.attempts, opts.rule);
    if (!attempt) continue;
    if (attempt.flagged && e.status !== 'verified') {
      held.push({ participantId: e.participantId, attempt });
      continue;
    }
    const predictionGap =
      opts.actual === null || attempt.prediction === null ? null : Math.abs(attempt.prediction - opts.actual);
    rows.push({ participantId: e.participantId, attempt, place: 0, predictionGap });
  }
  const gap = (r: RankedEntry<A>) =>
    opts.actual === null ? 0 : r.predictionGap === null ? Number.POSITIVE_INFINITY : r.predictionGap;
  const compare = (a: RankedEntry<A>, b: RankedEntry<A>) =>
    b.attempt.score - a.attempt.score ||
    gap(a) - gap(b) ||
    a.attempt.durationMs - b.attempt.durationMs ||
    a.attempt.submittedAt - b.attempt.submittedAt;
  rows.sort((a, b) => compare(a, b) || a.participantId.localeCompare(b.participantId));
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    r.place = prev && compare(prev, r) === 0 ? prev.place : i + 1;
  });
  return { ranked: rows, held };
}

/** The prize each place wins, in the order the prizes are listed; places past the last prize win none. */
export function prizeForPlaces(prizes: readonly Prize[], place: number): Prize | null {
  let upTo = 0;
  for (const prize of prizes) {
    upTo += prize.count;
    if (place <= upTo) return prize;
  }
  return null;
}

export interface UnitTally {
  unitKind: ContestUnitKind;
  unitId: string;
  name: string;
  /** Population of a village, students of a school; null when unknown (organizations). */
  base: number | null;
  participants: number;
  prizePoints: number;
}

export interface UnitStanding extends UnitTally {
  /** Participants per 100 of the base, or null without a base. */
  ratePercent: number | null;
  score: number;
  place: number;
}

/**
 * The collective ranking of units. Score = participation rate in percent (participants ÷ population
 * or students × 100, capped at 100) + prize points. Prize points: each winner of a published
 * round brings the points of the prize they won (set per prize by the organizer) to the unit
 * they registered for, summed over the contest's rounds.
 */
export function rankUnits<T extends UnitTally>(tallies: readonly T[]): (T & UnitStanding)[] {
  const rows = tallies.map((t) => {
    const ratePercent = t.base && t.base > 0 ? Math.min(100, (t.participants / t.base) * 100) : null;
    const score = Math.round(((ratePercent ?? 0) + t.prizePoints) * 100) / 100;
    return { ...t, ratePercent: ratePercent === null ? null : Math.round(ratePercent * 100) / 100, score, place: 0 };
  });
  rows.sort((a, b) => b.score - a.score || b.participants - a.participants || a.name.localeCompare(b.name, 'vi'));
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    r.place = prev && prev.score === r.score && prev.participants === r.participants ? prev.place : i + 1;
  });
  return rows;
}

/** Personal fields may be purged once the contest is closed and its last round ended the retention period ago. */
export function purgeDue(lastRoundEnd: Date, now: Date): boolean {
  const due = new Date(lastRoundEnd);
  due.setUTCMonth(due.getUTCMonth() + contestPolicy.retentionMonths);
  return now >= due;
}

/**
 * Who runs a contest. A commune's contest: that commune's organizers and admins. A contest hosted by
 * the province (no host commune): the province organizers (the provincial Youth Union) of that province.
 */
export function canManageContests(
  actor: { role: string; communeId: string | null; provinceId: string | null },
  contest: { communeId: string | null; provinceId: string },
): boolean {
  if (actor.role === 'system') return true;
  if (contest.communeId === null) return actor.role === 'province_organizer' && actor.provinceId === contest.provinceId;
  return (actor.role === 'organizer' || actor.role === 'commune_admin') && actor.communeId === contest.communeId;
}
