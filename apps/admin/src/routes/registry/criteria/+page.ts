import { canEditCriteria } from '@vungxanh/domain';
import { registryApi } from '../registry-api';
import { unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import { session } from '$lib/session.svelte';
import { unitsApi } from '$lib/units-api';
import type { PageLoad } from './$types';

/** The criteria of a province (?province=…, else the user's own; the system also sees the defaults). */
export const load = (async ({ parent, url, depends }) => {
  depends('app:registry-criteria');
  await parent();
  const canEdit = canEditCriteria(session.actor!);
  const province = url.searchParams.get('province');
  const [list, provinces] = await Promise.all([
    orPageError(unwrap(registryApi.criteria.$get({ query: province ? { provinceId: province } : {} }))),
    canEdit ? unitsApi.provinces().then((r) => r.items) : Promise.resolve([]),
  ]);
  return { list, provinces, canEdit };
}) satisfies PageLoad;
