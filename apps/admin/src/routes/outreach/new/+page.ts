import { canLog, outreachUnits, pickable } from '../load-units';
import type { PageLoad } from './$types';

export const load = (async ({ parent, url }) => {
  await parent();
  const units = await outreachUnits(url.searchParams.get('commune'));
  return { commune: units.commune, ...pickable(units.villages, units.schools), canLog: canLog() };
}) satisfies PageLoad;
