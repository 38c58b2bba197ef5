import { activitiesApi } from '../outreach-api';
import { outreachUnits, pickable } from '../load-units';
import { unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import type { PageLoad } from './$types';

export const load = (async ({ parent, params, depends }) => {
  depends('app:activity');
  await parent();
  const activity = await orPageError(unwrap(activitiesApi[':id'].$get({ param: { id: params.id } })));
  const units = await outreachUnits(activity.communeId);
  const mine = pickable(units.villages, units.schools);
  // Units the activity already names stay listed even when inactive, so editing does not drop them.
  const keep = <T extends { id: string; name: string }>(list: T[], current: { id: string; name: string }[]) => [
    ...list,
    ...current.filter((c) => !list.some((u) => u.id === c.id)),
  ];
  return {
    activity,
    villages: keep(mine.villages, activity.villages),
    schools: keep(mine.schools, activity.schools),
  };
}) satisfies PageLoad;
