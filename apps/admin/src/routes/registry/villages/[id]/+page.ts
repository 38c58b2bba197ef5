import { registryApi } from '../../registry-api';
import { unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import type { PageLoad } from './$types';

/** One village of the registry for the period in ?period=… (else the one due next). */
export const load = (async ({ parent, params, url, depends }) => {
  depends('app:registry-village');
  await parent();
  const period = url.searchParams.get('period');
  const view = await orPageError(
    unwrap(registryApi.villages[':id'].$get({ param: { id: params.id }, query: period ? { periodKey: period } : {} })),
  );
  return { view };
}) satisfies PageLoad;
