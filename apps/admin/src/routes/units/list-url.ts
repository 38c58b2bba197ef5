import { searchWith } from '$lib/url-search';

/** A list's search, page and "show inactive" live in the URL, so back, reload and shared links keep them. */
export interface ListParams {
  q: string;
  page: number;
  inactive: boolean;
}

export function readListParams(url: URL): ListParams {
  const page = Number(url.searchParams.get('page'));
  return {
    q: url.searchParams.get('q')?.trim() ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    inactive: url.searchParams.get('inactive') === '1',
  };
}

/** The query of the same page with some list parameters changed; any change but the page goes back to page 1. */
export function listSearch(url: URL, changes: Partial<ListParams>): string {
  const next = { ...readListParams(url), ...(changes.page === undefined ? { page: 1 } : {}), ...changes };
  return searchWith(url, {
    q: next.q || null,
    page: next.page > 1 ? String(next.page) : null,
    inactive: next.inactive ? '1' : null,
  });
}

/** The API's list query for these parameters. */
export function apiQuery(params: ListParams, pageSize = 25) {
  return {
    ...(params.q ? { q: params.q } : {}),
    includeInactive: params.inactive,
    page: params.page,
    pageSize,
  };
}
