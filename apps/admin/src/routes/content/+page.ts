import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import type { PageLoad } from './$types';

/** The content area opens on its lessons. */
export const load = (({ url }) => {
  redirect(307, `${resolve('/content/lessons')}${url.search}`);
}) satisfies PageLoad;
