import { canManageUnits } from '@vungxanh/domain';
import { kiosksApi } from './kiosks-api';
import { unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import { session } from '$lib/session.svelte';
import { allUnits, unitsApi } from '$lib/units-api';
import type { PageLoad } from './$types';

/** The kiosks of one commune (?commune=…, else the user's own, else the first) with the places they may stand in. */
export const load = (async ({ parent, url, depends }) => {
  depends('app:kiosks');
  await parent();
  const { items: communes } = await orPageError(unitsApi.communes());
  const asked = url.searchParams.get('commune');
  const commune =
    communes.find((c) => c.id === asked) ?? communes.find((c) => c.id === session.me?.communeId) ?? communes[0] ?? null;
  if (!commune) return { communes, commune, kiosks: [], villages: [], schools: [], canManage: false };
  // Inactive places too: a kiosk may still stand in one, and its row needs the name.
  const [list, villages, schools] = await Promise.all([
    orPageError(unwrap(kiosksApi.$get({ query: { communeId: commune.id } }))),
    allUnits('villages', commune.id, true).catch(() => []),
    allUnits('schools', commune.id, true).catch(() => []),
  ]);
  return {
    communes,
    commune,
    kiosks: list.items,
    villages,
    schools,
    canManage: canManageUnits(session.actor!, commune.id),
  };
}) satisfies PageLoad;
