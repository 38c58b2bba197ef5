import { client, unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import type { PageLoad } from './$types';

export const load = (async ({ parent }) => {
  await parent();
  return { settings: await orPageError(unwrap(client.api.settings.$get())) };
}) satisfies PageLoad;
