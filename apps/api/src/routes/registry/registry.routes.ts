import { createRoute, z } from '@hono/zod-openapi';
import {
  criteriaListInput,
  criterionSources,
  decisionStatuses,
  enteredValuesInput,
  recognitionPeriodKey,
  registryStatuses,
  transitionInput,
} from '@vungxanh/domain';
import { docLang } from '../../lib/doc-locale.ts';
import { errorResponses, IdParam, json, jsonBody } from '../../lib/openapi.ts';

const tags = ['registry'];
const Status = z.enum(registryStatuses);

const Deadline = z.object({
  periodKey: z.string(),
  deadline: z.string(),
  daysLeft: z.number().int(),
  level: z.enum(['ok', 'soon', 'overdue']),
});

export const DecisionSchema = z
  .object({
    id: z.string(),
    villageId: z.string(),
    periodKey: z.string(),
    periodLabel: z.string(),
    kind: z.enum(decisionStatuses),
    number: z.string(),
    date: z.string(),
    certificateNumber: z.string(),
    /** Decided after the period's deadline (10/3 or 10/9). */
    late: z.boolean(),
    /** Decided against unmet computed criteria: the written reason and the criteria (keys) that were unmet. */
    override: z.object({ reason: z.string(), criteria: z.array(z.string()) }).nullable(),
  })
  .openapi('RecognitionDecision');

const Summary = z.object({
  total: z.number().int(),
  met: z.number().int(),
  unmet: z.number().int(),
  unknown: z.number().int(),
});

const RegistryVillage = z.object({
  id: z.string(),
  name: z.string(),
  active: z.boolean(),
  roadmapTargetYear: z.number().int().nullable(),
  status: Status,
  periodKey: z.string().nullable(),
  allowed: z.array(Status),
  lastDecision: DecisionSchema.nullable(),
  checklist: Summary,
  /** For a proposal: where its period stands against the deadline. */
  deadline: Deadline.nullable(),
});

const Query = z.object({
  communeId: z.string().max(64).optional(),
  periodKey: recognitionPeriodKey.optional(),
});

export const RegistrySchema = z
  .object({
    commune: z.object({ id: z.string(), name: z.string() }),
    periodKey: z.string(),
    periodLabel: z.string(),
    periods: z.array(z.object({ key: z.string(), label: z.string() })),
    deadline: Deadline,
    canManage: z.boolean(),
    counts: z.record(Status, z.number().int()),
    villages: z.array(RegistryVillage),
    roadmap: z.array(
      z.object({ year: z.number().int(), planned: z.number().int(), actual: z.number().int().nullable() }),
    ),
  })
  .openapi('Registry');

export const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The registry of a commune for a recognition period: statuses, checklists, deadline, roadmap',
  request: { query: Query },
  responses: { 200: json(RegistrySchema), ...errorResponses },
});

const CriterionResult = z.object({
  key: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  source: z.enum(criterionSources),
  value: z.number().nullable(),
  met: z.boolean().nullable(),
  target: z.number().int().nullable(),
  maxCount: z.number().int().nullable(),
  note: z.string().nullable(),
  toCheck: z.boolean(),
});

export const VillageRegistrySchema = z
  .object({
    village: z.object({
      id: z.string(),
      communeId: z.string(),
      name: z.string(),
      active: z.boolean(),
      roadmapTargetYear: z.number().int().nullable(),
    }),
    status: Status,
    allowed: z.array(Status),
    periodKey: z.string(),
    periodLabel: z.string(),
    deadline: Deadline,
    checklist: z.array(CriterionResult),
    summary: Summary,
    complete: z.boolean(),
    decisions: z.array(DecisionSchema),
    changes: z.array(
      z.object({
        id: z.string(),
        from: Status,
        to: Status,
        periodKey: z.string().nullable(),
        effectiveOn: z.string(),
        note: z.string().nullable(),
        at: z.string(),
      }),
    ),
    canManage: z.boolean(),
  })
  .openapi('VillageRegistry');

export const village = createRoute({
  method: 'get',
  path: '/villages/{id}',
  tags,
  summary: 'One village: status, checklist for the period, decisions and history',
  request: { params: IdParam, query: Query.omit({ communeId: true }) },
  responses: { 200: json(VillageRegistrySchema), ...errorResponses },
});

export const saveCriteria = createRoute({
  method: 'put',
  path: '/villages/{id}/criteria',
  tags,
  summary: 'Enter aggregate counts for the criteria of a period (whole numbers ≥ 0, with their source; no names)',
  request: { params: IdParam, body: jsonBody(enteredValuesInput) },
  responses: { 200: json(VillageRegistrySchema), ...errorResponses },
});

export const transition = createRoute({
  method: 'post',
  path: '/villages/{id}/transitions',
  tags,
  summary: 'Move a village in the workflow; a recognition carries the decision number and date (retry-safe)',
  request: { params: IdParam, body: jsonBody(transitionInput) },
  responses: { 200: json(VillageRegistrySchema), ...errorResponses },
});

export const certificate = createRoute({
  method: 'get',
  path: '/decisions/{id}/certificate',
  tags,
  summary: 'The certificate of a recognition decision as PDF (audited)',
  request: { params: IdParam, query: z.object({ lang: docLang }) },
  responses: {
    200: { description: 'PDF file', content: { 'application/pdf': { schema: z.any() } } },
    ...errorResponses,
  },
});

export const decisionDocument = createRoute({
  method: 'get',
  path: '/decisions/{id}/pdf',
  tags,
  summary: 'A recognition decision as an official document (Nghị định 30/2020) in PDF (audited)',
  request: {
    params: IdParam,
    query: z.object({
      lang: docLang,
      signer: z.string().trim().max(80).optional().openapi({ description: 'The chairperson’s full name' }),
    }),
  },
  responses: {
    200: { description: 'PDF file', content: { 'application/pdf': { schema: z.any() } } },
    ...errorResponses,
  },
});

const CriterionSchema = z
  .object({
    key: z.string(),
    labelVi: z.string(),
    labelEn: z.string(),
    source: z.enum(criterionSources),
    computedKey: z.string().nullable(),
    target: z.number().int().nullable(),
    maxCount: z.number().int().nullable(),
    basis: z.string(),
    toCheck: z.boolean(),
    active: z.boolean(),
  })
  .openapi('RegistryCriterion');

const CriteriaList = z.object({
  provinceId: z.string().nullable(),
  /** True when the province keeps no list of its own and the defaults apply. */
  inherited: z.boolean(),
  items: z.array(CriterionSchema),
});

export const criteria = createRoute({
  method: 'get',
  path: '/criteria',
  tags,
  summary: 'The criteria that apply in a province (its own list, else the defaults)',
  request: { query: z.object({ provinceId: z.string().max(64).optional() }) },
  responses: { 200: json(CriteriaList), ...errorResponses },
});

export const replaceCriteria = createRoute({
  method: 'put',
  path: '/criteria',
  tags,
  summary: 'Replace the criteria list of a province, or the defaults with provinceId null (system only)',
  request: {
    body: jsonBody(z.strictObject({ provinceId: z.string().max(64).nullable(), items: criteriaListInput })),
  },
  responses: { 200: json(CriteriaList), ...errorResponses },
});
