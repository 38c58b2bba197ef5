import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import {
  AppError,
  attemptDeadline,
  contestPolicy,
  listsUnitsInFull,
  drawGated,
  isMinor,
  newRecoveryCode,
  normalizePhone,
  pastGrace,
  attemptStillOpen,
  publicName,
  roundPhase,
  validAnswer,
  type LocalizedQuestion,
} from '@vungxanh/domain';
import {
  communesOfContest,
  contestQuestionPool,
  contestUnit,
  getCommune,
  getContest,
  getRound,
  insertParticipant,
  isUniqueViolation,
  listPublicContests,
  listRounds,
  liveAttempt,
  participantAttempts,
  participantByClientId,
  participantByToken,
  questionTexts,
  saveAnswer,
  setRecoveryCode,
  savePrediction,
  startAttempt,
  updateParticipant,
  contestUnits,
  type ContestRow,
  type Db,
  type LiveAttempt,
  type ParticipantRow,
} from '@vungxanh/db';
import type { AppEnv } from '../../lib/context.ts';
import { clientIp } from '../../lib/client-ip.ts';
import type { Handler } from '../../lib/openapi.ts';
import {
  computeRanking,
  contestDto,
  finishAttempt,
  roundDto,
  sha,
  unitKey,
  unitNames,
} from '../../use-cases/contests.ts';
import type * as routes from './public.routes.ts';
import { contestStandings, searchContestUnits } from '../../use-cases/province-contests.ts';

async function publicContest(db: Db, id: string) {
  const contest = await getContest(db, id);
  if (!contest || contest.status === 'draft') throw new AppError(404, 'not_found');
  return contest;
}

/** The participant the request's token names; 401 without a token or with an unknown one. */
async function participantOf(c: Context<AppEnv>): Promise<ParticipantRow> {
  const token = c.req.header('x-participant-token');
  const p = token ? await participantByToken(c.get('deps').db, sha(token)) : null;
  if (!p) throw new AppError(401, 'contest_token_invalid');
  return p;
}

/** One hit on both limits: per phone number and per client address. */
function limit(c: Context<AppEnv>, phone: string) {
  const { limits } = c.get('deps');
  const wait = Math.max(
    limits.contestPhone.hit(`contest:${phone}`),
    limits.contestAddress.hit(`contest:${clientIp(c)}`),
  );
  if (wait) throw new AppError(429, 'rate_limited', { retryAfter: wait });
}

async function meDto(db: Db, p: ParticipantRow) {
  const rounds = await listRounds(db, p.contestId);
  const now = Date.now();
  const year = new Date().getUTCFullYear();
  return {
    id: p.id,
    contestId: p.contestId,
    displayName: publicName(p.fullName, p.birthYear, year),
    minor: isMinor(p.birthYear, year),
    status: p.status,
    rounds: await Promise.all(
      rounds.map(async (r) => {
        const attempts = await participantAttempts(db, r.id, p.id);
        const open = attempts.find((a) => attemptStillOpen(a, now));
        const finished = attempts.filter((a) => a.submittedAt);
        const last = finished.at(-1);
        return {
          roundId: r.id,
          used: attempts.length,
          openAttemptId: open?.id ?? null,
          lastResult: last ? { attemptId: last.id, score: last.score ?? 0, durationMs: last.durationMs ?? 0 } : null,
          finishedAttemptIds: finished.map((a) => a.id),
        };
      }),
    ),
  };
}

type QuestionText = Awaited<ReturnType<typeof questionTexts>>[number];
const textCaches = new WeakMap<Db, Map<string, { at: number; row: QuestionText }>>();
/**
 * Question texts, kept a minute in memory: every start, reload and submit shows the same few
 * hundred questions, and reading them each time cost more than the write itself. An edit to a
 * question reaches running attempts within that minute.
 */
async function textsOf(db: Db, ids: readonly string[]) {
  let cache = textCaches.get(db);
  if (!cache) textCaches.set(db, (cache = new Map()));
  const now = Date.now();
  const missing = ids.filter((id) => !(now - (cache.get(id)?.at ?? 0) < 60_000));
  if (missing.length) {
    if (cache.size > 20_000) cache.clear();
    for (const row of await questionTexts(db, missing)) cache.set(row.id, { at: now, row });
  }
  return new Map(ids.flatMap((id) => (cache.get(id) ? [[id, cache.get(id)!.row] as const] : [])));
}

const targetCaches = new WeakMap<Db, Map<string, { at: number; target: ContestRow['predictionTarget'] }>>();
/** The prediction target of a round's contest, which an attempt's view names; kept ten seconds. */
async function predictionTargetOf(db: Db, roundId: string) {
  let cache = targetCaches.get(db);
  if (!cache) targetCaches.set(db, (cache = new Map()));
  const hit = cache.get(roundId);
  if (hit && Date.now() - hit.at < 10_000) return hit.target;
  const { contest } = await contestOfRound(db, roundId);
  if (cache.size > 10_000) cache.clear();
  cache.set(roundId, { at: Date.now(), target: contest.predictionTarget });
  return contest.predictionTarget;
}

/** An attempt as its participant sees it: texts in the drawn order; the key never, the score only once closed. */
async function attemptView(c: Context<AppEnv>, a: LiveAttempt, predictionTarget: ContestRow['predictionTarget']) {
  const { db } = c.get('deps');
  const byId = await textsOf(
    db,
    a.questions.map((q) => q.id),
  );
  const locale = c.get('locale');
  return {
    id: a.id,
    roundId: a.roundId,
    attemptNo: a.attemptNo,
    status: a.submittedAt === null ? ('open' as const) : ('closed' as const),
    startedAt: new Date(a.startedAt).toISOString(),
    deadlineAt: new Date(a.deadlineAt).toISOString(),
    serverNow: new Date().toISOString(),
    graceMs: contestPolicy.graceMs,
    predictionTarget,
    questions: a.questions.map((q) => {
      const row = byId.get(q.id);
      const text: LocalizedQuestion | undefined = (locale === 'en' && row?.en) || row?.vi;
      return {
        id: q.id,
        type: row?.type ?? 'single',
        text: text?.text ?? '',
        options: q.order.map((id) => ({ id, text: text?.options[id] ?? '' })),
      };
    }),
    answers: a.answers,
    prediction: a.prediction,
    result:
      a.submittedAt === null
        ? null
        : {
            score: a.score ?? 0,
            total: a.questions.length,
            durationMs: a.durationMs ?? 0,
            submittedAt: new Date(a.submittedAt).toISOString(),
            closedReason: a.closedReason ?? 'submitted',
            flagged: a.flagged,
          },
  };
}

/** The attempt if the token's participant owns it; others' attempts are 404. */
async function ownAttempt(c: Context<AppEnv>, id: string) {
  const a = await liveAttempt(c.get('deps').db, id);
  if (!a) throw new AppError(404, 'not_found');
  const token = c.req.header('x-participant-token');
  if (!token) throw new AppError(401, 'contest_token_invalid');
  if (a.tokenHash !== sha(token)) throw new AppError(404, 'not_found');
  return a;
}

async function contestOfRound(db: Db, roundId: string) {
  const round = await getRound(db, roundId);
  const contest = round ? await getContest(db, round.contestId) : null;
  if (!round || !contest || contest.status === 'draft') throw new AppError(404, 'not_found');
  return { round, contest };
}

export const list: Handler<typeof routes.list> = async (c) => {
  const { db } = c.get('deps');
  const { communeId } = c.req.valid('query');
  const commune = communeId ? await getCommune(db, communeId) : null;
  if (communeId && !commune) throw new AppError(404, 'not_found');
  const rows = await listPublicContests(db, commune ? { communeId: commune.id, provinceId: commune.provinceId } : null);
  const items = await Promise.all(
    rows.map(async (r) => {
      const dto = await contestDto(db, r);
      return {
        id: dto.id,
        title: dto.title,
        scope: dto.scope,
        status: dto.status,
        communeName: dto.communeName,
        hostName: dto.hostName,
        banner: dto.banner,
        predictionTarget: dto.predictionTarget,
        rounds: dto.rounds.map(({ id, name, startsAt, endsAt, phase, resultsPublishedAt }) => ({
          id,
          name,
          startsAt,
          endsAt,
          phase,
          resultsPublishedAt,
        })),
      };
    }),
  );
  return c.json({ items }, 200);
};

export const get: Handler<typeof routes.get> = async (c) => {
  const { db } = c.get('deps');
  const contest = await publicContest(db, c.req.valid('param').id);
  const communes = await communesOfContest(db, contest);
  // A province has thousands of units, and a commune may have hundreds of organizations: past
  // unitListMax the registration form finds them by typing (units/search) instead of a long list.
  const listed =
    contest.scope === 'province'
      ? []
      : await contestUnits(
          db,
          communes.map((x) => x.id),
        );
  const unitSearch = !listsUnitsInFull(contest.scope, listed.length);
  const units = unitSearch ? [] : listed;
  return c.json(
    {
      contest: await contestDto(db, contest),
      communes,
      units: units.map((u) => ({ kind: u.kind, id: u.id, name: u.name, communeId: u.communeId })),
      unitSearch,
      retentionMonths: contestPolicy.retentionMonths,
    },
    200,
  );
};

/** A new recovery code for the participant; only its hash is kept, so it is shown this once. */
async function giveRecoveryCode(db: Db, p: ParticipantRow) {
  const code = newRecoveryCode();
  await setRecoveryCode(db, { participantId: p.id, contestId: p.contestId, codeHash: sha(code) });
  return code;
}

export const register: Handler<typeof routes.register> = async (c) => {
  const { db } = c.get('deps');
  const contest = await publicContest(db, c.req.valid('param').id);
  const input = c.req.valid('json');
  const phone = normalizePhone(input.phone)!;
  limit(c, phone);
  const token = randomBytes(32).toString('base64url');
  const again = await participantByClientId(db, contest.id, input.clientId);
  if (again) {
    // The same registration retried (its answer was lost): the same person, with a fresh token.
    const p = (await updateParticipant(db, again.id, { tokenHash: sha(token) }))!;
    return c.json({ token, recoveryCode: await giveRecoveryCode(db, p), participant: await meDto(db, p) }, 200);
  }
  if (contest.status === 'closed') throw new AppError(409, 'contest_not_open');
  const unit = await contestUnit(db, input.unitKind, input.unitId);
  const communes = await communesOfContest(db, contest);
  const wrongKind = input.unitKind === 'commune' && contest.scope !== 'province';
  if (!unit || !unit.active || wrongKind || !communes.some((x) => x.id === unit.communeId))
    throw new AppError(422, 'contest_unit_invalid', {}, [{ path: 'unitId', message: 'not a unit of this contest' }]);
  const minor = isMinor(input.birthYear, new Date().getUTCFullYear());
  const now = new Date();
  try {
    const p = await insertParticipant(db, {
      contestId: contest.id,
      // A province-hosted contest's participant belongs to the commune of their unit.
      communeId: contest.communeId ?? unit.communeId,
      clientId: input.clientId,
      phone,
      tokenHash: sha(token),
      fullName: input.fullName,
      birthYear: input.birthYear,
      unitKind: input.unitKind,
      unitId: unit.id,
      unitCommuneId: unit.communeId,
      guardianName: minor ? input.guardianName : null,
      guardianConsentAt: minor ? now : null,
      consentAt: now,
    });
    return c.json({ token, recoveryCode: await giveRecoveryCode(db, p), participant: await meDto(db, p) }, 201);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(409, 'contest_already_registered');
    throw err;
  }
};

export const me: Handler<typeof routes.me> = async (c) => {
  const contest = await publicContest(c.get('deps').db, c.req.valid('param').id);
  const p = await participantOf(c);
  if (p.contestId !== contest.id) throw new AppError(404, 'not_found');
  return c.json(await meDto(c.get('deps').db, p), 200);
};

export const start: Handler<typeof routes.start> = async (c) => {
  const { db } = c.get('deps');
  const { round, contest } = await contestOfRound(db, c.req.valid('param').id);
  const p = await participantOf(c);
  if (round.contestId !== p.contestId) throw new AppError(404, 'not_found');
  if (p.status === 'disqualified') throw new AppError(403, 'contest_disqualified');
  limit(c, p.phone);
  const now = new Date();
  const open = roundPhase(contest.status, round.startsAt, round.endsAt, now) === 'open';
  let result;
  if (open) {
    const pool = await contestQuestionPool(db, contest);
    result = await startAttempt(db, {
      round,
      participantId: p.id,
      communeId: p.communeId,
      clientId: c.req.valid('json').clientId ?? null,
      now,
      graceMs: contestPolicy.graceMs,
      deadline: attemptDeadline(now, round.timeLimitSeconds, round.endsAt),
      draw: () => drawGated(pool, round.mix, round.questionCount)?.questions ?? null,
    });
  } else {
    // Outside the open window only a reload of a running attempt is answered.
    const running = (await participantAttempts(db, round.id, p.id)).find((a) => attemptStillOpen(a, now.getTime()));
    if (!running) throw new AppError(409, 'contest_not_open');
    result = { kind: 'open' as const, attemptId: running.id };
  }
  if (result.kind === 'exhausted') throw new AppError(409, 'contest_attempts_exhausted');
  if (result.kind === 'pool_too_small') throw new AppError(409, 'contest_pool_too_small');
  const a = (await liveAttempt(db, result.attemptId))!;
  return c.json(await attemptView(c, a, contest.predictionTarget), result.kind === 'created' ? 201 : 200);
};

export const getAttempt: Handler<typeof routes.getAttempt> = async (c) => {
  const { db } = c.get('deps');
  let a = await ownAttempt(c, c.req.valid('param').id);
  if (a.submittedAt === null && pastGrace(new Date(a.deadlineAt), new Date())) {
    await finishAttempt(db, a, 'deadline', Date.now());
    a = (await liveAttempt(db, a.id))!;
  }
  return c.json(await attemptView(c, a, await predictionTargetOf(db, a.roundId)), 200);
};

/** Refuses a write on a closed or late attempt; a late one is closed on what it has. */
async function refuseClosed(db: Db, a: LiveAttempt, now: Date) {
  if (a.submittedAt !== null) throw new AppError(409, 'contest_attempt_closed');
  if (pastGrace(new Date(a.deadlineAt), now)) {
    await finishAttempt(db, a, 'deadline', now.getTime());
    throw new AppError(409, 'contest_deadline_passed');
  }
}

export const answer: Handler<typeof routes.answer> = async (c) => {
  const { db } = c.get('deps');
  const { id, questionId } = c.req.valid('param');
  const { chosen } = c.req.valid('json');
  const a = await ownAttempt(c, id);
  const now = new Date();
  await refuseClosed(db, a, now);
  const q = a.questions.find((x) => x.id === questionId);
  if (!q || !validAnswer(q, q.correct.length > 1, chosen))
    throw new AppError(422, 'contest_answer_invalid', {}, [
      { path: 'chosen', message: 'not an option of this question' },
    ]);
  if (!(await saveAnswer(db, a.id, q.id, chosen, now.getTime() - contestPolicy.graceMs))) {
    await refuseClosed(db, (await liveAttempt(db, a.id))!, now);
  }
  const answered = Object.keys({ ...a.answers, [q.id]: chosen }).length;
  return c.json({ questionId: q.id, saved: true as const, answered }, 200);
};

export const predict: Handler<typeof routes.predict> = async (c) => {
  const { db } = c.get('deps');
  const { value } = c.req.valid('json');
  const a = await ownAttempt(c, c.req.valid('param').id);
  const now = new Date();
  await refuseClosed(db, a, now);
  if (!(await savePrediction(db, a.id, value, now.getTime() - contestPolicy.graceMs))) {
    await refuseClosed(db, (await liveAttempt(db, a.id))!, now);
  }
  return c.json({ saved: true as const, prediction: value }, 200);
};

export const submit: Handler<typeof routes.submit> = async (c) => {
  const { db } = c.get('deps');
  let a = await ownAttempt(c, c.req.valid('param').id);
  // An answer saved between the read and the close changes the answers, so the close misses and is retried.
  for (let i = 0; i < 5 && a.submittedAt === null; i++) {
    const now = new Date();
    if (pastGrace(new Date(a.deadlineAt), now)) {
      await finishAttempt(db, a, 'deadline', now.getTime());
      throw new AppError(409, 'contest_deadline_passed');
    }
    const closed = await finishAttempt(db, a, 'submitted', now.getTime());
    a = closed
      ? {
          ...a,
          submittedAt: closed.submittedAt,
          closedReason: 'submitted',
          score: closed.score,
          durationMs: closed.durationMs,
          flagged: closed.flagged,
        }
      : (await liveAttempt(db, a.id))!;
  }
  return c.json(await attemptView(c, a, await predictionTargetOf(db, a.roundId)), 200);
};

const boards = new WeakMap<Db, Map<string, { at: number; value: Awaited<ReturnType<typeof computeRanking>> }>>();
/** The ranking behind public boards, reused for a few seconds: a burst of readers costs one computation. */
async function cachedRanking(db: Db, contest: ContestRow, round: Parameters<typeof computeRanking>[2]) {
  let cache = boards.get(db);
  if (!cache) boards.set(db, (cache = new Map()));
  // The key changes when the round ends or its results are published, so those show at once.
  const key = `${round.id}:${roundPhase(contest.status, round.startsAt, round.endsAt, new Date())}:${round.resultsPublishedAt?.getTime() ?? ''}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < 3_000) return hit.value;
  const value = await computeRanking(db, contest, round);
  if (cache.size > 1_000) cache.clear();
  cache.set(key, { at: Date.now(), value });
  return value;
}

export const board: Handler<typeof routes.board> = async (c) => {
  const { db } = c.get('deps');
  const { round, contest } = await contestOfRound(db, c.req.valid('param').id);
  const ranking = await cachedRanking(db, contest, round);
  const communes = await communesOfContest(db, contest);
  const names = await unitNames(
    db,
    communes.map((x) => x.id),
  );
  const year = round.startsAt.getUTCFullYear();
  const published = !!round.resultsPublishedAt;
  const token = c.req.header('x-participant-token');
  const self = token ? await participantByToken(db, sha(token)) : null;
  const mine = self && ranking.ranked.find((e) => e.participantId === self.id);
  const held = self && ranking.held.find((e) => e.participantId === self.id);
  return c.json(
    {
      round: roundDto(round, contest),
      final: ranking.final,
      published,
      actual: ranking.actual,
      total: ranking.total,
      rows: ranking.ranked.slice(0, contestPolicy.boardSize).map((e) => ({
        place: e.place,
        name: publicName(e.participant.fullName, e.participant.birthYear, year),
        unitName: names.get(unitKey(e.participant))?.name ?? '',
        score: e.attempt.score,
        durationMs: e.attempt.durationMs,
        predictionGap: e.predictionGap,
        prize: published ? (e.prize?.name ?? null) : null,
      })),
      me: mine
        ? { place: mine.place, score: mine.attempt.score, durationMs: mine.attempt.durationMs, held: false }
        : held
          ? { place: null, score: held.attempt.score, durationMs: held.attempt.durationMs, held: true }
          : null,
    },
    200,
  );
};

export const units: Handler<typeof routes.units> = async (c) => {
  const { db } = c.get('deps');
  const contest = await publicContest(db, c.req.valid('param').id);
  return c.json(await contestStandings(db, contest), 200);
};

export const unitSearch: Handler<typeof routes.unitSearch> = async (c) => {
  const { db } = c.get('deps');
  const contest = await publicContest(db, c.req.valid('param').id);
  return c.json({ items: await searchContestUnits(db, contest, c.req.valid('query').q) }, 200);
};
