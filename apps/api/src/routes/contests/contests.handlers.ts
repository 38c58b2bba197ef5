import type { Context } from 'hono';
import {
  AppError,
  canManageContests,
  canViewCommunePart,
  changedDrawSettings,
  initials,
  purgeDue,
  roundPhase,
  drawCapacity,
  vnLocalToUtc,
  type RoundInput,
} from '@vungxanh/domain';
import {
  communesOfContest,
  contestQuestionPool,
  countParticipants,
  getCommune,
  getContest,
  getParticipant,
  getProvince,
  getRound,
  insertContest,
  insertRound,
  listContests,
  listParticipants,
  listProvinceContests,
  listRounds,
  purgeParticipants,
  roundAttempts,
  roundStats,
  updateContest,
  updateParticipant,
  updateRound,
  type ContestRow,
  type Db,
  type ParticipantRow,
  type RoundRow,
} from '@vungxanh/db';
import type { AppEnv } from '../../lib/context.ts';
import { audit, summarize } from '../../lib/audit.ts';
import type { Handler } from '../../lib/openapi.ts';
import { toPage } from '../../lib/openapi.ts';
import { docLocale } from '../../lib/doc-locale.ts';
import { communeParam, readableCommune } from '../../lib/scope.ts';
import { requireAuth } from '../../lib/session.ts';
import { pdfAnswer } from '../../lib/pdf.ts';
import { communePart as communePartOf, contestStandings } from '../../use-cases/province-contests.ts';
import {
  closeExpired,
  computeRanking,
  contestDto,
  minor,
  boardName,
  roundDto,
  unitKey,
  unitNames,
} from '../../use-cases/contests.ts';
import { contestSheetXlsx, winnersCertificatesPdf, type ContestSheetRow } from './contests.files.ts';
import type * as routes from './contests.routes.ts';

/** The commune if the caller runs its contests: 404 outside their scope, 403 inside it without the role. */
async function contestCommune(c: Context<AppEnv>, communeId: string) {
  const commune = await readableCommune(c, communeId);
  if (!canManageContests(requireAuth(c).actor, { communeId: commune.id, provinceId: commune.provinceId }))
    throw new AppError(403, 'forbidden');
  return commune;
}

/**
 * The contest if the caller runs it. A commune's contest: 404 outside the commune's readers, 403
 * inside without the role. A contest hosted by the province: 404 to anyone but its province organizers.
 */
export async function managedContest(c: Context<AppEnv>, id: string) {
  const contest = await getContest(c.get('deps').db, id);
  if (!contest) throw new AppError(404, 'not_found');
  if (contest.communeId) await contestCommune(c, contest.communeId);
  else if (!canManageContests(requireAuth(c).actor, contest)) throw new AppError(404, 'not_found');
  return contest;
}

export async function managedRound(c: Context<AppEnv>, id: string) {
  const round = await getRound(c.get('deps').db, id);
  if (!round) throw new AppError(404, 'not_found');
  return { round, contest: await managedContest(c, round.contestId) };
}

const contestAudit = (contest: ContestRow) => ({
  entity: 'contest',
  entityId: contest.id,
  communeId: contest.communeId,
});

/** The province a province organizer hosts contests for (their own; other provinces are not theirs). */
function hostProvince(c: Context<AppEnv>) {
  const { actor } = requireAuth(c);
  return actor.role === 'province_organizer' ? actor.provinceId : null;
}

export const list: Handler<typeof routes.list> = async (c) => {
  const { db } = c.get('deps');
  const provinceId = hostProvince(c);
  const rows = provinceId
    ? await listProvinceContests(db, provinceId, { hostedByProvince: true })
    : await listContests(db, [(await contestCommune(c, communeParam(c, c.req.valid('query').communeId))).id]);
  return c.json({ items: await Promise.all(rows.map((r) => contestDto(db, r))) }, 200);
};

export const create: Handler<typeof routes.create> = async (c) => {
  const { actor } = requireAuth(c);
  const { communeId, ...input } = c.req.valid('json');
  const provinceId = hostProvince(c);
  // A province organizer's contest is the province's, open to every commune of it.
  const host = provinceId
    ? { communeId: null, provinceId, scope: 'province' as const }
    : await contestCommune(c, communeParam(c, communeId)).then((x) => ({
        communeId: x.id,
        provinceId: x.provinceId,
        scope: input.scope,
      }));
  const { db } = c.get('deps');
  const contest = await insertContest(db, { ...input, ...host, createdBy: actor.accountId });
  await audit(c, {
    ...contestAudit(contest),
    action: 'create',
    summary: summarize({ ...input, banner: !!input.banner }),
  });
  return c.json(await contestDto(db, contest), 201);
};

export const ofProvince: Handler<typeof routes.ofProvince> = async (c) => {
  const { actor } = requireAuth(c);
  const commune = await readableCommune(c, communeParam(c, c.req.valid('query').communeId));
  const { db } = c.get('deps');
  if (!canManageContests(actor, { communeId: commune.id, provinceId: commune.provinceId }))
    throw new AppError(403, 'forbidden');
  const rows = (await listProvinceContests(db, commune.provinceId, { visibleOnly: true })).filter((r) =>
    canViewCommunePart(actor, r, commune),
  );
  return c.json({ items: await Promise.all(rows.map((r) => contestDto(db, r))) }, 200);
};

export const communePart: Handler<typeof routes.communePart> = async (c) => {
  const { actor } = requireAuth(c);
  const { id, communeId } = c.req.valid('param');
  const { db } = c.get('deps');
  const contest = await getContest(db, id);
  // Outside the caller's communes: 404; inside them without a contest role: 403.
  const commune =
    actor.role === 'province_organizer' ? await getCommune(db, communeId) : await readableCommune(c, communeId);
  if (!contest || !commune) throw new AppError(404, 'not_found');
  if (
    !canManageContests(actor, { communeId: commune.id, provinceId: commune.provinceId }) &&
    actor.role !== 'province_organizer'
  )
    throw new AppError(403, 'forbidden');
  // A commune's organizers follow a province contest once it is out of draft; its organizers always.
  const visible =
    canViewCommunePart(actor, contest, commune) && (contest.status !== 'draft' || canManageContests(actor, contest));
  if (!visible) throw new AppError(404, 'not_found');
  const q = c.req.valid('query');
  const part = await communePartOf(db, contest, commune.id, toPage(q));
  return c.json(
    {
      contest: await contestDto(db, contest),
      commune: { id: commune.id, name: commune.name },
      standing: part.standing,
      communesRanked: part.communesRanked,
      units: part.units,
      participants: {
        items: await participantRows(db, contest, part.participants.items),
        total: part.participants.total,
        page: q.page,
        pageSize: q.pageSize,
      },
    },
    200,
  );
};

export const get: Handler<typeof routes.get> = async (c) => {
  const contest = await managedContest(c, c.req.valid('param').id);
  return c.json(await contestDto(c.get('deps').db, contest), 200);
};

export const update: Handler<typeof routes.update> = async (c) => {
  const contest = await managedContest(c, c.req.valid('param').id);
  const patch = c.req.valid('json');
  // A contest the province hosts has no host commune to narrow it to.
  if (!contest.communeId && patch.scope && patch.scope !== 'province')
    throw new AppError(422, 'validation_failed', {}, [
      { path: 'scope', message: 'a province contest stays province-wide' },
    ]);
  const { db } = c.get('deps');
  const row = (await updateContest(db, contest.id, patch))!;
  await audit(c, { ...contestAudit(contest), action: 'update', summary: summarize({ ...patch, banner: undefined }) });
  return c.json(await contestDto(db, row), 200);
};

/** Every round of a contest must be able to draw its questions before participants see it. */
async function checkPools(db: Db, contest: ContestRow, rounds: readonly RoundRow[]) {
  if (rounds.length === 0) throw new AppError(409, 'contest_no_rounds');
  const pool = await contestQuestionPool(db, contest);
  for (const r of rounds) {
    if (drawCapacity(pool, r.mix) < r.questionCount)
      throw new AppError(409, 'contest_pool_too_small', { round: r.name });
  }
}

export const setStatus: Handler<typeof routes.setStatus> = async (c) => {
  const contest = await managedContest(c, c.req.valid('param').id);
  const { status } = c.req.valid('json');
  const { db } = c.get('deps');
  if (contest.status === 'closed') throw new AppError(409, 'contest_closed');
  if (status === 'published') await checkPools(db, contest, await listRounds(db, contest.id));
  const row = (await updateContest(db, contest.id, { status }))!;
  await audit(c, {
    ...contestAudit(contest),
    action: `status_${status}`,
    summary: summarize({ from: contest.status }),
  });
  return c.json(await contestDto(db, row), 200);
};

const roundValues = (input: Partial<RoundInput>) => {
  const { startsAt, endsAt, ...rest } = input;
  return {
    ...rest,
    ...(startsAt ? { startsAt: vnLocalToUtc(startsAt) } : {}),
    ...(endsAt ? { endsAt: vnLocalToUtc(endsAt) } : {}),
  };
};

export const createRound: Handler<typeof routes.createRound> = async (c) => {
  const contest = await managedContest(c, c.req.valid('param').id);
  if (contest.status === 'closed') throw new AppError(409, 'contest_closed');
  const input = c.req.valid('json');
  const { db } = c.get('deps');
  const values = roundValues(input) as Required<ReturnType<typeof roundValues>>;
  if (contest.status !== 'draft') await checkPools(db, contest, [{ ...values, name: input.name } as RoundRow]);
  const round = await insertRound(db, { ...values, contestId: contest.id, communeId: contest.communeId });
  await audit(c, {
    entity: 'contest_round',
    entityId: round.id,
    communeId: contest.communeId,
    action: 'create',
    summary: summarize(input),
  });
  return c.json(roundDto(round, contest), 201);
};

export const updateRoundHandler: Handler<typeof routes.updateRound> = async (c) => {
  const { round, contest } = await managedRound(c, c.req.valid('param').id);
  const patch = c.req.valid('json');
  const { db } = c.get('deps');
  const values = roundValues(patch);
  const locked = changedDrawSettings(round, values);
  if (locked.length && (await roundStats(db, round.id, Date.now())).attempts > 0)
    throw new AppError(409, 'contest_round_started');
  const next = { ...round, ...values };
  if (next.endsAt <= next.startsAt)
    throw new AppError(422, 'validation_failed', {}, [{ path: 'endsAt', message: 'ends after it starts' }]);
  if (contest.status !== 'draft') await checkPools(db, contest, [next]);
  const row = (await updateRound(db, round.id, values))!;
  await audit(c, {
    entity: 'contest_round',
    entityId: round.id,
    communeId: contest.communeId,
    action: 'update',
    summary: summarize(patch),
  });
  return c.json(roundDto(row, contest), 200);
};

async function boardOf(db: Db, contest: ContestRow, round: RoundRow) {
  const ranking = await computeRanking(db, contest, round);
  const names = await unitNames(
    db,
    (await communesOfContest(db, contest)).map((x) => x.id),
  );
  const year = round.startsAt.getUTCFullYear();
  return {
    round: roundDto(round, contest),
    final: ranking.final,
    published: !!round.resultsPublishedAt,
    actual: ranking.actual,
    total: ranking.total,
    rows: ranking.ranked.slice(0, 50).map((e) => ({
      place: e.place,
      name: boardName(e.participant, year),
      unitName: names.get(unitKey(e.participant))?.name ?? '',
      score: e.attempt.score,
      durationMs: e.attempt.durationMs,
      predictionGap: e.predictionGap,
      prize: e.prize?.name ?? null,
    })),
    me: null,
  };
}

export const live: Handler<typeof routes.live> = async (c) => {
  const { round, contest } = await managedRound(c, c.req.valid('param').id);
  const { db } = c.get('deps');
  const [stats, registered, pool, board] = await Promise.all([
    roundStats(db, round.id, Date.now()),
    countParticipants(db, contest.id),
    contestQuestionPool(db, contest),
    boardOf(db, contest, round),
  ]);
  return c.json({ stats: { ...stats, registered, poolSize: drawCapacity(pool, round.mix) }, board }, 200);
};

async function participantRows(db: Db, contest: ContestRow, items: readonly ParticipantRow[]) {
  const names = await unitNames(
    db,
    (await communesOfContest(db, contest)).map((x) => x.id),
  );
  const flagged = new Map<string, number>();
  for (const round of await listRounds(db, contest.id)) {
    for (const r of await roundAttempts(db, round.id)) {
      if (r.attempt.flagged) flagged.set(r.participant.id, (flagged.get(r.participant.id) ?? 0) + 1);
    }
  }
  const year = new Date().getUTCFullYear();
  return items.map((p) => participantDto(p, names.get(unitKey(p))?.name ?? '', flagged.get(p.id) ?? 0, year));
}

function participantDto(p: ParticipantRow, unitName: string, flaggedAttempts: number, year: number) {
  return {
    id: p.id,
    fullName: p.fullName,
    birthYear: p.birthYear,
    minor: minor(p, year),
    phone: p.phone,
    unitKind: p.unitKind,
    unitId: p.unitId,
    unitName,
    guardianName: p.guardianName,
    status: p.status,
    statusReason: p.statusReason,
    registeredAt: p.createdAt.toISOString(),
    flaggedAttempts,
  };
}

export const participants: Handler<typeof routes.participants> = async (c) => {
  const contest = await managedContest(c, c.req.valid('param').id);
  const q = c.req.valid('query');
  const { db } = c.get('deps');
  const { items, total } = await listParticipants(db, contest.id, toPage(q));
  return c.json({ items: await participantRows(db, contest, items), total, page: q.page, pageSize: q.pageSize }, 200);
};

export const setParticipant: Handler<typeof routes.setParticipant> = async (c) => {
  const { actor } = requireAuth(c);
  const { db } = c.get('deps');
  const p = await getParticipant(db, c.req.valid('param').id);
  if (!p) throw new AppError(404, 'not_found');
  const contest = await managedContest(c, p.contestId);
  const { status, reason } = c.req.valid('json');
  const row = (await updateParticipant(db, p.id, { status, statusReason: reason || null, statusBy: actor.accountId }))!;
  await audit(c, {
    entity: 'contest_participant',
    entityId: p.id,
    communeId: contest.communeId,
    action: `status_${status}`,
    summary: summarize({ from: p.status, reason }),
  });
  const [dto] = await participantRows(db, contest, [row]);
  return c.json(dto!, 200);
};

async function rankingOf(db: Db, contest: ContestRow, round: RoundRow) {
  const ranking = await computeRanking(db, contest, round);
  const names = await unitNames(
    db,
    (await communesOfContest(db, contest)).map((x) => x.id),
  );
  const row = (
    e: {
      participant: ParticipantRow;
      attempt: {
        id: string;
        attemptNo: number;
        score: number;
        durationMs: number;
        submittedAt: number;
        prediction: number | null;
        flagged: boolean;
      };
    },
    extra: { place: number | null; predictionGap: number | null; held: boolean; prize: string | null },
  ) => ({
    participantId: e.participant.id,
    fullName: e.participant.fullName,
    phone: e.participant.phone,
    birthYear: e.participant.birthYear,
    unitName: names.get(unitKey(e.participant))?.name ?? '',
    status: e.participant.status,
    attemptId: e.attempt.id,
    attemptNo: e.attempt.attemptNo,
    score: e.attempt.score,
    durationMs: e.attempt.durationMs,
    prediction: e.attempt.prediction,
    submittedAt: new Date(e.attempt.submittedAt).toISOString(),
    flagged: e.attempt.flagged,
    ...extra,
  });
  const rows = [
    ...ranking.ranked.map((e) =>
      row(e, { place: e.place, predictionGap: e.predictionGap, held: false, prize: e.prize?.name ?? null }),
    ),
    ...ranking.held.map((e) => row(e, { place: null, predictionGap: null, held: true, prize: null })),
  ];
  const unverifiedWinners = ranking.ranked.filter((e) => e.prize && e.participant.status !== 'verified').length;
  return {
    round: roundDto(round, contest),
    final: ranking.final,
    actual: ranking.actual,
    rows,
    unverifiedWinners,
    ranked: ranking.ranked,
  };
}

export const ranking: Handler<typeof routes.ranking> = async (c) => {
  const { round, contest } = await managedRound(c, c.req.valid('param').id);
  const { ranked: _ranked, ...body } = await rankingOf(c.get('deps').db, contest, round);
  return c.json(body, 200);
};

export const publishResults: Handler<typeof routes.publishResults> = async (c) => {
  const { round, contest } = await managedRound(c, c.req.valid('param').id);
  const { db } = c.get('deps');
  if (roundPhase(contest.status, round.startsAt, round.endsAt, new Date()) !== 'ended')
    throw new AppError(409, 'contest_round_not_ended');
  const { unverifiedWinners } = await rankingOf(db, contest, round);
  if (unverifiedWinners > 0) throw new AppError(409, 'contest_winners_unverified', { count: unverifiedWinners });
  const row = (await updateRound(db, round.id, { resultsPublishedAt: new Date() }))!;
  await audit(c, {
    entity: 'contest_round',
    entityId: round.id,
    communeId: contest.communeId,
    action: 'publish_results',
  });
  return c.json(roundDto(row, contest), 200);
};

export const units: Handler<typeof routes.units> = async (c) => {
  const contest = await managedContest(c, c.req.valid('param').id);
  return c.json(await contestStandings(c.get('deps').db, contest), 200);
};

export const exportSheet: Handler<typeof routes.exportSheet> = async (c) => {
  const contest = await managedContest(c, c.req.valid('param').id);
  const { kind, roundId } = c.req.valid('query');
  const { db } = c.get('deps');
  let round: RoundRow | null = null;
  if (kind !== 'participants') {
    round = roundId ? await getRound(db, roundId) : null;
    if (!round || round.contestId !== contest.id)
      throw new AppError(422, 'validation_failed', {}, [
        { path: 'roundId', message: 'required: a round of this contest' },
      ]);
  }
  let rows: ContestSheetRow[];
  if (kind === 'participants') {
    rows = await participantRows(db, contest, (await listParticipants(db, contest.id)).items);
  } else if (kind === 'attempts') {
    await closeExpired(db, round!.id);
    rows = (await roundAttempts(db, round!.id)).map(({ participant: p, attempt: a }) => ({
      fullName: p.fullName,
      phone: p.phone,
      attemptNo: a.attemptNo,
      startedAt: a.startedAt,
      submittedAt: a.submittedAt,
      closedReason: a.closedReason,
      score: a.score,
      total: a.questions.length,
      durationMs: a.durationMs,
      prediction: a.prediction,
      flagged: a.flagged,
    }));
  } else {
    rows = (await rankingOf(db, contest, round!)).rows;
  }
  const bytes = await contestSheetXlsx(kind, rows, docLocale(c));
  await audit(c, {
    ...contestAudit(contest),
    action: 'export',
    summary: summarize({ kind, roundId, rows: rows.length }),
  });
  c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  c.header('Content-Disposition', `attachment; filename="cuoc-thi-${kind}.xlsx"`);
  return c.body(new Uint8Array(bytes), 200) as never;
};

export const certificates: Handler<typeof routes.certificates> = async (c) => {
  const { round, contest } = await managedRound(c, c.req.valid('param').id);
  if (!round.resultsPublishedAt) throw new AppError(409, 'contest_results_not_published');
  const { db } = c.get('deps');
  const ranking = await rankingOf(db, contest, round);
  const winners = ranking.rows.flatMap((r) => (r.prize ? [{ ...r, prize: r.prize }] : []));
  const commune = contest.communeId ? await readableCommune(c, contest.communeId) : null;
  const province = commune ? null : await getProvince(db, contest.provinceId);
  const pdf = await winnersCertificatesPdf({
    locale: docLocale(c),
    contestTitle: contest.title,
    roundName: round.name,
    questionCount: round.questionCount,
    publishedAt: round.resultsPublishedAt,
    communeName: commune?.name ?? null,
    provinceName: province?.name ?? '',
    winners,
  });
  await audit(c, {
    entity: 'contest_round',
    entityId: round.id,
    communeId: contest.communeId,
    action: 'export_certificates',
    summary: summarize({ winners: winners.length }),
  });
  return pdfAnswer(c, pdf, 'giay-chung-nhan.pdf');
};

export const purge: Handler<typeof routes.purge> = async (c) => {
  const contest = await managedContest(c, c.req.valid('param').id);
  const { db } = c.get('deps');
  const rounds = await listRounds(db, contest.id);
  const lastEnd = new Date(Math.max(0, ...rounds.map((r) => r.endsAt.getTime())));
  if (contest.status !== 'closed' || !purgeDue(lastEnd, new Date()))
    throw new AppError(409, 'contest_retention_running');
  const purged = await purgeParticipants(db, contest.id, initials);
  await audit(c, { ...contestAudit(contest), action: 'purge_personal_data', summary: summarize({ purged }) });
  return c.json({ purged }, 200);
};
