import { lessonSchema } from '@vungxanh/domain';
import { citationDraft, citationFields, toCitation, todayInVietnam, type CitationDraft } from './citations';
import type { ContentStatus, Lesson } from '$lib/content-api';

/** The editor's working copy of a lesson; sources are edited one per line. */
export interface LessonDraft {
  slug: string;
  locale: Lesson['locale'];
  title: string;
  summary: string;
  body: string;
  topic: Lesson['topic'];
  audience: Lesson['audience'];
  lawVersion: string;
  reviewedOn: string;
  status: ContentStatus;
  legalBasis: CitationDraft[];
  sources: string;
}

export function lessonDraftOf(l: Lesson | null): LessonDraft {
  return {
    slug: l?.slug ?? '',
    locale: l?.locale ?? 'vi',
    title: l?.title ?? '',
    summary: l?.summary ?? '',
    body: l?.body ?? '',
    topic: l?.topic ?? 'harms',
    audience: l?.audience ?? 'all',
    lawVersion: l?.lawVersion ?? 'luat-120-2025',
    reviewedOn: l?.reviewedOn ?? todayInVietnam(),
    status: l?.status ?? 'draft',
    legalBasis: l ? l.legalBasis.map(citationDraft) : [],
    sources: l?.sources.join('\n') ?? '',
  };
}

/** What the lesson's PATCH replaces: every field but its slug and language. */
export function lessonFields(d: LessonDraft) {
  return {
    title: d.title,
    summary: d.summary,
    body: d.body,
    topic: d.topic,
    audience: d.audience,
    lawVersion: d.lawVersion,
    reviewedOn: d.reviewedOn,
    legalBasis: d.legalBasis.map(toCitation),
    sources: d.sources
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/** The domain's lesson schema, as the API checks it: whole for a new lesson, without slug and language for an edit. */
export const newLessonSchema = lessonSchema;
export const lessonEditSchema = lessonSchema.omit({ slug: true, locale: true });

export const lessonFieldPaths = [
  'slug',
  'locale',
  'title',
  'summary',
  'body',
  'topic',
  'audience',
  'lawVersion',
  'reviewedOn',
  'legalBasis',
  ...citationFields(10),
  ...Array.from({ length: 20 }, (_, i) => `sources.${i}`),
];
