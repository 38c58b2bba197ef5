import { apiQuery, readListParams } from '../list-url';
import { orPageError } from '$lib/load';
import { unitsApi } from '$lib/units-api';
import type { PageLoad } from './$types';

export const load = (async ({ parent, url, depends }) => {
  depends('app:units');
  const { commune } = await parent();
  const params = readListParams(url);
  const list = commune
    ? await orPageError(unitsApi.list('schools', { communeId: commune.id, ...apiQuery(params) }))
    : null;
  return { list, params };
}) satisfies PageLoad;
