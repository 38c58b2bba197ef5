import { canManageUnits } from '@vungxanh/domain';
import { unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import { session } from '$lib/session.svelte';
import { allUnits, unitsApi } from '$lib/units-api';
import { commitmentsApi } from './commitments-api';
import type { PageLoad } from './$types';

const tabs = ['entries', 'coverage', 'campaigns', 'paper', 'privacy'] as const;
export type Tab = (typeof tabs)[number];

/**
 * One commune's commitments for a year (?commune=…&year=…): its campaigns, the entries to review
 * (a village head's own village only, the API decides), and the coverage figures.
 */
export const load = (async ({ parent, url, depends }) => {
  depends('app:commitments');
  await parent();
  const actor = session.actor!;
  const { items: communes } = await orPageError(unitsApi.communes());
  const asked = url.searchParams.get('commune');
  const commune =
    communes.find((c) => c.id === asked) ?? communes.find((c) => c.id === actor.communeId) ?? communes[0] ?? null;
  const year = Number(url.searchParams.get('year')) || new Date().getFullYear();
  const canManage = commune ? canManageUnits(actor, commune.id) : false;
  const canReview = canManage || actor.role === 'village_head';
  const wanted = url.searchParams.get('tab') as Tab | null;
  const allowed: Tab[] = canManage ? [...tabs] : canReview ? ['entries', 'coverage'] : ['coverage'];
  const tab: Tab = wanted && allowed.includes(wanted) ? wanted : allowed[0]!;
  const empty = { communes, commune, year, tab, allowed, canManage, canReview, campaigns: [], villages: [] };
  if (!commune) return { ...empty, coverage: null };
  const [campaigns, coverage, villages] = await Promise.all([
    orPageError(unwrap(commitmentsApi.campaigns.$get({ query: { communeId: commune.id, year: String(year) } }))),
    orPageError(unwrap(commitmentsApi.coverage.$get({ query: { communeId: commune.id, year: String(year) } }))),
    allUnits('villages', commune.id).catch(() => []),
  ]);
  return { ...empty, campaigns: campaigns.items, coverage, villages };
}) satisfies PageLoad;
