import { orPageError } from '$lib/load';
import { unitsApi } from '$lib/units-api';
import type { LayoutLoad } from './$types';

/** The communes in scope, by id, to name the scope of commune-specific items. */
export const load = (async ({ parent }) => {
  await parent();
  const { items } = await orPageError(unitsApi.communes());
  return { communes: items, communeNames: new Map(items.map((c) => [c.id, c.name])) };
}) satisfies LayoutLoad;
