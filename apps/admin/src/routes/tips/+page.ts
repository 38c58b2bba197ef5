import { redirect } from '@sveltejs/kit';
import { tipStatuses, type TipStatus } from '@vungxanh/domain';
import { resolve } from '$app/paths';
import { unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import { tipsApi } from './tips-api';
import type { PageLoad } from './$types';

/** The police's inbox (?status=… filters); every other role may read the figures only. */
export const load = (async ({ parent, url, depends }) => {
  depends('app:tips');
  const { police, box } = await parent();
  if (!police) redirect(307, resolve('/tips/figures'));
  const asked = url.searchParams.get('status');
  const status = (tipStatuses as readonly string[]).includes(asked ?? '') ? (asked as TipStatus) : null;
  // Without a key no tip can have arrived; the list holds no content either way.
  const items = box?.publicKey
    ? (await orPageError(unwrap(tipsApi.$get({ query: status ? { status } : {} })))).items
    : [];
  return { status, items };
}) satisfies PageLoad;
