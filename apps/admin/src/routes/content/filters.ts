import { contentLocales, contentStatuses, lawIds, questionTypes, topics } from '@vungxanh/domain';
import { searchWith } from '$lib/url-search';

/** The filters of the lesson and question lists; they live in the URL so back, reload and links keep them. */
export interface ContentFilters {
  topic: (typeof topics)[number] | undefined;
  status: (typeof contentStatuses)[number] | undefined;
  law: (typeof lawIds)[number] | undefined;
  /** Lessons: their language; questions: 'en' keeps those with an English version. */
  locale: (typeof contentLocales)[number] | undefined;
  type: (typeof questionTypes)[number] | undefined;
  q: string;
  page: number;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((v) => v === value);

export function readFilters(url: URL): ContentFilters {
  const get = (key: string) => url.searchParams.get(key);
  const page = Number(get('page'));
  return {
    topic: oneOf(topics, get('topic')),
    status: oneOf(contentStatuses, get('status')),
    law: oneOf(lawIds, get('law')),
    locale: oneOf(contentLocales, get('locale')),
    type: oneOf(questionTypes, get('type')),
    q: get('q')?.trim() ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export type FilterChanges = { [K in keyof ContentFilters]?: ContentFilters[K] | '' };

/** The query of the same page with some filters changed; any change but the page goes back to page 1. */
export function filterSearch(url: URL, changes: FilterChanges): string {
  const values: Record<string, string | null> = Object.fromEntries(
    Object.entries(changes).map(([key, value]) => [key, value === undefined || value === '' ? null : String(value)]),
  );
  if (changes.page === undefined || changes.page === 1) values.page = null;
  return searchWith(url, values);
}

/** The API's query for these filters (the export takes the same without the page). */
export function filterQuery(f: ContentFilters, withType: boolean) {
  return {
    ...(f.topic ? { topic: f.topic } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.law ? { law: f.law } : {}),
    ...(f.locale ? { locale: f.locale } : {}),
    ...(withType && f.type ? { type: f.type } : {}),
    ...(f.q ? { q: f.q } : {}),
  };
}

export const PAGE_SIZE = 25;

export const pageQuery = (f: ContentFilters) => ({ page: String(f.page), pageSize: String(PAGE_SIZE) });
