import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import type { PageLoad } from './$types';

/** Only the commune police hold the key; others have the figures. */
export const load = (async ({ parent }) => {
  if (!(await parent()).police) redirect(307, resolve('/tips/figures'));
}) satisfies PageLoad;
