import { vietnamToday } from '@vungxanh/domain';
import { unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import { session } from '$lib/session.svelte';
import { allUnits, unitsApi } from '$lib/units-api';
import { tipsApi } from '../tips-api';
import type { PageLoad } from './$types';

/**
 * Tip counts by month and status for one year (?year=…) and one commune (?commune=…, else the user's own, else the
 * first it may read); the village posters for the commune's admins and police.
 */
export const load = (async ({ parent, url }) => {
  await parent();
  const me = session.me!;
  const today = vietnamToday();
  const thisYear = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  const askedYear = Number(url.searchParams.get('year'));
  const year = Number.isInteger(askedYear) && askedYear >= 2020 && askedYear <= thisYear ? askedYear : thisYear;
  const { items: communes } = await orPageError(unitsApi.communes());
  const asked = url.searchParams.get('commune');
  const commune =
    communes.find((c) => c.id === asked) ?? communes.find((c) => c.id === me.communeId) ?? communes[0] ?? null;
  const posters = me.role === 'commune_police' || me.role === 'commune_admin';
  if (!commune) return { communes, commune, year, thisYear, thisMonth, figures: null, villages: [], posters };
  const [figures, villages] = await Promise.all([
    orPageError(unwrap(tipsApi.figures.$get({ query: { year: String(year), communeId: commune.id } }))),
    posters ? allUnits('villages', commune.id).catch(() => []) : [],
  ]);
  return { communes, commune, year, thisYear, thisMonth, figures, villages, posters };
}) satisfies PageLoad;
