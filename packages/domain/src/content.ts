import { z } from 'zod';
import { lawById, lawIds } from './laws.ts';
import { nameKey } from './text.ts';

export const topics = [
  'harms',
  'substances',
  'law',
  'crimes',
  'fines',
  'rehab',
  'family_community',
  'skills',
  'reporting',
  'events',
] as const;
export const audiences = ['all', 'students', 'residents'] as const;
export const questionTypes = ['single', 'multiple', 'true_false'] as const;
export const contentStatuses = ['draft', 'published', 'outdated'] as const;
export const contentLocales = ['vi', 'en'] as const;
export type Topic = (typeof topics)[number];
export type Audience = (typeof audiences)[number];

export const citationSchema = z.strictObject({
  law: z.enum(lawIds),
  article: z.string().trim().min(1).max(40).nullable().default(null),
  clause: z.string().trim().min(1).max(40).nullable().default(null),
  note: z.string().trim().max(300).nullable().optional(),
});
export type Citation = z.infer<typeof citationSchema>;

const lawVersion = z.union([z.enum(lawIds), z.literal('general')]);
const reviewedOn = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .or(z.date().transform((d) => d.toISOString().slice(0, 10)));

export const lessonSchema = z.strictObject({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(80),
  locale: z.enum(contentLocales),
  title: z.string().trim().min(3).max(160),
  summary: z.string().trim().min(10).max(200),
  topic: z.enum(topics),
  audience: z.enum(audiences),
  lawVersion,
  reviewedOn,
  legalBasis: z.array(citationSchema).default([]),
  sources: z.array(z.string().trim().min(2).max(200)).default([]),
  body: z.string().trim().min(1),
});
export type Lesson = z.infer<typeof lessonSchema>;

const optionId = z.string().regex(/^[a-e]$|^[tf]$/);
const localized = z.strictObject({
  text: z.string().trim().min(5).max(400),
  options: z.record(optionId, z.string().trim().min(1).max(200)),
  explanation: z.string().trim().min(10).max(1000),
});
export type LocalizedQuestion = z.infer<typeof localized>;

/** The fields of a question, without the cross-field rules (see `questionSchema`). */
export const questionFields = z.strictObject({
  id: z.string().regex(/^[a-z_]+-\d{3}$/),
  type: z.enum(questionTypes),
  topic: z.enum(topics),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  audience: z.enum(audiences),
  lawVersion,
  reviewedOn,
  legalBasis: z.array(citationSchema).default([]),
  source: z.string().trim().min(2).max(200).nullable().optional(),
  correct: z.array(optionId).min(1),
  /** Exclusion group: items that reveal each other's answers or test the same fact; one draw holds one of them. */
  group: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(60)
    .optional(),
  vi: localized,
  en: localized.optional(),
});

/** Adds the cross-field rules of `questionProblems` to a schema with the question's fields. */
export function withQuestionRules<T extends z.ZodType<Parameters<typeof questionProblems>[0]>>(schema: T) {
  return schema.superRefine((q, ctx) => {
    for (const problem of questionProblems(q)) ctx.addIssue({ code: 'custom', message: problem });
  });
}

export const questionSchema = withQuestionRules(questionFields);
export type Question = z.infer<typeof questionSchema>;

/** Options per type and how many of them may be correct. */
const shape = {
  single: { options: [3, 4], correct: [1, 1] },
  multiple: { options: [4, 5], correct: [2, 4] },
  true_false: { options: [2, 2], correct: [1, 1] },
} as const;

/** The rules one question must keep, as messages; empty when it keeps them all. */
export function questionProblems(q: {
  type: (typeof questionTypes)[number];
  correct: string[];
  lawVersion: string;
  legalBasis: Citation[];
  source?: string | null | undefined;
  vi: LocalizedQuestion;
  en?: LocalizedQuestion | undefined;
}): string[] {
  const problems: string[] = [];
  const ids = Object.keys(q.vi.options);
  const rule = shape[q.type];
  if (ids.length < rule.options[0] || ids.length > rule.options[1])
    problems.push(`a ${q.type} question has ${rule.options.join('-')} options`);
  if (q.correct.length < rule.correct[0] || q.correct.length > rule.correct[1] || q.correct.length >= ids.length) {
    problems.push(`a ${q.type} question has ${rule.correct.join('-')} correct options`);
  }
  if (new Set(q.correct).size !== q.correct.length) problems.push('a correct option is listed twice');
  if (q.correct.some((c) => !ids.includes(c))) problems.push('a correct option is not among the options');
  if (q.type === 'true_false' && ids.join() !== 't,f') problems.push('true/false options are t and f');
  for (const [locale, text] of [
    ['vi', q.vi],
    ['en', q.en],
  ] as const) {
    if (!text) continue;
    const keys = Object.values(text.options).map(nameKey);
    if (new Set(keys).size !== keys.length) problems.push(`${locale}: options repeat`);
    if (Object.keys(text.options).join() !== ids.join()) problems.push(`${locale}: option ids differ from vi`);
  }
  problems.push(
    ...citationProblems(q.lawVersion, q.legalBasis, q.source ?? null, [q.vi.text, q.vi.explanation].join(' ')),
  );
  if (q.en)
    problems.push(...earlierLawMention(q.legalBasis, q.lawVersion, [q.en.text, q.en.explanation].join(' '), 'en'));
  return problems;
}

const earlierMarker = {
  vi: /trước đây|đã được thay|thay thế|đã hết hiệu lực|luật cũ|danh mục cũ|trước 01\/7\/2026/i,
  en: /earlier|replaced|former|previous|old list/i,
};

function earlierLawMention(basis: Citation[], lawVersion: string, text: string, locale: 'vi' | 'en'): string[] {
  const cited = new Set([...basis.map((c) => c.law), lawVersion]);
  const earlier = [...cited].filter((id) => lawById(id)?.status === 'earlier');
  if (earlier.length > 0 && !earlierMarker[locale].test(text))
    return [`${locale}: cites an earlier law (${earlier.join(', ')}) without saying it was replaced`];
  return [];
}

/**
 * A legal item names its provisions; a general-knowledge item names its source. An item that
 * follows a law cites it, and an item citing an earlier law says so in its text.
 */
export function citationProblems(
  lawVersion: string,
  basis: Citation[],
  source: string | null,
  viText: string,
): string[] {
  const problems: string[] = [];
  if (lawVersion !== 'general' && basis.length === 0) problems.push('a legal item needs its legal basis');
  if (lawVersion === 'general' && basis.length === 0 && !source)
    problems.push('a general-knowledge item needs a named source');
  if (lawVersion !== 'general' && !basis.some((c) => c.law === lawVersion))
    problems.push(`the law it follows (${lawVersion}) is not among its citations`);
  problems.push(...earlierLawMention(basis, lawVersion, viText, 'vi'));
  return problems;
}

/** A key under which two questions count as the same: text without case, spacing or diacritics. */
export function questionKey(text: string): string {
  return nameKey(text).replace(/[^\p{L}\p{N} ]/gu, '');
}

export interface ContentSet {
  lessons: readonly Lesson[];
  questions: readonly Question[];
}

/** Rules across the whole set: pairs of lessons, duplicates, coverage of topics, translations. */
export function contentSetProblems(
  set: ContentSet,
  needs = { lessons: 16, questions: 240, english: 60, perTopic: 20 },
): string[] {
  const problems: string[] = [];
  const vi = set.lessons.filter((l) => l.locale === 'vi');
  if (vi.length < needs.lessons) problems.push(`only ${vi.length} lessons; at least ${needs.lessons} needed`);
  for (const lesson of vi) {
    const en = set.lessons.find((l) => l.slug === lesson.slug && l.locale === 'en');
    if (!en) problems.push(`lesson ${lesson.slug} has no English translation`);
    else if (en.topic !== lesson.topic || en.lawVersion !== lesson.lawVersion)
      problems.push(`lesson ${lesson.slug}: English front matter differs`);
    const words = lesson.body.split(/\s+/).length;
    if (words < 300 || words > 800) problems.push(`lesson ${lesson.slug} has ${words} words; 300-800 wanted`);
  }
  for (const lesson of set.lessons) {
    const found =
      lesson.locale === 'vi'
        ? citationProblems(lesson.lawVersion, lesson.legalBasis, lesson.sources[0] ?? null, lesson.body)
        : earlierLawMention(lesson.legalBasis, lesson.lawVersion, lesson.body, 'en');
    problems.push(...found.map((p) => `lesson ${lesson.slug}.${lesson.locale}: ${p}`));
  }
  const slugs = set.lessons.map((l) => `${l.slug}.${l.locale}`);
  if (new Set(slugs).size !== slugs.length) problems.push('a lesson slug repeats');
  const seen = new Map<string, string>();
  for (const q of set.questions) {
    const key = questionKey(q.vi.text);
    const first = seen.get(key);
    if (first) problems.push(`question ${q.id} is the same as ${first}`);
    else seen.set(key, q.id);
  }
  const ids = set.questions.map((q) => q.id);
  if (new Set(ids).size !== ids.length) problems.push('a question id repeats');
  if (set.questions.length < needs.questions)
    problems.push(`only ${set.questions.length} questions; at least ${needs.questions} needed`);
  const english = set.questions.filter((q) => q.en).length;
  if (english < needs.english) problems.push(`only ${english} questions in English; at least ${needs.english} needed`);
  for (const topic of topics) {
    const inTopic = set.questions.filter((q) => q.topic === topic);
    if (inTopic.length < needs.perTopic)
      problems.push(`topic ${topic} has ${inTopic.length} questions; a contest draws ${needs.perTopic}`);
    for (const d of [1, 2, 3])
      if (!inTopic.some((q) => q.difficulty === d)) problems.push(`topic ${topic} has no difficulty ${d} question`);
  }
  return problems;
}
