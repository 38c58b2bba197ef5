import { registryApi } from './registry-api';
import { unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import { session } from '$lib/session.svelte';
import { unitsApi } from '$lib/units-api';
import type { PageLoad } from './$types';

/** The registry of one commune (?commune=…, else the user's own, else the first) for one period (?period=…). */
export const load = (async ({ parent, url, depends }) => {
  depends('app:registry');
  await parent();
  const { items: communes } = await orPageError(unitsApi.communes());
  const asked = url.searchParams.get('commune');
  const commune =
    communes.find((c) => c.id === asked) ?? communes.find((c) => c.id === session.me?.communeId) ?? communes[0] ?? null;
  if (!commune) return { communes, registry: null };
  const period = url.searchParams.get('period');
  const registry = await orPageError(
    unwrap(registryApi.$get({ query: { communeId: commune.id, ...(period ? { periodKey: period } : {}) } })),
  );
  return { communes, registry };
}) satisfies PageLoad;
