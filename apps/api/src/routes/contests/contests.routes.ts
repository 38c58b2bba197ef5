import { createRoute, z } from '@hono/zod-openapi';
import {
  contestInputSchema,
  contestPatchSchema,
  participantStatuses,
  roundInputSchema,
  roundPatchSchema,
} from '@vungxanh/domain';
import { errorResponses, IdParam, json, jsonBody, paged, PageQuery } from '../../lib/openapi.ts';
import {
  BoardSchema,
  ContestSchema,
  ParticipantSchema,
  RankingSchema,
  RoundSchema,
  StandingsSchema,
  CommuneStandingSchema,
  UnitStandingSchema,
} from './contests.schemas.ts';

const tags = ['contests'];

export const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The contests of a commune (organizers and commune admins), or those a province organizer hosts',
  request: { query: z.object({ communeId: z.string().max(64).optional() }) },
  responses: { 200: json(z.object({ items: z.array(ContestSchema) })), ...errorResponses },
});

export const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Create a contest (draft) for the commune, or for the whole province (province organizers)',
  request: { body: jsonBody(contestInputSchema.extend({ communeId: z.string().max(64).optional() })) },
  responses: { 201: json(ContestSchema, 'Created'), ...errorResponses },
});

export const ofProvince = createRoute({
  method: 'get',
  path: '/of-province',
  tags,
  summary: 'Province contests that include the commune, to follow read-only (its organizers and admins)',
  request: { query: z.object({ communeId: z.string().max(64).optional() }) },
  responses: { 200: json(z.object({ items: z.array(ContestSchema) })), ...errorResponses },
});

export const communePart = createRoute({
  method: 'get',
  path: '/{id}/communes/{communeId}',
  tags,
  summary: "One commune's part of a province contest: its place, its units' standings and its participants (read-only)",
  request: {
    params: z.object({
      id: z
        .string()
        .min(1)
        .max(64)
        .openapi({ param: { name: 'id', in: 'path' } }),
      communeId: z
        .string()
        .min(1)
        .max(64)
        .openapi({ param: { name: 'communeId', in: 'path' } }),
    }),
    query: PageQuery,
  },
  responses: {
    200: json(
      z.object({
        contest: ContestSchema,
        commune: z.object({ id: z.string(), name: z.string() }),
        standing: CommuneStandingSchema.nullable(),
        communesRanked: z.number().int(),
        units: z.array(UnitStandingSchema),
        participants: paged(ParticipantSchema),
      }),
    ),
    ...errorResponses,
  },
});

export const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  request: { params: IdParam },
  responses: { 200: json(ContestSchema), ...errorResponses },
});

export const update = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Edit title, scope, rules, banner or prediction target',
  request: { params: IdParam, body: jsonBody(contestPatchSchema) },
  responses: { 200: json(ContestSchema), ...errorResponses },
});

export const setStatus = createRoute({
  method: 'post',
  path: '/{id}/status',
  tags,
  summary: 'Publish, pause or close the contest (publishing needs a round whose questions can be drawn)',
  request: {
    params: IdParam,
    body: jsonBody(z.strictObject({ status: z.enum(['published', 'paused', 'closed']) })),
  },
  responses: { 200: json(ContestSchema), ...errorResponses },
});

export const createRound = createRoute({
  method: 'post',
  path: '/{id}/rounds',
  tags,
  summary: 'Add a round; start and end are Vietnam time',
  request: { params: IdParam, body: jsonBody(roundInputSchema) },
  responses: { 201: json(RoundSchema, 'Created'), ...errorResponses },
});

export const updateRound = createRoute({
  method: 'patch',
  path: '/rounds/{id}',
  tags,
  summary: 'Edit a round; the draw settings are fixed once attempts exist',
  request: { params: IdParam, body: jsonBody(roundPatchSchema) },
  responses: { 200: json(RoundSchema), ...errorResponses },
});

const Stats = z.object({
  registered: z.number().int(),
  participants: z.number().int(),
  attempts: z.number().int(),
  submitted: z.number().int(),
  open: z.number().int(),
  flagged: z.number().int(),
  poolSize: z.number().int(),
});

export const live = createRoute({
  method: 'get',
  path: '/rounds/{id}/live',
  tags,
  summary: 'Live participation of a round and its provisional board',
  request: { params: IdParam },
  responses: { 200: json(z.object({ stats: Stats, board: BoardSchema })), ...errorResponses },
});

export const participants = createRoute({
  method: 'get',
  path: '/{id}/participants',
  tags,
  request: { params: IdParam, query: PageQuery },
  responses: { 200: json(paged(ParticipantSchema)), ...errorResponses },
});

export const setParticipant = createRoute({
  method: 'post',
  path: '/participants/{id}/status',
  tags,
  summary: 'Verify or disqualify a participant (a reason is required to disqualify)',
  request: {
    params: IdParam,
    body: jsonBody(
      z
        .strictObject({ status: z.enum(participantStatuses), reason: z.string().trim().max(500).default('') })
        .refine((b) => b.status !== 'disqualified' || b.reason.length >= 3, {
          message: 'required to disqualify',
          path: ['reason'],
        }),
    ),
  },
  responses: { 200: json(ParticipantSchema), ...errorResponses },
});

export const ranking = createRoute({
  method: 'get',
  path: '/rounds/{id}/ranking',
  tags,
  summary: 'The full ranking with held (implausibly fast) attempts, for verification',
  request: { params: IdParam },
  responses: { 200: json(RankingSchema), ...errorResponses },
});

export const publishResults = createRoute({
  method: 'post',
  path: '/rounds/{id}/results',
  tags,
  summary: 'Publish the results of an ended round once every prize winner is verified',
  request: { params: IdParam },
  responses: { 200: json(RoundSchema), ...errorResponses },
});

export const units = createRoute({
  method: 'get',
  path: '/{id}/units',
  tags,
  request: { params: IdParam },
  responses: { 200: json(StandingsSchema), ...errorResponses },
});

const xlsx = {
  description: 'XLSX file',
  content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.any() } },
};

export const exportSheet = createRoute({
  method: 'get',
  path: '/{id}/export',
  tags,
  summary: 'Participants, a round’s attempts or its ranking as XLSX (audited)',
  request: {
    params: IdParam,
    query: z.object({
      kind: z.enum(['participants', 'attempts', 'ranking']).default('participants'),
      roundId: z.string().max(64).optional(),
    }),
  },
  responses: { 200: xlsx, ...errorResponses },
});

export const certificates = createRoute({
  method: 'get',
  path: '/rounds/{id}/certificates',
  tags,
  summary: 'Winners’ certificates of a round with published results, one A4 page each (PDF, audited)',
  request: { params: IdParam },
  responses: {
    200: { description: 'PDF', content: { 'application/pdf': { schema: z.any() } } },
    ...errorResponses,
  },
});

export const purge = createRoute({
  method: 'post',
  path: '/{id}/purge',
  tags,
  summary:
    'Purge participants’ personal fields of a closed contest once the retention period has passed (scores and counts stay)',
  request: { params: IdParam },
  responses: { 200: json(z.object({ purged: z.number().int() })), ...errorResponses },
});
