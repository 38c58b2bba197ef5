import { contestsApi } from './contests-api';
import { unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import { session } from '$lib/session.svelte';
import { unitsApi } from '$lib/units-api';
import type { PageLoad } from './$types';

/**
 * A province organizer's contests (those the province hosts); otherwise the contests of one commune
 * (?commune=…, else the user's own, else the first) and the province contests it takes part in.
 */
export const load = (async ({ parent, url, depends }) => {
  depends('app:contests');
  await parent();
  const me = session.me!;
  if (me.role === 'province_organizer') {
    const [{ items: provinces }, { items }] = await Promise.all([
      orPageError(unitsApi.provinces()),
      orPageError(unwrap(contestsApi.$get({ query: {} }))),
    ]);
    const province = provinces.find((p) => p.id === me.provinceId) ?? null;
    return { province, communes: [], commune: null, contests: items, followed: [] };
  }
  const { items: communes } = await orPageError(unitsApi.communes());
  const asked = url.searchParams.get('commune');
  const commune =
    communes.find((c) => c.id === asked) ?? communes.find((c) => c.id === session.me?.communeId) ?? communes[0] ?? null;
  if (!commune) return { province: null, communes, commune, contests: [], followed: [] };
  const [{ items }, followed] = await Promise.all([
    orPageError(unwrap(contestsApi.$get({ query: { communeId: commune.id } }))),
    // Following the province's contests is a side view: a role without it just sees none.
    unwrap(contestsApi['of-province'].$get({ query: { communeId: commune.id } })).then(
      (r) => r.items.filter((c) => c.communeId === null),
      () => [],
    ),
  ]);
  return { province: null, communes, commune, contests: items, followed };
}) satisfies PageLoad;
