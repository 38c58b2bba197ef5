import { client, unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import type { PageLoad } from './$types';

export const load = (async ({ parent, url }) => {
  await parent();
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  const entity = url.searchParams.get('entity') ?? '';
  const query = { page: String(page), pageSize: '50', ...(entity ? { entity } : {}) };
  const list = await orPageError(unwrap(client.api.audit.$get({ query })));
  return { list, entity };
}) satisfies PageLoad;
