import type { InferResponseType } from 'hono/client';
import type { Locale } from '@vungxanh/i18n';
import type { client } from './api';

/** The content pack as the API sends it (types from the API's own route). */
export type Pack = InferResponseType<typeof client.api.content.pack.$get, 200>;
export type PackLesson = Pack['lessons'][number];
export type PackQuestion = Pack['questions'][number];
export type PackHotline = Pack['hotlines'][number];
/** The index a first visit reads before it opens anything (types from the API's own route). */
export type PackIndex = InferResponseType<typeof client.api.content.pack.contents.$get, 200>;
export type LessonMeta = PackIndex['lessons'][number];

/** A pack as far as the kiosk can tell it is whole; a cut-off or foreign body is not used. */
export function isPack(value: unknown): value is Pack {
  const p = value as Partial<Pack> | null;
  return (
    !!p &&
    typeof p.version === 'string' &&
    Array.isArray(p.lessons) &&
    // A pack stored by an older kiosk build carried Markdown bodies, not rendered pages: it is fetched again.
    p.lessons.every((l) => Array.isArray(l?.pages)) &&
    Array.isArray(p.questions) &&
    Array.isArray(p.hotlines) &&
    Array.isArray(p.posters)
  );
}

/** An index as far as the kiosk can tell it is whole. */
export function isPackIndex(value: unknown): value is PackIndex {
  const p = value as Partial<PackIndex> | null;
  return (
    !!p &&
    typeof p.version === 'string' &&
    Array.isArray(p.lessons) &&
    Array.isArray(p.questionTopics) &&
    Array.isArray(p.hotlines) &&
    Array.isArray(p.posters)
  );
}

/**
 * One version of each lesson for the reader's language: the lesson in that language where it
 * exists, else the Vietnamese one (shown with lang="vi"), in the pack's order.
 */
export function lessonsIn<L extends Pick<PackLesson, 'slug' | 'locale'>>(lessons: readonly L[], locale: Locale): L[] {
  const bySlug = new Map<string, L>();
  for (const lesson of lessons) {
    const have = bySlug.get(lesson.slug);
    if (!have || (have.locale !== locale && (lesson.locale === locale || lesson.locale === 'vi')))
      bySlug.set(lesson.slug, lesson);
  }
  return [...bySlug.values()];
}

/** A question's text in the reader's language, or the Vietnamese text with its language. */
export function questionText(q: PackQuestion, locale: Locale): { lang: Locale; text: NonNullable<PackQuestion['en']> } {
  return locale === 'en' && q.en ? { lang: 'en', text: q.en } : { lang: 'vi', text: q.vi };
}

/** Same-origin images that lessons show (`<img src>` in their rendered pages): the page's CSP allows no others. */
export function lessonImages(lessons: readonly Pick<PackLesson, 'pages'>[], origin: string): string[] {
  const urls = new Set<string>();
  for (const lesson of lessons)
    for (const page of lesson.pages)
      for (const [, src] of page.matchAll(/<img\s[^>]*?src="([^"]+)"/g)) {
        const url = new URL(src!.replace(/&amp;/g, '&'), origin);
        if (url.origin === origin) urls.add(url.href);
      }
  return [...urls];
}
