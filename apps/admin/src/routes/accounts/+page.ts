import type { InferResponseType } from 'hono/client';
import { client, unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import { session } from '$lib/session.svelte';
import { unitsApi } from '$lib/units-api';
import type { PageLoad } from './$types';

export type Account = InferResponseType<typeof client.api.accounts.$get, 200>['items'][number];

/** Accounts with their scope by name: province and commune from the lists, villages and schools one by one. */
export const load = (async ({ parent, url, depends }) => {
  depends('app:accounts');
  await parent();
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  const communeId = session.me?.role === 'system' ? (url.searchParams.get('commune') ?? '') : '';
  const [list, communes, provinces] = await Promise.all([
    orPageError(
      unwrap(
        client.api.accounts.$get({
          query: { page: String(page), pageSize: '25', ...(communeId ? { communeId } : {}) },
        }),
      ),
    ),
    orPageError(unitsApi.communes()),
    orPageError(unitsApi.provinces()),
  ]);
  const names = new Map<string, string>();
  for (const p of provinces.items) names.set(p.id, p.name);
  for (const c of communes.items) names.set(c.id, c.name);
  const units = [
    ...new Set(
      list.items.flatMap((a) => [a.villageId && `villages:${a.villageId}`, a.schoolId && `schools:${a.schoolId}`]),
    ),
  ].filter((key): key is string => !!key);
  await Promise.all(
    units.map(async (key) => {
      const [kind, id] = key.split(':') as ['villages' | 'schools', string];
      const unit = await unitsApi.get(kind, id).catch(() => null);
      if (unit) names.set(id, unit.name);
    }),
  );
  return { list, communes: communes.items, provinces: provinces.items, names, communeId };
}) satisfies PageLoad;
