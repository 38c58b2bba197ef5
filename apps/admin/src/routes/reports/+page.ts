import { periodOf, previousPeriod, reportPeriodKey } from '@vungxanh/domain';
import { unwrap, client } from '$lib/api';
import { orPageError } from '$lib/load';
import { session } from '$lib/session.svelte';
import { unitsApi } from '$lib/units-api';
import type { PageLoad } from './$types';

/** The recent periods of each kind a report can cover, newest first. */
function choices(now: number) {
  const back = (first: string, n: number) => {
    const keys = [first];
    while (keys.length < n) keys.push(previousPeriod(keys[keys.length - 1]!));
    return keys;
  };
  return {
    quarter: back(periodOf('quarter', now), 8),
    half: back(periodOf('half', now), 4),
    year: back(periodOf('year', now), 3),
  };
}

/** The report of one commune (?commune=…) for one period (?period=…, else the current quarter). */
export const load = (async ({ parent, url }) => {
  await parent();
  const { items: communes } = await orPageError(unitsApi.communes());
  const asked = url.searchParams.get('commune');
  const commune =
    communes.find((c) => c.id === asked) ?? communes.find((c) => c.id === session.me?.communeId) ?? communes[0] ?? null;
  const periods = choices(Date.now());
  const wanted = url.searchParams.get('period') ?? '';
  const periodKey = reportPeriodKey.safeParse(wanted).success ? wanted : periods.quarter[0]!;
  if (!commune) return { communes, commune, periods, periodKey, report: null };
  const report = await orPageError(unwrap(client.api.reports.$get({ query: { communeId: commune.id, periodKey } })));
  return { communes, commune, periods, periodKey, report };
}) satisfies PageLoad;
