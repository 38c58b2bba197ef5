import { indicatorsApi } from '../../coverage-api';
import { unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import type { PageLoad } from './$types';

export const load = (async ({ parent, params, url }) => {
  await parent();
  const period = url.searchParams.get('period') || undefined;
  const village = await orPageError(
    unwrap(indicatorsApi.villages[':id'].$get({ param: { id: params.id }, query: period ? { period } : {} })),
  );
  return { village };
}) satisfies PageLoad;
