import { contestsApi } from '../../../contests-api';
import { unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import type { PageLoad } from './$types';

export const load = (async ({ parent, params }) => {
  await parent();
  const [contest, analysis] = await Promise.all([
    orPageError(unwrap(contestsApi[':id'].$get({ param: { id: params.id } }))),
    orPageError(unwrap(contestsApi.rounds[':id'].analysis.$get({ param: { id: params.roundId } }))),
  ]);
  return { contest, analysis, round: contest.rounds.find((r) => r.id === params.roundId)! };
}) satisfies PageLoad;
