import type { Context } from 'hono';
import {
  AppError,
  analyseItems,
  countedAttempt,
  drawCapacity,
  drawLongestShare,
  gateLimits,
  gateReport,
  importStep,
  contestScope,
  questionKey,
  roundPhase,
  type QuestionLike,
  type Topic,
  type Audience,
} from '@vungxanh/domain';
import {
  citedLaws,
  contestQuestionPool,
  getQuestion,
  insertContestQuestions,
  listContestQuestions,
  questionsByIds,
  questionsInOpenRounds,
  releaseToPractice,
  roundQuestionIds,
  roundResults,
  storedQuestionKeys,
  updateQuestion,
  type ContestRow,
  type QuestionRow,
  type RoundRow,
} from '@vungxanh/db';
import type { AppEnv } from '../../lib/context.ts';
import { audit, auditContext, summarize } from '../../lib/audit.ts';
import { docLocale } from '../../lib/doc-locale.ts';
import type { Handler } from '../../lib/openapi.ts';
import { gateDto, gateInput } from '../../lib/gates.ts';
import { requireAuth } from '../../lib/session.ts';
import { unique } from '../../lib/unique.ts';
import { checkQuestionFile, toQuestion } from '../../lib/question-dto.ts';
import { managedContest, managedRound } from './contests.handlers.ts';
import { closeExpired } from '../../use-cases/contests.ts';
import { itemAnalysisXlsx } from './contests.files.ts';
import type * as routes from './bank.routes.ts';

const questionColumns = (q: Omit<QuestionLike, 'ref'> & { group?: string | undefined }) => ({
  type: q.type,
  topic: q.topic as Topic,
  difficulty: q.difficulty,
  audience: q.audience as Audience,
  lawVersion: q.lawVersion,
  legalBasis: [...q.legalBasis],
  source: q.source ?? null,
  correct: [...q.correct],
  vi: q.vi,
  en: q.en ?? null,
  reviewedOn: q.reviewedOn,
  textKey: questionKey(q.vi.text),
  laws: citedLaws(q.lawVersion, q.legalBasis),
  exclusionGroup: q.group ?? null,
});

function openForQuestions(contest: ContestRow) {
  if (contest.status === 'closed') throw new AppError(409, 'contest_closed_for_questions');
}

export const listQuestions: Handler<typeof routes.listQuestions> = async (c) => {
  const contest = await managedContest(c, c.req.valid('param').id);
  const { db } = c.get('deps');
  const [own, pool] = await Promise.all([listContestQuestions(db, contest.id), contestQuestionPool(db, contest)]);
  const share = drawLongestShare(pool);
  return c.json(
    {
      questions: own.map(toQuestion),
      gates: gateDto(gateReport(own.map(gateInput))),
      pool: {
        size: drawCapacity(pool, { topics: [], difficulties: [] }),
        longestShare: share,
        longestFlagged: share > gateLimits.longestShareMax,
      },
    },
    200,
  );
};

export const createQuestion: Handler<typeof routes.createQuestion> = async (c) => {
  const contest = await managedContest(c, c.req.valid('param').id);
  openForQuestions(contest);
  const input = c.req.valid('json');
  const [row] = await unique(
    () =>
      insertContestQuestions(c.get('deps').db, contest, [{ ...questionColumns(input), status: input.status }], {
        ...auditContext(c),
        entity: 'question',
        action: 'create_contest_question',
        summary: summarize({ contestId: contest.id, topic: input.topic }),
      }),
    'duplicate_question',
  );
  return c.json(toQuestion(row!), 201);
};

export const setQuestionStatus: Handler<typeof routes.setQuestionStatus> = async (c) => {
  const { db } = c.get('deps');
  const question = await getQuestion(db, c.req.valid('param').id);
  if (!question?.contestId) throw new AppError(404, 'not_found');
  const contest = await managedContest(c, question.contestId);
  const { status } = c.req.valid('json');
  const row = (await updateQuestion(db, question.id, { status }))!;
  await audit(c, {
    entity: 'question',
    entityId: row.id,
    communeId: contest.communeId,
    action: `status_${status}`,
    summary: summarize({ contestId: contest.id }),
  });
  return c.json(toQuestion(row), 200);
};

export const importQuestions: Handler<typeof routes.importQuestions> = async (c) => {
  const contest = await managedContest(c, c.req.valid('param').id);
  openForQuestions(contest);
  const form = c.req.valid('form');
  if (!(form.file instanceof File))
    throw new AppError(422, 'validation_failed', {}, [{ path: 'file', message: 'required' }]);
  const { valid, report } = await checkQuestionFile(
    form.file,
    form.mode,
    c.get('locale'),
    (keys) => storedQuestionKeys(c.get('deps').db, contestScope(contest.id), keys, []),
    false,
  );
  const step = importStep(form.mode, valid.length, report.invalid);
  if (step === 'report') return c.json({ ...report, imported: false, created: 0, updated: 0 }, 200);
  if (step === 'refuse') throw new AppError(422, 'import_has_errors');
  // Imported items are published straight into the contest's own bank: the organizer checked them in the file.
  const rows = valid.map((r) => ({ ...questionColumns(r.value!), status: 'published' as const }));
  const inserted = await unique(
    () =>
      insertContestQuestions(c.get('deps').db, contest, rows, {
        ...auditContext(c),
        entity: 'question',
        action: 'import_contest_questions',
        summary: summarize({ contestId: contest.id, created: rows.length }),
      }),
    'duplicate_question',
  );
  return c.json({ ...report, imported: true, created: inserted.length, updated: 0 }, 200);
};

/** A round whose figures may be read: ended (its time is over, or its contest closed). */
async function endedRound(c: Context<AppEnv>, roundId: string) {
  const { round, contest } = await managedRound(c, roundId);
  if (roundPhase(contest.status, round.startsAt, round.endsAt, new Date()) !== 'ended')
    throw new AppError(409, 'contest_round_not_ended');
  return { round, contest };
}

const originOf = (q: QuestionRow): 'national' | 'commune' | 'contest' =>
  q.scope === 'national' ? 'national' : q.contestId ? 'contest' : 'commune';

/** The item analysis of an ended round over the attempt that counts for each participant (per the round's rule). */
async function analyse(c: Context<AppEnv>, round: RoundRow) {
  const { db } = c.get('deps');
  await closeExpired(db, round.id);
  const rows = await roundResults(db, round.id);
  const byPerson = new Map<string, typeof rows>();
  for (const r of rows) {
    if (r.participant.status === 'disqualified') continue;
    byPerson.set(r.participant.id, [...(byPerson.get(r.participant.id) ?? []), r]);
  }
  const counted = [...byPerson.values()].flatMap((list) => {
    const pick = countedAttempt(
      list.map((r) => ({
        id: r.attempt.id,
        attemptNo: r.attempt.attemptNo,
        score: r.attempt.score ?? 0,
        durationMs: r.attempt.durationMs ?? 0,
        submittedAt: r.attempt.submittedAt!.getTime(),
        prediction: r.attempt.prediction,
        flagged: r.attempt.flagged,
      })),
      round.countingRule,
    );
    const a = list.find((r) => r.attempt.id === pick?.id)?.attempt;
    return a ? [{ score: a.score ?? 0, questions: a.questions, answers: a.answers }] : [];
  });
  const questions = new Map((await questionsByIds(db, await roundQuestionIds(db, round.id))).map((q) => [q.id, q]));
  const options = Object.fromEntries([...questions].map(([id, q]) => [id, Object.keys(q.vi.options)]));
  const items = analyseItems(counted, options).map((s) => {
    const q = questions.get(s.questionId);
    return {
      ...s,
      ref: q?.ref ?? null,
      origin: q ? originOf(q) : ('national' as const),
      text: q?.vi.text ?? '',
      status: q?.status ?? ('outdated' as const),
      options: Object.entries(q?.vi.options ?? {}).map(([id, text]) => ({
        id,
        text,
        correct: q!.correct.includes(id),
        chosen: s.optionCounts[id] ?? 0,
      })),
    };
  });
  items.sort((a, b) => b.flags.length - a.flags.length || a.facility - b.facility);
  return { roundId: round.id, attempts: counted.length, items };
}

export const analysis: Handler<typeof routes.analysis> = async (c) => {
  const { round } = await endedRound(c, c.req.valid('param').id);
  const result = await analyse(c, round);
  return c.json(
    { ...result, items: result.items.map(({ optionCounts: _o, questionId, ...rest }) => ({ questionId, ...rest })) },
    200,
  );
};

export const analysisSheet: Handler<typeof routes.analysisSheet> = async (c) => {
  const { round, contest } = await endedRound(c, c.req.valid('param').id);
  const result = await analyse(c, round);
  const bytes = await itemAnalysisXlsx(result.items, docLocale(c));
  await audit(c, {
    entity: 'contest',
    entityId: contest.id,
    communeId: contest.communeId,
    action: 'export_item_analysis',
    summary: summarize({ roundId: round.id, rows: result.items.length }),
  });
  c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  c.header('Content-Disposition', `attachment; filename="vungxanh-phan-tich-cau-hoi.xlsx"`);
  return c.body(new Uint8Array(bytes), 200) as never;
};

/**
 * Releases an ended round's questions to practice. National items only by the system's editors
 * (other communes' contests may still draw them); an item another round still running has drawn
 * stays in the contest bank.
 */
export const release: Handler<typeof routes.release> = async (c) => {
  const { round, contest } = await endedRound(c, c.req.valid('param').id);
  const { actor } = requireAuth(c);
  const { db } = c.get('deps');
  const rows = (await questionsByIds(db, await roundQuestionIds(db, round.id))).filter((q) => q.bank === 'contest');
  const inUse = await questionsInOpenRounds(
    db,
    rows.map((q) => q.id),
    round.id,
    Date.now(),
  );
  const keptBack: { id: string; reason: 'national' | 'in_use' | 'duplicate' }[] = [];
  const free = rows.filter((q) => {
    if (q.scope === 'national' && actor.role !== 'system') keptBack.push({ id: q.id, reason: 'national' });
    else if (inUse.has(q.id)) keptBack.push({ id: q.id, reason: 'in_use' });
    else return true;
    return false;
  });
  // A contest hosted by the province has no commune practice bank to release to.
  if (!contest.communeId) throw new AppError(409, 'contest_release_province');
  const { released, duplicate } = await releaseToPractice(db, free, contest.communeId, {
    ...auditContext(c),
    entity: 'contest',
    entityId: contest.id,
    action: 'release_questions',
  });
  keptBack.push(...duplicate.map((id) => ({ id, reason: 'duplicate' as const })));
  return c.json({ released, keptBack }, 200);
};
