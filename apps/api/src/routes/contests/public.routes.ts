import { createRoute, z } from '@hono/zod-openapi';
import { contestStatuses, contestScopes, predictionTargets, registrationSchema } from '@vungxanh/domain';
import { errorResponses, IdParam, json, jsonBody } from '../../lib/openapi.ts';
import {
  AttemptSchema,
  BoardSchema,
  ContestSchema,
  RoundSchema,
  StandingsSchema,
  UnitOption,
} from './contests.schemas.ts';

const tags = ['contests (participants)'];
const token = z.object({ 'x-participant-token': z.string().max(100).optional() });

const ContestCard = z.object({
  id: z.string(),
  title: z.string(),
  scope: z.enum(contestScopes),
  status: z.enum(contestStatuses),
  communeName: z.string(),
  /** Who runs it: the host commune, or the province for a contest it hosts. */
  hostName: z.string(),
  banner: z.string().nullable(),
  predictionTarget: z.enum(predictionTargets),
  /** What a card shows of each round; the contest's page carries the rest (mix, prizes, limits). */
  rounds: z.array(
    RoundSchema.pick({ id: true, name: true, startsAt: true, endsAt: true, phase: true, resultsPublishedAt: true }),
  ),
});

export const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Contests open to participants (of a commune and its province, when given)',
  request: { query: z.object({ communeId: z.string().max(64).optional() }) },
  responses: { 200: json(z.object({ items: z.array(ContestCard) })), ...errorResponses },
});

export const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'A contest with its rules, rounds and the places participants may compete for',
  request: { params: IdParam },
  responses: {
    200: json(
      z.object({
        contest: ContestSchema,
        communes: z.array(z.object({ id: z.string(), name: z.string() })),
        /** Every unit for a commune contest; empty for a province contest, whose units are searched (unitSearch). */
        units: z.array(UnitOption),
        unitSearch: z.boolean(),
        retentionMonths: z.number().int(),
      }),
    ),
    ...errorResponses,
  },
});

const Me = z.object({
  id: z.string(),
  contestId: z.string(),
  displayName: z.string(),
  minor: z.boolean(),
  status: z.enum(['registered', 'verified', 'disqualified']),
  rounds: z.array(
    z.object({
      roundId: z.string(),
      used: z.number().int(),
      openAttemptId: z.string().nullable(),
      lastResult: z.object({ attemptId: z.string(), score: z.number().int(), durationMs: z.number().int() }).nullable(),
      /** The submitted attempts in order, for the review once the round has ended. */
      finishedAttemptIds: z.array(z.string()),
    }),
  ),
});

/** The token for this device and the personal recovery code, shown once, that moves it to another. */
const Registered = z.object({ token: z.string(), recoveryCode: z.string(), participant: Me });

export const register = createRoute({
  method: 'post',
  path: '/{id}/register',
  tags,
  summary:
    'Register once per phone number: answers a participant token (kept by the browser) to send as x-participant-token',
  request: { params: IdParam, body: jsonBody(registrationSchema) },
  responses: {
    201: json(Registered, 'Registered'),
    200: json(Registered, 'The same registration again (with a fresh recovery code)'),
    ...errorResponses,
  },
});

export const me = createRoute({
  method: 'get',
  path: '/{id}/me',
  tags,
  summary: 'The participant named by the token, with their attempts per round',
  request: { params: IdParam, headers: token },
  responses: { 200: json(Me), ...errorResponses },
});

export const start = createRoute({
  method: 'post',
  path: '/rounds/{id}/attempts',
  tags,
  summary: 'Start an attempt, or get the open one back (a reload is the same attempt)',
  request: {
    params: IdParam,
    headers: token,
    body: jsonBody(z.strictObject({ clientId: z.uuid().optional() })),
  },
  responses: {
    201: json(AttemptSchema, 'Started'),
    200: json(AttemptSchema, 'The open attempt'),
    ...errorResponses,
  },
});

export const getAttempt = createRoute({
  method: 'get',
  path: '/attempts/{id}',
  tags,
  summary: 'An attempt of the token’s participant: questions, answers saved, time left; the result once closed',
  request: { params: IdParam, headers: token },
  responses: { 200: json(AttemptSchema), ...errorResponses },
});

const QuestionParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
  questionId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'questionId', in: 'path' } }),
});

export const answer = createRoute({
  method: 'put',
  path: '/attempts/{id}/answers/{questionId}',
  tags,
  summary: 'Save one answer as given (the same answer again is harmless); refused after the deadline and grace',
  request: {
    params: QuestionParam,
    headers: token,
    body: jsonBody(z.strictObject({ chosen: z.array(z.string().max(4)).min(1).max(5) })),
  },
  responses: {
    200: json(z.object({ questionId: z.string(), saved: z.literal(true), answered: z.number().int() })),
    ...errorResponses,
  },
});

export const predict = createRoute({
  method: 'put',
  path: '/attempts/{id}/prediction',
  tags,
  summary: 'Save the prediction: how many will take part in (or attempt) this round',
  request: {
    params: IdParam,
    headers: token,
    body: jsonBody(z.strictObject({ value: z.number().int().min(0).max(100_000_000) })),
  },
  responses: { 200: json(z.object({ saved: z.literal(true), prediction: z.number().int() })), ...errorResponses },
});

export const submit = createRoute({
  method: 'post',
  path: '/attempts/{id}/submit',
  tags,
  summary: 'Submit: the server scores the answers saved; a second submit answers the first result',
  request: { params: IdParam, headers: token },
  responses: { 200: json(AttemptSchema), ...errorResponses },
});

export const board = createRoute({
  method: 'get',
  path: '/rounds/{id}/board',
  tags,
  summary:
    'The round’s board: provisional order without the prediction while open, the final ranking after; minors by initials',
  request: { params: IdParam, headers: token },
  responses: { 200: json(BoardSchema), ...errorResponses },
});

export const units = createRoute({
  method: 'get',
  path: '/{id}/units',
  tags,
  summary: 'The collective rankings: units (participation rate plus prize points) and, in a province contest, communes',
  request: { params: IdParam },
  responses: { 200: json(StandingsSchema), ...errorResponses },
});

export const unitSearch = createRoute({
  method: 'get',
  path: '/{id}/units/search',
  tags,
  summary: 'Units of the contest whose name matches what was typed, without diacritics (30 at most)',
  request: { params: IdParam, query: z.object({ q: z.string().max(100).default('') }) },
  responses: { 200: json(z.object({ items: z.array(UnitOption) })), ...errorResponses },
});
