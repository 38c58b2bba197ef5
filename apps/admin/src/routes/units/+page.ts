import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import type { PageLoad } from './$types';

/** The units area opens on its first list, keeping the chosen commune. */
export const load = (({ url }) => {
  redirect(307, `${resolve('/units/villages')}${url.search}`);
}) satisfies PageLoad;
