import { unwrap } from '$lib/api';
import { contentApi } from '$lib/content-api';
import { orPageError } from '$lib/load';
import type { PageLoad } from './$types';

export const load = (async ({ parent, depends }) => {
  depends('app:content-release');
  await parent();
  return { plan: await orPageError(unwrap(contentApi.release.$get())) };
}) satisfies PageLoad;
