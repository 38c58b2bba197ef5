import { orPageError } from '$lib/load';
import { scopeName } from '$lib/scope';
import { session } from '$lib/session.svelte';
import { unitsApi } from '$lib/units-api';
import type { PageLoad } from './$types';

export const load = (async ({ parent }) => {
  await parent(); // the root layout's guard has loaded the session
  const me = session.me!;
  const [summary, scope] = await Promise.all([orPageError(unitsApi.summary()), orPageError(scopeName(me))]);
  return { communes: summary.items, scope };
}) satisfies PageLoad;
