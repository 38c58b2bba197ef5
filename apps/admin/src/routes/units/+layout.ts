import { canManageUnits } from '@vungxanh/domain';
import { orPageError } from '$lib/load';
import { session } from '$lib/session.svelte';
import { unitsApi } from '$lib/units-api';
import type { LayoutLoad } from './$types';

/** The communes the user can see and the one the lists are about (?commune=…, else their own, else the first). */
export const load = (async ({ parent, url, depends }) => {
  depends('app:communes');
  await parent();
  const { items: communes } = await orPageError(unitsApi.communes());
  const asked = url.searchParams.get('commune');
  const commune =
    communes.find((c) => c.id === asked) ?? communes.find((c) => c.id === session.me?.communeId) ?? communes[0] ?? null;
  const actor = session.actor!;
  return { communes, commune, canManage: commune !== null && canManageUnits(actor, commune.id) };
}) satisfies LayoutLoad;
