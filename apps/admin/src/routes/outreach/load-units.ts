import { session } from '$lib/session.svelte';
import { allUnits, unitsApi, type School, type Village } from '$lib/units-api';
import { orPageError } from '$lib/load';

/**
 * The commune the outreach pages work in (?commune=…, else the user's own, else the first readable) and the
 * villages and schools a user may pick: village heads their village, school staff their school.
 */
export async function outreachUnits(asked: string | null) {
  const { items: communes } = await orPageError(unitsApi.communes());
  const me = session.me!;
  const commune =
    communes.find((c) => c.id === asked) ?? communes.find((c) => c.id === me.communeId) ?? communes[0] ?? null;
  if (!commune) return { communes, commune, villages: [] as Village[], schools: [] as School[] };
  const [villages, schools] = await Promise.all([
    allUnits('villages', commune.id).catch(() => []),
    allUnits('schools', commune.id).catch(() => []),
  ]);
  return { communes, commune, villages, schools };
}

/** The units a user may log for, out of the commune's. */
export function pickable(villages: Village[], schools: School[]) {
  const me = session.me!;
  if (me.role === 'village_head') return { villages: villages.filter((v) => v.id === me.villageId), schools: [] };
  if (me.role === 'school_staff') return { villages: [], schools: schools.filter((s) => s.id === me.schoolId) };
  return { villages, schools };
}

export const canLog = () => ['system', 'commune_admin', 'village_head', 'school_staff'].includes(session.me!.role);
