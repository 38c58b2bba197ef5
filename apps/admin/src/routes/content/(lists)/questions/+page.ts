import { unwrap } from '$lib/api';
import { contentApi } from '$lib/content-api';
import { orPageError } from '$lib/load';
import { filterQuery, pageQuery, readFilters } from '../../filters';
import type { PageLoad } from './$types';

export const load = (async ({ url, depends }) => {
  depends('app:content');
  const filters = readFilters(url);
  const list = await orPageError(
    unwrap(contentApi.questions.$get({ query: { ...filterQuery(filters, true), ...pageQuery(filters) } })),
  );
  return { list, filters };
}) satisfies PageLoad;
