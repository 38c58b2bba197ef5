import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { loadCoverage } from './coverage/load-dashboard';
import { orPageError } from '$lib/load';
import { scopeName } from '$lib/scope';
import { session } from '$lib/session.svelte';
import type { PageLoad } from './$types';

export const load = (async ({ parent, url, depends }) => {
  depends('app:coverage');
  await parent(); // the root layout's guard has loaded the session
  const me = session.me!;
  // A province organizer's console is the province's contests.
  if (me.role === 'province_organizer') redirect(307, resolve('/contests'));
  const [coverage, scope] = await Promise.all([loadCoverage(url), orPageError(scopeName(me))]);
  return { coverage, scope };
}) satisfies PageLoad;
