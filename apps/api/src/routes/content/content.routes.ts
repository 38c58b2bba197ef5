import { createRoute, z } from '@hono/zod-openapi';
import { docLang } from '../../lib/doc-locale.ts';
import { contentLocales, contentStatuses, lawIds, questionBankKinds, questionTypes, topics } from '@vungxanh/domain';
import {
  errorResponses,
  IdParam,
  importReportSchema,
  importUploadBody,
  json,
  jsonBody,
  PageQuery,
  paged,
} from '../../lib/openapi.ts';
import {
  HotlineSchema,
  LessonSchema,
  PackLessonSchema,
  lessonInput,
  lessonPatch,
  PosterSchema,
  questionInput,
  questionPatch,
  statusPatch,
} from './content.schemas.ts';
import { QuestionSchema, questionReportRow } from '../../lib/question-dto.ts';

const tags = ['content'];
const Filters = PageQuery.extend({
  topic: z.enum(topics).optional(),
  status: z.enum(contentStatuses).optional(),
  law: z.enum(lawIds).optional(),
  locale: z.enum(contentLocales).optional(),
  q: z.string().max(120).optional(),
});

/** The contest bank is listed only to content editors; anyone else gets practice questions. */
const QuestionFilters = Filters.extend({
  type: z.enum(questionTypes).optional(),
  bank: z.enum(questionBankKinds).optional(),
});

export const pack = createRoute({
  method: 'get',
  path: '/pack',
  tags,
  summary: 'A commune’s content pack for kiosks (public; ETag, 304 when unchanged)',
  request: { query: z.object({ communeId: z.string().max(64).optional() }) },
  responses: {
    200: json(
      z.object({
        version: z.string(),
        lessons: z.array(PackLessonSchema),
        questions: z.array(QuestionSchema),
        hotlines: z.array(HotlineSchema),
        posters: z.array(PosterSchema),
      }),
    ),
    304: { description: 'Not modified' },
    ...errorResponses,
  },
});

const PackQuery = z.object({ communeId: z.string().max(64).optional() });
const LessonMetaSchema = PackLessonSchema.omit({ pages: true });

export const packIndex = createRoute({
  method: 'get',
  path: '/pack/contents',
  tags,
  summary: 'What a first visit needs before it opens a lesson or a quiz: lessons without bodies, topics, hotlines',
  request: { query: PackQuery },
  responses: {
    200: json(
      z.object({
        version: z.string(),
        lessons: z.array(LessonMetaSchema),
        questionTopics: z.array(z.object({ topic: z.enum(topics), count: z.number().int() })),
        hotlines: z.array(HotlineSchema),
        posters: z.array(PosterSchema),
      }),
    ),
    304: { description: 'Not modified' },
    ...errorResponses,
  },
});

export const packLesson = createRoute({
  method: 'get',
  path: '/pack/lessons/{slug}',
  tags,
  summary: 'One lesson of the pack, in every language it has (public)',
  request: { params: z.object({ slug: z.string().max(120) }), query: PackQuery },
  responses: {
    200: json(z.object({ lessons: z.array(PackLessonSchema) })),
    304: { description: 'Not modified' },
    ...errorResponses,
  },
});

export const packQuestions = createRoute({
  method: 'get',
  path: '/pack/questions',
  tags,
  summary: 'The practice questions of one topic, or all of them (public)',
  request: { query: PackQuery.extend({ topic: z.enum(topics).optional() }) },
  responses: {
    200: json(z.object({ questions: z.array(QuestionSchema) })),
    304: { description: 'Not modified' },
    ...errorResponses,
  },
});

export const listLessons = createRoute({
  method: 'get',
  path: '/lessons',
  tags,
  request: { query: Filters },
  responses: { 200: json(paged(LessonSchema)), ...errorResponses },
});
export const getLesson = createRoute({
  method: 'get',
  path: '/lessons/{id}',
  tags,
  request: { params: IdParam },
  responses: { 200: json(LessonSchema), ...errorResponses },
});
export const createLesson = createRoute({
  method: 'post',
  path: '/lessons',
  tags,
  request: { body: jsonBody(lessonInput) },
  responses: { 201: json(LessonSchema, 'Created'), ...errorResponses },
});
export const updateLesson = createRoute({
  method: 'patch',
  path: '/lessons/{id}',
  tags,
  request: { params: IdParam, body: jsonBody(lessonPatch) },
  responses: { 200: json(LessonSchema), ...errorResponses },
});

export const listQuestions = createRoute({
  method: 'get',
  path: '/questions',
  tags,
  request: { query: QuestionFilters },
  responses: { 200: json(paged(QuestionSchema)), ...errorResponses },
});
export const getQuestion = createRoute({
  method: 'get',
  path: '/questions/{id}',
  tags,
  request: { params: IdParam },
  responses: { 200: json(QuestionSchema), ...errorResponses },
});
export const createQuestion = createRoute({
  method: 'post',
  path: '/questions',
  tags,
  request: { body: jsonBody(questionInput) },
  responses: { 201: json(QuestionSchema, 'Created'), ...errorResponses },
});
export const updateQuestion = createRoute({
  method: 'put',
  path: '/questions/{id}',
  tags,
  summary: 'Replace a question (its rules are checked again)',
  request: { params: IdParam, body: jsonBody(questionPatch) },
  responses: { 200: json(QuestionSchema), ...errorResponses },
});
export const setQuestionStatus = createRoute({
  method: 'patch',
  path: '/questions/{id}',
  tags,
  summary: 'Publish, unpublish or mark a question outdated',
  request: { params: IdParam, body: jsonBody(statusPatch) },
  responses: { 200: json(QuestionSchema), ...errorResponses },
});

export const outdate = createRoute({
  method: 'post',
  path: '/outdate',
  tags,
  summary: 'Mark every lesson and question citing a law as outdated',
  request: { body: jsonBody(z.strictObject({ law: z.enum(lawIds) })) },
  responses: { 200: json(z.object({ lessons: z.number().int(), questions: z.number().int() })), ...errorResponses },
});

export const ImportReport = importReportSchema(questionReportRow, 'QuestionImportReport').extend({
  existing: z.number().int(),
});

export const importQuestions = createRoute({
  method: 'post',
  path: '/questions/import',
  tags,
  summary: 'Import questions from XLSX (the export’s columns): check, all or nothing, or valid rows only',
  request: { body: importUploadBody },
  responses: { 200: json(ImportReport), ...errorResponses },
});

export const questionTemplate = createRoute({
  method: 'get',
  path: '/questions/import/template',
  tags,
  summary: 'An XLSX template for the question import (a title row, the export’s columns, an example question)',
  request: { query: z.object({ lang: docLang }) },
  responses: {
    200: {
      content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.any() } },
      description: 'The template',
    },
    ...errorResponses,
  },
});

export const exportQuestions = createRoute({
  method: 'get',
  path: '/questions/export',
  tags,
  summary: 'The question bank in scope as XLSX (audited)',
  request: { query: QuestionFilters.omit({ page: true, pageSize: true }) },
  responses: {
    200: {
      description: 'XLSX file',
      content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.any() } },
    },
    ...errorResponses,
  },
});

const HotlineInput = z.strictObject({
  communeId: z.string().max(64).nullable().default(null),
  labelVi: z.string().trim().min(2).max(160),
  labelEn: z.string().trim().min(2).max(160),
  number: z
    .string()
    .trim()
    .regex(/^[0-9][0-9 .]{1,18}[0-9]$/),
  noteVi: z.string().trim().max(300).nullable().default(null),
  noteEn: z.string().trim().max(300).nullable().default(null),
  sortOrder: z.number().int().min(0).max(1000).default(0),
  active: z.boolean().default(true),
});
const PosterInput = z.strictObject({
  communeId: z.string().max(64).nullable().default(null),
  textVi: z.string().trim().min(3).max(200),
  textEn: z.string().trim().min(3).max(200),
  sortOrder: z.number().int().min(0).max(1000).default(0),
  active: z.boolean().default(true),
});
const HotlinePatch = z
  .strictObject({
    labelVi: z.string().trim().min(2).max(160),
    labelEn: z.string().trim().min(2).max(160),
    number: z
      .string()
      .trim()
      .regex(/^[0-9][0-9 .]{1,18}[0-9]$/),
    noteVi: z.string().trim().max(300).nullable(),
    noteEn: z.string().trim().max(300).nullable(),
    sortOrder: z.number().int().min(0).max(1000),
    active: z.boolean(),
  })
  .partial();
const PosterPatch = z
  .strictObject({
    textVi: z.string().trim().min(3).max(200),
    textEn: z.string().trim().min(3).max(200),
    sortOrder: z.number().int().min(0).max(1000),
    active: z.boolean(),
  })
  .partial();

export const listHotlines = createRoute({
  method: 'get',
  path: '/hotlines',
  tags,
  responses: { 200: json(z.object({ items: z.array(HotlineSchema) })), ...errorResponses },
});
export const createHotline = createRoute({
  method: 'post',
  path: '/hotlines',
  tags,
  request: { body: jsonBody(HotlineInput) },
  responses: { 201: json(HotlineSchema, 'Created'), ...errorResponses },
});
export const updateHotline = createRoute({
  method: 'patch',
  path: '/hotlines/{id}',
  tags,
  request: { params: IdParam, body: jsonBody(HotlinePatch) },
  responses: { 200: json(HotlineSchema), ...errorResponses },
});
export const listPosters = createRoute({
  method: 'get',
  path: '/posters',
  tags,
  responses: { 200: json(z.object({ items: z.array(PosterSchema) })), ...errorResponses },
});
export const createPoster = createRoute({
  method: 'post',
  path: '/posters',
  tags,
  request: { body: jsonBody(PosterInput) },
  responses: { 201: json(PosterSchema, 'Created'), ...errorResponses },
});
export const updatePoster = createRoute({
  method: 'patch',
  path: '/posters/{id}',
  tags,
  request: { params: IdParam, body: jsonBody(PosterPatch) },
  responses: { 200: json(PosterSchema), ...errorResponses },
});
