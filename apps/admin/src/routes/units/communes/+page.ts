import { readListParams } from '../list-url';
import { orPageError } from '$lib/load';
import { unitsApi } from '$lib/units-api';
import type { PageLoad } from './$types';

/** Communes come as one list (no paging in the API); provinces name them and feed the add form. */
export const load = (async ({ parent, url, depends }) => {
  depends('app:communes');
  await parent();
  const { items: provinces } = await orPageError(unitsApi.provinces());
  return { provinces, params: readListParams(url) };
}) satisfies PageLoad;
