import { activitiesApi } from './outreach-api';
import { canLog, outreachUnits } from './load-units';
import { unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import type { PageLoad } from './$types';

/** The outreach log of one commune with the filters in the address (period, type, village, school, page). */
export const load = (async ({ parent, url, depends }) => {
  depends('app:outreach');
  await parent();
  const units = await outreachUnits(url.searchParams.get('commune'));
  const filters = {
    period: url.searchParams.get('period') ?? '',
    type: url.searchParams.get('type') ?? '',
    village: url.searchParams.get('village') ?? '',
    school: url.searchParams.get('school') ?? '',
    page: Math.max(1, Number(url.searchParams.get('page')) || 1),
  };
  if (!units.commune) return { ...units, filters, list: null, canLog: false };
  const query = {
    communeId: units.commune.id,
    page: String(filters.page),
    pageSize: '25',
    ...(filters.period ? { period: filters.period } : {}),
    ...(filters.type ? { type: filters.type as 'meeting' } : {}),
    ...(filters.village ? { villageId: filters.village } : {}),
    ...(filters.school ? { schoolId: filters.school } : {}),
  };
  const list = await orPageError(unwrap(activitiesApi.$get({ query })));
  return { ...units, filters, list, canLog: canLog() };
}) satisfies PageLoad;
