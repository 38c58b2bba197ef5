import { contestsApi } from '../../contests-api';
import { unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import type { PageLoad } from './$types';

export const load = (async ({ parent, params, depends }) => {
  depends('app:contest-bank');
  await parent();
  const [contest, bank] = await Promise.all([
    orPageError(unwrap(contestsApi[':id'].$get({ param: { id: params.id } }))),
    orPageError(unwrap(contestsApi[':id'].questions.$get({ param: { id: params.id } }))),
  ]);
  return { contest, bank };
}) satisfies PageLoad;
