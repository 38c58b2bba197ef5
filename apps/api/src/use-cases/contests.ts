import { createHash } from 'node:crypto';
import {
  contestPolicy,
  isImplausiblyFast,
  isMinor,
  prizeForPlaces,
  publicName,
  rankRound,
  rankUnits,
  roundPhase,
  scoreAttempt,
  utcToVnLocal,
  type FinishedAttempt,
} from '@vungxanh/domain';
import {
  closeAttempt,
  contestUnits,
  expiredOpenAttempts,
  getCommune,
  getProvince,
  listRounds,
  participantsByUnit,
  roundResults,
  type ContestRow,
  type Db,
  type LiveAttempt,
  type ParticipantRow,
  type RoundRow,
} from '@vungxanh/db';

export const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export function roundDto(round: RoundRow, contest: ContestRow, now = new Date()) {
  return {
    id: round.id,
    contestId: round.contestId,
    name: round.name,
    startsAt: round.startsAt.toISOString(),
    endsAt: round.endsAt.toISOString(),
    startsAtLocal: utcToVnLocal(round.startsAt),
    endsAtLocal: utcToVnLocal(round.endsAt),
    phase: roundPhase(contest.status, round.startsAt, round.endsAt, now),
    questionCount: round.questionCount,
    mix: round.mix,
    timeLimitSeconds: round.timeLimitSeconds,
    attemptsAllowed: round.attemptsAllowed,
    countingRule: round.countingRule,
    prizes: round.prizes.map((p) => ({ name: p.name, count: p.count, points: p.points ?? 0 })),
    resultsPublishedAt: round.resultsPublishedAt?.toISOString() ?? null,
  };
}

export async function contestDto(db: Db, contest: ContestRow) {
  const [rounds, commune, province] = await Promise.all([
    listRounds(db, contest.id),
    contest.communeId ? getCommune(db, contest.communeId) : null,
    getProvince(db, contest.provinceId),
  ]);
  const now = new Date();
  return {
    id: contest.id,
    communeId: contest.communeId,
    communeName: commune?.name ?? '',
    provinceId: contest.provinceId,
    /** Who runs it: the host commune, or the province for a contest it hosts. */
    hostName: commune?.name ?? province?.name ?? '',
    title: contest.title,
    scope: contest.scope,
    rulesMd: contest.rulesMd,
    banner: contest.banner,
    predictionTarget: contest.predictionTarget,
    status: contest.status,
    rounds: rounds.map((r) => roundDto(r, contest, now)),
  };
}

/** Closes an attempt on what it has: by the participant's submit, or by the server after the time ran out. */
export async function finishAttempt(db: Db, a: LiveAttempt, reason: 'submitted' | 'deadline', now: number) {
  const submittedAt = reason === 'deadline' ? Math.min(now, a.deadlineAt) : now;
  const durationMs = Math.max(0, Math.min(submittedAt, a.deadlineAt) - a.startedAt);
  const result = {
    submittedAt,
    reason,
    score: scoreAttempt(a.questions, a.answers),
    durationMs,
    flagged: isImplausiblyFast(durationMs, a.questions.length),
  };
  return (await closeAttempt(db, a, result)) ? result : null;
}

/** Attempts whose time and grace ran out without a submit are closed and scored before anything is ranked. */
export async function closeExpired(db: Db, roundId: string, now = Date.now()) {
  for (const a of await expiredOpenAttempts(db, roundId, now - contestPolicy.graceMs)) {
    await finishAttempt(db, a, 'deadline', now);
  }
}

type ResultRow = Awaited<ReturnType<typeof roundResults>>[number];

/** The real figure the prediction aimed at: people who finished an attempt, or attempts finished. */
export function actualFigure(contest: ContestRow, rows: readonly ResultRow[]) {
  return contest.predictionTarget === 'attempts' ? rows.length : new Set(rows.map((r) => r.participant.id)).size;
}

/** The round's ranking, with each entry's participant and prize; provisional (no prediction) until the round ended. */
export async function computeRanking(db: Db, contest: ContestRow, round: RoundRow, now = new Date()) {
  await closeExpired(db, round.id, now.getTime());
  const rows = await roundResults(db, round.id);
  const final = roundPhase(contest.status, round.startsAt, round.endsAt, now) === 'ended';
  const actual = final ? actualFigure(contest, rows) : null;
  const people = new Map<string, ParticipantRow>();
  const attempts = new Map<string, (FinishedAttempt & { row: ResultRow['attempt'] })[]>();
  for (const r of rows) {
    people.set(r.participant.id, r.participant);
    const list = attempts.get(r.participant.id) ?? [];
    list.push({
      id: r.attempt.id,
      attemptNo: r.attempt.attemptNo,
      score: r.attempt.score ?? 0,
      durationMs: r.attempt.durationMs ?? 0,
      submittedAt: r.attempt.submittedAt!.getTime(),
      prediction: r.attempt.prediction,
      flagged: r.attempt.flagged,
      row: r.attempt,
    });
    attempts.set(r.participant.id, list);
  }
  const ranking = rankRound(
    [...people.values()].map((p) => ({ participantId: p.id, status: p.status, attempts: attempts.get(p.id) ?? [] })),
    { rule: round.countingRule, actual },
  );
  const ranked = ranking.ranked.map((e) => ({
    ...e,
    participant: people.get(e.participantId)!,
    prize: final ? prizeForPlaces(round.prizes, e.place) : null,
  }));
  const held = ranking.held.map((h) => ({ ...h, participant: people.get(h.participantId)! }));
  return { final, actual, ranked, held, total: ranked.length };
}

/** Names of the units participants registered for (villages, schools, organizations of the contest's communes). */
export async function unitNames(db: Db, communeIds: readonly string[]) {
  const units = await contestUnits(db, communeIds, { communes: communeIds.length > 1 });
  return new Map(units.map((u) => [`${u.kind}:${u.id}`, u]));
}

export const unitKey = (p: { unitKind: string; unitId: string }) => `${p.unitKind}:${p.unitId}`;

export function boardName(p: ParticipantRow, year: number) {
  return publicName(p.fullName, p.birthYear, year);
}

export const minor = (p: ParticipantRow, year: number) => isMinor(p.birthYear, year);

/** The collective ranking: participation rate per unit plus prize points of published rounds. */
export async function unitRanking(db: Db, contest: ContestRow, communeIds: readonly string[]) {
  const [units, counts, rounds] = await Promise.all([
    contestUnits(db, communeIds, { communes: contest.scope === 'province' }),
    participantsByUnit(db, contest.id),
    listRounds(db, contest.id),
  ]);
  const points = new Map<string, number>();
  for (const round of rounds.filter((r) => r.resultsPublishedAt)) {
    const { ranked } = await computeRanking(db, contest, round);
    for (const e of ranked) {
      if (e.prize) points.set(unitKey(e.participant), (points.get(unitKey(e.participant)) ?? 0) + e.prize.points);
    }
  }
  const n = new Map(counts.map((c) => [unitKey(c), c.n]));
  return rankUnits(
    units
      .map((u) => ({
        unitKind: u.kind,
        unitId: u.id,
        communeId: u.communeId,
        name: u.name,
        base: u.base ?? null,
        participants: n.get(`${u.kind}:${u.id}`) ?? 0,
        prizePoints: points.get(`${u.kind}:${u.id}`) ?? 0,
      }))
      .filter((u) => u.participants > 0 || u.prizePoints > 0),
  );
}
