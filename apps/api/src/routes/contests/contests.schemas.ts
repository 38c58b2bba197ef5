import { z } from '@hono/zod-openapi';
import {
  contestScopes,
  contestStatuses,
  contestUnitKinds,
  countingRules,
  participantStatuses,
  predictionTargets,
  topics,
} from '@vungxanh/domain';

export const PrizeSchema = z.object({ name: z.string(), count: z.number().int(), points: z.number().int() });

export const RoundSchema = z
  .object({
    id: z.string(),
    contestId: z.string(),
    name: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    /** The same instants as "YYYY-MM-DDTHH:mm" in Vietnam time, for the editor. */
    startsAtLocal: z.string(),
    endsAtLocal: z.string(),
    phase: z.enum(['draft', 'upcoming', 'open', 'paused', 'ended']),
    questionCount: z.number().int(),
    mix: z.object({ topics: z.array(z.enum(topics)), difficulties: z.array(z.number().int()) }),
    timeLimitSeconds: z.number().int(),
    attemptsAllowed: z.number().int(),
    countingRule: z.enum(countingRules),
    prizes: z.array(PrizeSchema),
    resultsPublishedAt: z.string().nullable(),
  })
  .openapi('ContestRound');

export const ContestSchema = z
  .object({
    id: z.string(),
    /** The host commune; null for a contest hosted by the province. */
    communeId: z.string().nullable(),
    communeName: z.string(),
    provinceId: z.string(),
    hostName: z.string(),
    title: z.string(),
    scope: z.enum(contestScopes),
    rulesMd: z.string(),
    banner: z.string().nullable(),
    predictionTarget: z.enum(predictionTargets),
    status: z.enum(contestStatuses),
    rounds: z.array(RoundSchema),
  })
  .openapi('Contest');

export const UnitOption = z.object({
  kind: z.enum(contestUnitKinds),
  id: z.string(),
  name: z.string(),
  communeId: z.string(),
});

export const ParticipantSchema = z
  .object({
    id: z.string(),
    fullName: z.string(),
    birthYear: z.number().int(),
    minor: z.boolean(),
    phone: z.string(),
    unitKind: z.enum(contestUnitKinds),
    unitId: z.string(),
    unitName: z.string(),
    guardianName: z.string().nullable(),
    status: z.enum(participantStatuses),
    statusReason: z.string().nullable(),
    registeredAt: z.string(),
    flaggedAttempts: z.number().int(),
  })
  .openapi('ContestParticipant');

/** A question as a participant sees it: text and options in the drawn order, never the key. */
export const AttemptQuestion = z.object({
  id: z.string(),
  type: z.enum(['single', 'multiple', 'true_false']),
  text: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string() })),
});

export const AttemptResult = z.object({
  score: z.number().int(),
  total: z.number().int(),
  durationMs: z.number().int(),
  submittedAt: z.string(),
  closedReason: z.enum(['submitted', 'deadline']),
  flagged: z.boolean(),
});

export const AttemptSchema = z
  .object({
    id: z.string(),
    roundId: z.string(),
    attemptNo: z.number().int(),
    status: z.enum(['open', 'closed']),
    startedAt: z.string(),
    deadlineAt: z.string(),
    /** The server's clock when answering, so the countdown does not trust the device's clock. */
    serverNow: z.string(),
    graceMs: z.number().int(),
    predictionTarget: z.enum(predictionTargets),
    questions: z.array(AttemptQuestion),
    answers: z.record(z.string(), z.array(z.string())),
    prediction: z.number().int().nullable(),
    result: AttemptResult.nullable(),
  })
  .openapi('ContestAttempt');

export const BoardRow = z.object({
  place: z.number().int(),
  name: z.string(),
  unitName: z.string(),
  score: z.number().int(),
  durationMs: z.number().int(),
  /** |prediction − actual| once the round has ended; null on the provisional board. */
  predictionGap: z.number().int().nullable(),
  prize: z.string().nullable(),
});

export const BoardSchema = z
  .object({
    round: RoundSchema,
    final: z.boolean(),
    published: z.boolean(),
    actual: z.number().int().nullable(),
    total: z.number().int(),
    rows: z.array(BoardRow),
    me: z
      .object({
        place: z.number().int().nullable(),
        score: z.number().int(),
        durationMs: z.number().int(),
        held: z.boolean(),
      })
      .nullable(),
  })
  .openapi('ContestBoard');

export const UnitStandingSchema = z.object({
  place: z.number().int(),
  unitKind: z.enum(contestUnitKinds),
  unitId: z.string(),
  name: z.string(),
  base: z.number().int().nullable(),
  participants: z.number().int(),
  ratePercent: z.number().nullable(),
  prizePoints: z.number().int(),
  score: z.number(),
});

export const CommuneStandingSchema = z.object({
  place: z.number().int(),
  communeId: z.string(),
  name: z.string(),
  population: z.number().int().nullable(),
  participants: z.number().int(),
  perThousand: z.number().nullable(),
  prizePoints: z.number().int(),
});

/** The collective rankings: units, and for a province contest its communes. */
export const StandingsSchema = z.object({
  items: z.array(UnitStandingSchema),
  communes: z.array(CommuneStandingSchema),
});

export const RankingRow = z.object({
  place: z.number().int().nullable(),
  participantId: z.string(),
  fullName: z.string(),
  phone: z.string(),
  birthYear: z.number().int(),
  unitName: z.string(),
  status: z.enum(participantStatuses),
  attemptId: z.string(),
  attemptNo: z.number().int(),
  score: z.number().int(),
  durationMs: z.number().int(),
  prediction: z.number().int().nullable(),
  predictionGap: z.number().int().nullable(),
  submittedAt: z.string(),
  flagged: z.boolean(),
  held: z.boolean(),
  prize: z.string().nullable(),
});

export const RankingSchema = z
  .object({
    round: RoundSchema,
    final: z.boolean(),
    actual: z.number().int().nullable(),
    rows: z.array(RankingRow),
    unverifiedWinners: z.number().int(),
  })
  .openapi('ContestRanking');
