import { resources } from '@vungxanh/i18n/server';
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { newWorkbook } from '../../lib/lazy-modules.ts';
import {
  AppError,
  canEditContent,
  canReadContestBank,
  importStep,
  packIndexOf,
  questionKey,
  questionSheetColumns,
  questionToRow,
  type Audience,
  type QuestionLike,
  type Topic,
} from '@vungxanh/domain';
import {
  citedLaws,
  contentPack,
  getCommune,
  getHotline,
  getLesson,
  getPoster,
  getQuestion,
  importQuestionRows,
  insertHotline,
  insertLesson,
  insertPoster,
  insertQuestion,
  listHotlines as selectHotlines,
  listLessons as selectLessons,
  listPosters as selectPosters,
  listQuestions as selectQuestions,
  outdateByLaw,
  packLessons,
  publicQuestions,
  scopeOf,
  storedQuestionKeys,
  updateHotline as writeHotline,
  updateLesson as writeLesson,
  updatePoster as writePoster,
  updateQuestion as writeQuestion,
  type QuestionRow,
} from '@vungxanh/db';
import type { AppEnv } from '../../lib/context.ts';
import { docLocale } from '../../lib/doc-locale.ts';
import { audit, auditContext, summarize } from '../../lib/audit.ts';
import { toPage, type Handler } from '../../lib/openapi.ts';
import { visibleCommuneIds } from '../../lib/scope.ts';
import { requireAuth } from '../../lib/session.ts';
import { templateXlsx, xlsxDownload } from '../../lib/tabular.ts';
import { unique } from '../../lib/unique.ts';
import { checkQuestionFile, toQuestion } from '../../lib/question-dto.ts';
import { toHotline, toLesson, toPackLesson, toPoster } from './content.schemas.ts';
import type * as routes from './content.routes.ts';

/** An item the caller may read, or 404. */
async function readable<T extends { communeId: string | null }>(c: Context<AppEnv>, item: T | null): Promise<T> {
  const scopes = await visibleCommuneIds(c);
  if (!item || (scopes !== null && item.communeId !== null && !scopes.includes(item.communeId)))
    throw new AppError(404, 'not_found');
  return item;
}

/**
 * A question the caller may read: a contest question (and its key) only by a content editor, and a
 * contest's own question only through its contest; anyone else gets 404, as for a missing one.
 */
async function readableQuestion(c: Context<AppEnv>, q: QuestionRow | null): Promise<QuestionRow> {
  const found = await readable(c, q);
  if (found.contestId !== null) throw new AppError(404, 'not_found');
  if (found.bank === 'contest' && !canReadContestBank(requireAuth(c).actor, found.communeId))
    throw new AppError(404, 'not_found');
  return found;
}

/** Whose contest-bank questions a list shows the caller (see `canReadContestBank`); 403 for one who asks and may not. */
function contestCommunes(c: Context<AppEnv>, asked: 'practice' | 'contest' | undefined): string[] | null {
  const { actor } = requireAuth(c);
  if (actor.role === 'system') return null;
  const own = actor.communeId && canReadContestBank(actor, actor.communeId) ? [actor.communeId] : [];
  if (asked === 'contest' && own.length === 0) throw new AppError(403, 'forbidden');
  return own;
}

/** An item the caller may change: 404 outside what they can read, 403 when they can read but not edit. */
async function editable<T extends { communeId: string | null }>(c: Context<AppEnv>, item: T | null): Promise<T> {
  const found = await readable(c, item);
  if (!canEditContent(requireAuth(c).actor, found.communeId)) throw new AppError(403, 'forbidden');
  return found;
}

/** The commune a new item belongs to: a commune admin's own; the system's choice (null = national). */
async function targetCommune(c: Context<AppEnv>, asked: string | null | undefined): Promise<string | null> {
  const { actor } = requireAuth(c);
  const communeId = actor.role === 'system' ? (asked ?? null) : (asked ?? actor.communeId);
  if (communeId && !(await getCommune(c.get('deps').db, communeId))) throw new AppError(404, 'not_found');
  await editable(c, { communeId });
  return communeId;
}

/** If-None-Match holds a list of tags; compression makes ours weak (W/"…"), which still matches. */
function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
}

const versionOf = (payload: unknown) =>
  createHash('sha256').update(JSON.stringify(payload)).digest('base64url').slice(0, 27);

/** Answers a public pack part with its ETag, or 304 when the client holds that version. */
function withEtag<T extends object>(c: Context<AppEnv>, version: string, body: T) {
  const etag = `"${version}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', 'no-cache');
  if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
  return c.json(body, 200);
}

async function packCommune(c: Context<AppEnv>, communeId: string | undefined): Promise<string | null> {
  if (communeId && !(await getCommune(c.get('deps').db, communeId))) throw new AppError(404, 'not_found');
  return communeId ?? null;
}

async function fullPack(c: Context<AppEnv>, communeId: string | null) {
  const content = await contentPack(c.get('deps').db, communeId);
  const payload = {
    lessons: content.lessons.map(toPackLesson),
    questions: content.questions.map(toQuestion),
    hotlines: content.hotlines.map(toHotline),
    posters: content.posters.map(toPoster),
  };
  return { version: versionOf(payload), payload };
}

export const pack: Handler<typeof routes.pack> = async (c) => {
  const { version, payload } = await fullPack(c, await packCommune(c, c.req.valid('query').communeId));
  return withEtag(c, version, { version, ...payload });
};

// The index carries the whole pack's version, so a kiosk can tell whether its stored copy is current.
export const packIndex: Handler<typeof routes.packIndex> = async (c) => {
  const { version, payload } = await fullPack(c, await packCommune(c, c.req.valid('query').communeId));
  return withEtag(c, `i${version}`, { version, ...packIndexOf(payload) });
};

export const packLesson: Handler<typeof routes.packLesson> = async (c) => {
  const communeId = await packCommune(c, c.req.valid('query').communeId);
  const rows = await packLessons(c.get('deps').db, communeId, c.req.valid('param').slug);
  if (rows.length === 0) throw new AppError(404, 'not_found');
  const body = { lessons: rows.map(toPackLesson) };
  return withEtag(c, versionOf(body), body);
};

export const packQuestions: Handler<typeof routes.packQuestions> = async (c) => {
  const { communeId, topic } = c.req.valid('query');
  const rows = await publicQuestions(c.get('deps').db, await packCommune(c, communeId), topic);
  const body = { questions: rows.map(toQuestion) };
  return withEtag(c, versionOf(body), body);
};

export const listLessons: Handler<typeof routes.listLessons> = async (c) => {
  requireAuth(c);
  const q = c.req.valid('query');
  const result = await selectLessons(c.get('deps').db, { ...q, ...toPage(q), communeIds: await visibleCommuneIds(c) });
  return c.json({ items: result.items.map(toLesson), total: result.total, page: q.page, pageSize: q.pageSize }, 200);
};

export const getLessonById: Handler<typeof routes.getLesson> = async (c) => {
  requireAuth(c);
  return c.json(toLesson(await readable(c, await getLesson(c.get('deps').db, c.req.valid('param').id))), 200);
};

export const createLesson: Handler<typeof routes.createLesson> = async (c) => {
  const input = c.req.valid('json');
  const communeId = await targetCommune(c, input.communeId);
  const row = await unique(
    () =>
      insertLesson(c.get('deps').db, {
        ...input,
        communeId,
        scope: scopeOf(communeId),
        laws: citedLaws(input.lawVersion, input.legalBasis),
      }),
    'duplicate_slug',
  );
  await audit(c, {
    entity: 'lesson',
    entityId: row.id,
    communeId,
    action: 'create',
    summary: summarize({ slug: row.slug, locale: row.locale, status: row.status }),
  });
  return c.json(toLesson(row), 201);
};

export const updateLesson: Handler<typeof routes.updateLesson> = async (c) => {
  requireAuth(c);
  const { db } = c.get('deps');
  const lesson = await editable(c, await getLesson(db, c.req.valid('param').id));
  const patch = c.req.valid('json');
  const lawVersion = patch.lawVersion ?? lesson.lawVersion;
  const legalBasis = patch.legalBasis ?? lesson.legalBasis;
  const row = (await writeLesson(db, lesson.id, { ...patch, laws: citedLaws(lawVersion, legalBasis) }))!;
  await audit(c, {
    entity: 'lesson',
    entityId: row.id,
    communeId: row.communeId,
    action: patch.status && Object.keys(patch).length === 1 ? `status_${patch.status}` : 'update',
    summary: summarize({ ...patch, body: patch.body ? `${patch.body.length} characters` : undefined }),
  });
  return c.json(toLesson(row), 200);
};

export const listQuestions: Handler<typeof routes.listQuestions> = async (c) => {
  requireAuth(c);
  const q = c.req.valid('query');
  const result = await selectQuestions(c.get('deps').db, {
    ...q,
    ...toPage(q),
    contestCommunes: contestCommunes(c, q.bank),
    communeIds: await visibleCommuneIds(c),
  });
  return c.json({ items: result.items.map(toQuestion), total: result.total, page: q.page, pageSize: q.pageSize }, 200);
};

export const getQuestionById: Handler<typeof routes.getQuestion> = async (c) => {
  requireAuth(c);
  return c.json(
    toQuestion(await readableQuestion(c, await getQuestion(c.get('deps').db, c.req.valid('param').id))),
    200,
  );
};

/** A question's columns; the exclusion group only when given, so an edit without it keeps the group. */
const questionRow = (q: Omit<QuestionLike, 'ref'> & { group?: string | undefined }) => ({
  ...(q.group === undefined ? {} : { exclusionGroup: q.group }),
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
});

export const createQuestion: Handler<typeof routes.createQuestion> = async (c) => {
  const input = c.req.valid('json');
  const communeId = await targetCommune(c, input.communeId);
  const row = await unique(
    () =>
      insertQuestion(c.get('deps').db, {
        ...questionRow(input),
        bank: input.bank,
        status: input.status,
        communeId,
        scope: scopeOf(communeId),
      }),
    'duplicate_question',
  );
  await audit(c, {
    entity: 'question',
    entityId: row.id,
    communeId,
    action: 'create',
    summary: summarize({ topic: row.topic, bank: row.bank, status: row.status }),
  });
  return c.json(toQuestion(row), 201);
};

export const updateQuestion: Handler<typeof routes.updateQuestion> = async (c) => {
  requireAuth(c);
  const { db } = c.get('deps');
  const question = await editable(c, await readableQuestion(c, await getQuestion(db, c.req.valid('param').id)));
  const input = c.req.valid('json');
  const row = (await unique(
    () => writeQuestion(db, question.id, { ...questionRow(input), status: input.status }),
    'duplicate_question',
  ))!;
  await audit(c, {
    entity: 'question',
    entityId: row.id,
    communeId: row.communeId,
    action: 'update',
    summary: summarize({ ref: row.ref, status: row.status }),
  });
  return c.json(toQuestion(row), 200);
};

export const setQuestionStatus: Handler<typeof routes.setQuestionStatus> = async (c) => {
  requireAuth(c);
  const { db } = c.get('deps');
  const question = await editable(c, await readableQuestion(c, await getQuestion(db, c.req.valid('param').id)));
  const { status } = c.req.valid('json');
  const row = (await writeQuestion(db, question.id, { status }))!;
  await audit(c, { entity: 'question', entityId: row.id, communeId: row.communeId, action: `status_${status}` });
  return c.json(toQuestion(row), 200);
};

export const outdate: Handler<typeof routes.outdate> = async (c) => {
  const { actor } = requireAuth(c);
  if (actor.role !== 'system' && actor.role !== 'commune_admin') throw new AppError(403, 'forbidden');
  const { law } = c.req.valid('json');
  const scopes = actor.role === 'system' ? null : [actor.communeId!];
  const counts = await outdateByLaw(c.get('deps').db, law, scopes);
  await audit(c, {
    entity: 'content',
    action: 'outdate_by_law',
    communeId: actor.communeId,
    summary: summarize({ law, ...counts }),
  });
  return c.json(counts, 200);
};

export const importQuestions: Handler<typeof routes.importQuestions> = async (c) => {
  const form = c.req.valid('form');
  const communeId = await targetCommune(c, form.communeId ?? null);
  if (!(form.file instanceof File))
    throw new AppError(422, 'validation_failed', {}, [{ path: 'file', message: 'required' }]);
  const { db } = c.get('deps');
  const { valid, report } = await checkQuestionFile(
    form.file,
    form.mode,
    c.get('locale'),
    (keys, refs) => storedQuestionKeys(db, scopeOf(communeId), keys, refs),
    true,
  );
  const step = importStep(form.mode, valid.length, report.invalid);
  if (step === 'report') return c.json({ ...report, imported: false, created: 0, updated: 0 }, 200);
  if (step === 'refuse') throw new AppError(422, 'import_has_errors');
  const rows = valid.map((r) => ({ ...questionRow(r.value!), ref: r.value!.ref }));
  const { created, updated } = await unique(
    () => importQuestionRows(db, rows, communeId, { ...auditContext(c), entity: 'question', action: 'import' }),
    'duplicate_question',
  );
  return c.json({ ...report, imported: true, created, updated }, 200);
};

/** GET /api/content/questions/import/template: the export's columns below a title row, with one example question. */
export const questionTemplate: Handler<typeof routes.questionTemplate> = async (c) => {
  requireAuth(c);
  const example = questionToRow({
    ref: null,
    type: 'true_false',
    topic: 'harms',
    difficulty: 1,
    audience: 'all',
    lawVersion: 'general',
    legalBasis: [],
    source: 'WHO',
    correct: ['t'],
    reviewedOn: '2026-11-23',
    vi: {
      text: 'Ma túy gây hại cho sức khỏe của người sử dụng?',
      options: { t: 'Đúng', f: 'Sai' },
      explanation: 'Ma túy gây hại cho sức khỏe thể chất và tinh thần của người sử dụng.',
    },
  });
  const bytes = await templateXlsx(
    'questions',
    resources[docLocale(c)].imports.questionTemplateTitle,
    questionSheetColumns,
    [questionSheetColumns.map((k) => example[k] ?? '')],
    [questionSheetColumns.indexOf('reviewed_on')],
  );
  return xlsxDownload(c, bytes, 'mau-nhap-cau-hoi.xlsx') as never;
};

export const exportQuestions: Handler<typeof routes.exportQuestions> = async (c) => {
  const { actor } = requireAuth(c);
  const q = c.req.valid('query');
  const { items } = await selectQuestions(c.get('deps').db, {
    ...q,
    limit: 10_000,
    offset: 0,
    contestCommunes: contestCommunes(c, q.bank),
    communeIds: await visibleCommuneIds(c),
  });
  const book = await newWorkbook();
  const sheet = book.addWorksheet('questions');
  sheet.columns = questionSheetColumns.map((key) => ({
    header: key,
    key,
    width: key.endsWith('text') || key.endsWith('explanation') ? 50 : 16,
  }));
  for (const item of items) sheet.addRow(questionToRow(item));
  sheet.getRow(1).font = { bold: true };
  const buffer = await book.xlsx.writeBuffer();
  await audit(c, {
    entity: 'question',
    action: 'export',
    communeId: actor.communeId,
    summary: summarize({ rows: items.length, ...q }),
  });
  c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  c.header('Content-Disposition', `attachment; filename="vungxanh-questions.xlsx"`);
  return c.body(new Uint8Array(buffer as ArrayBuffer), 200) as never;
};

export const listHotlines: Handler<typeof routes.listHotlines> = async (c) => {
  requireAuth(c);
  return c.json({ items: (await selectHotlines(c.get('deps').db, await visibleCommuneIds(c))).map(toHotline) }, 200);
};
export const createHotline: Handler<typeof routes.createHotline> = async (c) => {
  const input = c.req.valid('json');
  const communeId = await targetCommune(c, input.communeId);
  const row = await insertHotline(c.get('deps').db, { ...input, communeId, scope: scopeOf(communeId) });
  await audit(c, { entity: 'hotline', entityId: row.id, communeId, action: 'create', summary: summarize(input) });
  return c.json(toHotline(row), 201);
};
export const updateHotline: Handler<typeof routes.updateHotline> = async (c) => {
  requireAuth(c);
  const { db } = c.get('deps');
  const item = await editable(c, await getHotline(db, c.req.valid('param').id));
  const patch = c.req.valid('json');
  const row = (await writeHotline(db, item.id, patch))!;
  await audit(c, {
    entity: 'hotline',
    entityId: row.id,
    communeId: row.communeId,
    action: 'update',
    summary: summarize(patch),
  });
  return c.json(toHotline(row), 200);
};
export const listPosters: Handler<typeof routes.listPosters> = async (c) => {
  requireAuth(c);
  return c.json({ items: (await selectPosters(c.get('deps').db, await visibleCommuneIds(c))).map(toPoster) }, 200);
};
export const createPoster: Handler<typeof routes.createPoster> = async (c) => {
  const input = c.req.valid('json');
  const communeId = await targetCommune(c, input.communeId);
  const row = await insertPoster(c.get('deps').db, { ...input, communeId, scope: scopeOf(communeId) });
  await audit(c, { entity: 'poster', entityId: row.id, communeId, action: 'create', summary: summarize(input) });
  return c.json(toPoster(row), 201);
};
export const updatePoster: Handler<typeof routes.updatePoster> = async (c) => {
  requireAuth(c);
  const { db } = c.get('deps');
  const item = await editable(c, await getPoster(db, c.req.valid('param').id));
  const patch = c.req.valid('json');
  const row = (await writePoster(db, item.id, patch))!;
  await audit(c, {
    entity: 'poster',
    entityId: row.id,
    communeId: row.communeId,
    action: 'update',
    summary: summarize(patch),
  });
  return c.json(toPoster(row), 200);
};
