import { contestsApi } from './contests-api';
import { unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import { session } from '$lib/session.svelte';
import { unitsApi } from '$lib/units-api';
import type { PageLoad } from './$types';

/** The contests of one commune (?commune=…, else the user's own, else the first). */
export const load = (async ({ parent, url, depends }) => {
  depends('app:contests');
  await parent();
  const { items: communes } = await orPageError(unitsApi.communes());
  const asked = url.searchParams.get('commune');
  const commune =
    communes.find((c) => c.id === asked) ?? communes.find((c) => c.id === session.me?.communeId) ?? communes[0] ?? null;
  if (!commune) return { communes, commune, contests: [] };
  const { items } = await orPageError(unwrap(contestsApi.$get({ query: { communeId: commune.id } })));
  return { communes, commune, contests: items };
}) satisfies PageLoad;
