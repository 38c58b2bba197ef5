import { contestsApi } from '../../../contests-api';
import { unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import type { PageLoad } from './$types';

/** One commune's part of a province contest, read-only: its standing, its units and its participants. */
export const load = (async ({ parent, params }) => {
  await parent();
  const part = await orPageError(
    unwrap(
      contestsApi[':id'].communes[':communeId'].$get({
        param: { id: params.id, communeId: params.communeId },
        query: { pageSize: '200' },
      }),
    ),
  );
  return { part };
}) satisfies PageLoad;
