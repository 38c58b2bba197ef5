import { AppError, countedAttempt, isCorrectAnswer, roundPhase, type LocalizedQuestion } from '@vungxanh/domain';
import { getContest, getRound, liveAttempt, participantAttempts, questionsByIds } from '@vungxanh/db';
import type { Handler } from '../../lib/openapi.ts';
import { sha } from '../../use-cases/contests.ts';
import type * as routes from './review.routes.ts';

/**
 * A participant's own attempt with its keys, only once the round has ended: before that the keys
 * stay in the scoring code. The attempt that counts is named per the round's rule (best, first, last).
 */
export const review: Handler<typeof routes.review> = async (c) => {
  const { db } = c.get('deps');
  const a = await liveAttempt(db, c.req.valid('param').id);
  const token = c.req.header('x-participant-token');
  // An unknown attempt is not found before a token is asked for, as on the other attempt routes.
  if (!a) throw new AppError(404, 'not_found');
  if (!token) throw new AppError(401, 'contest_token_invalid');
  if (a.tokenHash !== sha(token)) throw new AppError(404, 'not_found');
  const round = (await getRound(db, a.roundId))!;
  const contest = (await getContest(db, round.contestId))!;
  if (roundPhase(contest.status, round.startsAt, round.endsAt, new Date()) !== 'ended')
    throw new AppError(409, 'contest_round_not_ended');
  const finished = (await participantAttempts(db, round.id, a.participantId)).filter((x) => x.submittedAt);
  const counted = countedAttempt(
    finished.map((x) => ({
      id: x.id,
      attemptNo: x.attemptNo,
      score: x.score ?? 0,
      durationMs: x.durationMs ?? 0,
      submittedAt: x.submittedAt!.getTime(),
      prediction: x.prediction,
      flagged: x.flagged,
    })),
    round.countingRule,
  );
  const rows = new Map(
    (
      await questionsByIds(
        db,
        a.questions.map((q) => q.id),
      )
    ).map((q) => [q.id, q]),
  );
  const locale = c.get('locale');
  return c.json(
    {
      attemptId: a.id,
      attemptNo: a.attemptNo,
      counts: counted?.id === a.id,
      countedAttemptId: counted?.id ?? null,
      score: a.score ?? 0,
      total: a.questions.length,
      questions: a.questions.map((q) => {
        const row = rows.get(q.id);
        const text: LocalizedQuestion | undefined = (locale === 'en' && row?.en) || row?.vi;
        const chosen = a.answers[q.id] ?? [];
        return {
          id: q.id,
          text: text?.text ?? '',
          options: q.order.map((id) => ({ id, text: text?.options[id] ?? '' })),
          chosen,
          correct: q.correct,
          right: chosen.length > 0 && isCorrectAnswer(q.correct, chosen),
          explanation: text?.explanation ?? '',
          legalBasis: row?.legalBasis ?? [],
        };
      }),
    },
    200,
  );
};
