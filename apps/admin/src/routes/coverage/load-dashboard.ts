import { indicatorsApi } from './coverage-api';
import { unwrap } from '$lib/api';
import { orPageError } from '$lib/load';
import { session } from '$lib/session.svelte';
import { unitsApi } from '$lib/units-api';

/**
 * What the coverage screens show for a user: the province side by side for province viewers and system (when no
 * commune is asked), otherwise one commune's dashboard.
 */
export async function loadCoverage(url: URL) {
  const me = session.me!;
  const period = url.searchParams.get('period') || undefined;
  const asked = url.searchParams.get('commune');
  const provinceLevel = me.role === 'system' || me.role === 'province_viewer';
  if (provinceLevel && !asked) {
    const { items: provinces } = await orPageError(unitsApi.provinces());
    const provinceId = url.searchParams.get('province') ?? me.provinceId ?? provinces[0]?.id;
    if (!provinceId) return { kind: 'none' as const };
    const province = await orPageError(
      unwrap(indicatorsApi.province.$get({ query: { provinceId, ...(period ? { period } : {}) } })),
    );
    return { kind: 'province' as const, province, provinces };
  }
  const communeId = asked ?? me.communeId;
  if (!communeId) return { kind: 'none' as const };
  const dashboard = await orPageError(
    unwrap(indicatorsApi.dashboard.$get({ query: { communeId, ...(period ? { period } : {}) } })),
  );
  const canConfigure = me.role === 'system' || (me.role === 'commune_admin' && me.communeId === communeId);
  return { kind: 'commune' as const, dashboard, canConfigure, provinceLevel };
}
