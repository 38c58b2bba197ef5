import { unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import { session } from '$lib/session.svelte';
import { unitsApi } from '$lib/units-api';
import { tipsApi } from './tips-api';
import type { LayoutLoad } from './$types';

/** For the commune police: the commune's key box (who holds access, the caller's own wrap) and the commune's name. */
export const load = (async ({ parent, depends }) => {
  depends('app:tip-box');
  await parent();
  const me = session.me!;
  if (me.role !== 'commune_police' || !me.communeId) return { police: false as const, box: null, communeName: '' };
  const [box, commune] = await Promise.all([
    orPageError(unwrap(tipsApi.box.$get())),
    unitsApi.commune(me.communeId).catch(() => null),
  ]);
  return { police: true as const, box, communeName: commune?.name ?? '' };
}) satisfies LayoutLoad;
