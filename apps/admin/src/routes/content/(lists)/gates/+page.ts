import { unwrap } from '$lib/api';
import { contentApi } from '$lib/content-api';
import { orPageError } from '$lib/load';
import type { PageLoad } from './$types';

export const load = (async ({ parent }) => {
  await parent();
  return { gates: await orPageError(unwrap(contentApi.gates.$get())) };
}) satisfies PageLoad;
