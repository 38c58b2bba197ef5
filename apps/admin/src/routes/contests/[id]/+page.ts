import { contestsApi } from '../contests-api';
import { unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import type { PageLoad } from './$types';

export const load = (async ({ parent, params, depends }) => {
  depends('app:contest');
  await parent();
  const contest = await orPageError(unwrap(contestsApi[':id'].$get({ param: { id: params.id } })));
  return { contest };
}) satisfies PageLoad;
