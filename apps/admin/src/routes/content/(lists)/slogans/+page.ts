import { unwrap } from '$lib/api';
import { contentApi } from '$lib/content-api';
import { orPageError } from '$lib/load';
import type { PageLoad } from './$types';

export const load = (async ({ depends }) => {
  depends('app:content');
  return { posters: (await orPageError(unwrap(contentApi.posters.$get()))).items };
}) satisfies PageLoad;
