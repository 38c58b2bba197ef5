import { z } from '@hono/zod-openapi';
import {
  audiences,
  citationSchema,
  contentLocales,
  contentStatuses,
  lessonSchema,
  questionBankKinds,
  questionFields,
  topics,
  withQuestionRules,
} from '@vungxanh/domain';
import type { schema } from '@vungxanh/db';
import { lessonPages } from '@vungxanh/ui/markdown-html';

const scope = {
  communeId: z.string().max(64).nullable().default(null),
  status: z.enum(contentStatuses).default('draft'),
};

export const lessonInput = lessonSchema.extend(scope);
// The slug and locale name the lesson; everything else may change.
export const lessonPatch = lessonSchema
  .omit({ slug: true, locale: true })
  .extend({ status: z.enum(contentStatuses) })
  .partial()
  .strict();

export const questionInput = withQuestionRules(
  questionFields.omit({ id: true }).extend({ ...scope, bank: z.enum(questionBankKinds).default('practice') }),
);
/** A question patch replaces the whole question text and options, so the rules can be checked again. */
export const questionPatch = withQuestionRules(
  questionFields.omit({ id: true }).extend({ status: z.enum(contentStatuses) }),
);
export const statusPatch = z.strictObject({ status: z.enum(contentStatuses) });

export const LessonSchema = z
  .object({
    id: z.string(),
    communeId: z.string().nullable(),
    slug: z.string(),
    locale: z.enum(contentLocales),
    title: z.string(),
    summary: z.string(),
    body: z.string(),
    topic: z.enum(topics),
    audience: z.enum(audiences),
    lawVersion: z.string(),
    legalBasis: z.array(citationSchema),
    sources: z.array(z.string()),
    reviewedOn: z.string(),
    status: z.enum(contentStatuses),
    updatedAt: z.string(),
  })
  .openapi('Lesson');
export const PackLessonSchema = LessonSchema.omit({ body: true })
  .extend({ pages: z.array(z.string()).describe('The body as safe HTML, one string per page (`##` section)') })
  .openapi('PackLesson');
export const HotlineSchema = z
  .object({
    id: z.string(),
    communeId: z.string().nullable(),
    labelVi: z.string(),
    labelEn: z.string(),
    number: z.string(),
    noteVi: z.string().nullable(),
    noteEn: z.string().nullable(),
    sortOrder: z.number().int(),
    active: z.boolean(),
  })
  .openapi('Hotline');
export const PosterSchema = z
  .object({
    id: z.string(),
    communeId: z.string().nullable(),
    textVi: z.string(),
    textEn: z.string(),
    sortOrder: z.number().int(),
    active: z.boolean(),
  })
  .openapi('Poster');

export const toLesson = (r: typeof schema.lessons.$inferSelect) => ({
  id: r.id,
  communeId: r.communeId,
  slug: r.slug,
  locale: r.locale,
  title: r.title,
  summary: r.summary,
  body: r.body,
  topic: r.topic,
  audience: r.audience,
  lawVersion: r.lawVersion,
  legalBasis: r.legalBasis,
  sources: r.sources,
  reviewedOn: r.reviewedOn,
  status: r.status,
  updatedAt: r.updatedAt.toISOString(),
});
// Rendering is memoized by body: every pack request would otherwise render every lesson again. Bodies change only
// when an editor saves, so the map stays about as large as the lessons; it starts over if it ever grows past that.
const rendered = new Map<string, string[]>();
function pagesOf(body: string): string[] {
  let pages = rendered.get(body);
  if (!pages) {
    if (rendered.size >= 2000) rendered.clear();
    pages = lessonPages(body);
    rendered.set(body, pages);
  }
  return pages;
}

/**
 * A lesson as the kiosk's pack carries it: its body already rendered to safe HTML, one string per page, so the
 * kiosk ships no Markdown parser and does no rendering work while a lesson opens.
 */
export const toPackLesson = (r: typeof schema.lessons.$inferSelect) => {
  const { body, ...rest } = toLesson(r);
  return { ...rest, pages: pagesOf(body) };
};
export const toHotline = (r: typeof schema.hotlines.$inferSelect) => ({
  id: r.id,
  communeId: r.communeId,
  labelVi: r.labelVi,
  labelEn: r.labelEn,
  number: r.number,
  noteVi: r.noteVi,
  noteEn: r.noteEn,
  sortOrder: r.sortOrder,
  active: r.active,
});
export const toPoster = (r: typeof schema.posters.$inferSelect) => ({
  id: r.id,
  communeId: r.communeId,
  textVi: r.textVi,
  textEn: r.textEn,
  sortOrder: r.sortOrder,
  active: r.active,
});
