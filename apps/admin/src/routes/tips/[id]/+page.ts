import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import { tipsApi } from '../tips-api';
import type { PageLoad } from './$types';

/** One tip, still sealed: it is opened in the page with the unlocked key. Only the police read tips. */
export const load = (async ({ params, parent, depends }) => {
  depends('app:tip');
  if (!(await parent()).police) redirect(307, resolve('/tips/figures'));
  return { tip: await orPageError(unwrap(tipsApi[':id'].$get({ param: { id: params.id } }))) };
}) satisfies PageLoad;
