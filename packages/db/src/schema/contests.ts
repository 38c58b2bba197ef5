import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  contestScopes,
  contestStatuses,
  contestUnitKinds,
  countingRules,
  participantStatuses,
  predictionTargets,
  type DrawnContestQuestion,
  type Prize,
  type RoundMix,
} from '@vungxanh/domain';
import { accounts } from './accounts.ts';
import { createdAt, id, instant, updatedAt } from './columns.ts';
import { communes } from './communes.ts';
import { provinces } from './provinces.ts';

/**
 * A contest, hosted by one commune or, with no host commune, by the province (its province organizers).
 * A province-scope contest takes participants from the whole province.
 */
export const contests = sqliteTable(
  'contests',
  {
    id: id(),
    communeId: text('commune_id').references(() => communes.id),
    provinceId: text('province_id')
      .notNull()
      .references(() => provinces.id),
    title: text('title').notNull(),
    scope: text('scope', { enum: contestScopes }).notNull(),
    rulesMd: text('rules_md').notNull().default(''),
    banner: text('banner'),
    predictionTarget: text('prediction_target', { enum: predictionTargets }).notNull(),
    status: text('status', { enum: contestStatuses }).notNull().default('draft'),
    createdBy: text('created_by').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('contests_commune_idx').on(t.communeId), index('contests_province_idx').on(t.provinceId, t.scope)],
);

export const contestRounds = sqliteTable(
  'contest_rounds',
  {
    id: id(),
    contestId: text('contest_id')
      .notNull()
      .references(() => contests.id),
    /** The host commune; null for a contest hosted by the province. */
    communeId: text('commune_id').references(() => communes.id),
    name: text('name').notNull(),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    questionCount: integer('question_count').notNull(),
    mix: text('mix', { mode: 'json' }).$type<RoundMix>().notNull(),
    timeLimitSeconds: integer('time_limit_seconds').notNull(),
    attemptsAllowed: integer('attempts_allowed').notNull(),
    countingRule: text('counting_rule', { enum: countingRules }).notNull(),
    prizes: text('prizes', { mode: 'json' }).$type<Prize[]>().notNull(),
    resultsPublishedAt: instant('results_published_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('contest_rounds_contest_idx').on(t.contestId, t.startsAt)],
);

/** One registration per normalized phone per contest; the participant token is stored as a hash only. */
export const contestParticipants = sqliteTable(
  'contest_participants',
  {
    id: id(),
    contestId: text('contest_id')
      .notNull()
      .references(() => contests.id),
    /** The host commune, or for a contest hosted by the province the commune of the participant's unit. */
    communeId: text('commune_id')
      .notNull()
      .references(() => communes.id),
    clientId: text('client_id').notNull(),
    phone: text('phone').notNull(),
    tokenHash: text('token_hash').notNull(),
    fullName: text('full_name').notNull(),
    birthYear: integer('birth_year').notNull(),
    unitKind: text('unit_kind', { enum: contestUnitKinds }).notNull(),
    unitId: text('unit_id').notNull(),
    /** The commune of the unit the person competes for (differs from the host in a province contest). */
    unitCommuneId: text('unit_commune_id').notNull(),
    guardianName: text('guardian_name'),
    guardianConsentAt: instant('guardian_consent_at'),
    consentAt: instant('consent_at').notNull(),
    status: text('status', { enum: participantStatuses }).notNull().default('registered'),
    statusReason: text('status_reason'),
    statusBy: text('status_by').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('contest_participants_phone_uq').on(t.contestId, t.phone),
    uniqueIndex('contest_participants_client_uq').on(t.contestId, t.clientId),
    uniqueIndex('contest_participants_token_uq').on(t.tokenHash),
    index('contest_participants_unit_idx').on(t.contestId, t.unitKind, t.unitId),
    index('contest_participants_commune_idx').on(t.contestId, t.unitCommuneId),
  ],
);

/**
 * One attempt at a round. The drawn questions keep their shown option order and their key;
 * the key never leaves the server before submit. Answers are a JSON object question id → chosen ids.
 */
export const contestAttempts = sqliteTable(
  'contest_attempts',
  {
    id: id(),
    roundId: text('round_id')
      .notNull()
      .references(() => contestRounds.id),
    contestId: text('contest_id')
      .notNull()
      .references(() => contests.id),
    /** The participant's `communeId`. */
    communeId: text('commune_id')
      .notNull()
      .references(() => communes.id),
    participantId: text('participant_id')
      .notNull()
      .references(() => contestParticipants.id),
    attemptNo: integer('attempt_no').notNull(),
    clientId: text('client_id'),
    questions: text('questions', { mode: 'json' }).$type<DrawnContestQuestion[]>().notNull(),
    answers: text('answers', { mode: 'json' }).$type<Record<string, string[]>>().notNull(),
    prediction: integer('prediction'),
    startedAt: instant('started_at').notNull(),
    deadlineAt: instant('deadline_at').notNull(),
    submittedAt: instant('submitted_at'),
    /** 'submitted' by the participant, or 'deadline' when closed by the server after the time ran out. */
    closedReason: text('closed_reason', { enum: ['submitted', 'deadline'] }),
    score: integer('score'),
    durationMs: integer('duration_ms'),
    flagged: integer('flagged', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('contest_attempts_no_uq').on(t.roundId, t.participantId, t.attemptNo),
    uniqueIndex('contest_attempts_client_uq').on(t.participantId, t.clientId),
    // With the deadline, a round's open attempts are counted from the index alone.
    index('contest_attempts_round_idx').on(t.roundId, t.submittedAt, t.deadlineAt),
    // The few flagged attempts of a round, counted without reading the others (each row carries its questions).
    index('contest_attempts_flagged_idx')
      .on(t.roundId)
      .where(sql`${t.flagged} = 1`),
  ],
);
