import { createRoute, z } from '@hono/zod-openapi';
import { contentStatuses, questionFields, withQuestionRules } from '@vungxanh/domain';
import { errorResponses, IdParam, importReportSchema, importUploadBody, json, jsonBody } from '../../lib/openapi.ts';
import { docLang } from '../../lib/doc-locale.ts';
import { questionReportRow } from '../../lib/question-dto.ts';
import { QuestionSchema } from '../../lib/question-dto.ts';

const tags = ['contests'];

const GateReportSchema = z
  .object({
    count: z.number().int(),
    longestShare: z.number(),
    longestFlagged: z.boolean(),
    trueShare: z.number(),
    trueFalseFlagged: z.boolean(),
    multipleFlagged: z.boolean(),
    groups: z.number().int(),
    proposals: z.array(z.object({ ids: z.array(z.string()), reasons: z.array(z.string()) })),
    ineligible: z.array(z.object({ id: z.string(), reason: z.string() })),
  })
  .openapi('GateReport');

export const ContestBankSchema = z
  .object({
    questions: z.array(QuestionSchema),
    /** The gates over the contest's own questions. */
    gates: GateReportSchema,
    /** The whole pool the rounds draw from: national contest bank, the commune's and the contest's own. */
    pool: z.object({ size: z.number().int(), longestShare: z.number(), longestFlagged: z.boolean() }),
  })
  .openapi('ContestBank');

export const listQuestions = createRoute({
  method: 'get',
  path: '/{id}/questions',
  tags,
  summary: 'A contest’s own questions and the quality gates of what its rounds draw from',
  request: { params: IdParam },
  responses: { 200: json(ContestBankSchema), ...errorResponses },
});

const ownQuestion = withQuestionRules(
  questionFields.omit({ id: true }).extend({ status: z.enum(contentStatuses).default('published') }),
);

export const createQuestion = createRoute({
  method: 'post',
  path: '/{id}/questions',
  tags,
  summary: 'Add a question of the contest’s own (seen only by this contest until released)',
  request: { params: IdParam, body: jsonBody(ownQuestion) },
  responses: { 201: json(QuestionSchema, 'Created'), ...errorResponses },
});

export const setQuestionStatus = createRoute({
  method: 'post',
  path: '/questions/{id}/status',
  tags,
  summary: 'Retire (outdated) or publish again a contest’s own question',
  request: { params: IdParam, body: jsonBody(z.strictObject({ status: z.enum(contentStatuses) })) },
  responses: { 200: json(QuestionSchema), ...errorResponses },
});

const ImportReport = importReportSchema(questionReportRow, 'ContestQuestionImportReport').extend({
  existing: z.number().int(),
});
export const importQuestions = createRoute({
  method: 'post',
  path: '/{id}/questions/import',
  tags,
  summary: 'Import the contest’s own questions from XLSX (the question export’s columns)',
  request: { params: IdParam, body: importUploadBody },
  responses: { 200: json(ImportReport), ...errorResponses },
});

const ItemSchema = z.object({
  questionId: z.string(),
  ref: z.string().nullable(),
  origin: z.enum(['national', 'commune', 'contest']),
  text: z.string(),
  attempts: z.number().int(),
  answered: z.number().int(),
  right: z.number().int(),
  facility: z.number(),
  discrimination: z.number().nullable(),
  options: z.array(z.object({ id: z.string(), text: z.string(), correct: z.boolean(), chosen: z.number().int() })),
  flags: z.array(z.string()),
  status: z.enum(contentStatuses),
});
export const AnalysisSchema = z
  .object({ roundId: z.string(), attempts: z.number().int(), items: z.array(ItemSchema) })
  .openapi('ItemAnalysis');

export const analysis = createRoute({
  method: 'get',
  path: '/rounds/{id}/analysis',
  tags,
  summary: 'Item analysis of an ended round: facility, discrimination, distractors, flags',
  request: { params: IdParam },
  responses: { 200: json(AnalysisSchema), ...errorResponses },
});

export const analysisSheet = createRoute({
  method: 'get',
  path: '/rounds/{id}/analysis.xlsx',
  tags,
  summary: 'The item analysis as XLSX in the console’s language (audited)',
  request: { params: IdParam, query: z.object({ lang: docLang }) },
  responses: {
    200: {
      description: 'XLSX file',
      content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.any() } },
    },
    ...errorResponses,
  },
});

export const release = createRoute({
  method: 'post',
  path: '/rounds/{id}/release',
  tags,
  summary: 'Release an ended round’s questions to practice (audited)',
  request: { params: IdParam },
  responses: {
    200: json(
      z
        .object({
          released: z.array(z.string()),
          keptBack: z.array(z.object({ id: z.string(), reason: z.enum(['national', 'in_use', 'duplicate']) })),
        })
        .openapi('ReleaseResult'),
    ),
    ...errorResponses,
  },
});
