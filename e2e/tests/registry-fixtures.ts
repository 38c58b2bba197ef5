import { vnDate } from '@vungxanh/domain';
import type { adminApi } from './api.ts';
import { demoCommunes } from './api.ts';

type Api = Awaited<ReturnType<typeof adminApi>>;
export const password = 'e2e-password-12345';
const suffix = () => Math.random().toString(36).slice(2, 8);

/** Today's date in Vietnam (YYYY-MM-DD), the day periods and decisions are cut on. */
export const vnToday = () => vnDate(Date.now());

/** A commune of its own in the demo province (so other tests cannot move its figures), two villages and an admin. */
export async function registryCommune(api: Api) {
  const { giaVien } = await demoCommunes(api);
  const { provinceId } = await api.json<{ provinceId: string }>('GET', `/api/units/communes/${giaVien.id}`);
  const tag = suffix();
  const commune = await api.json<{ id: string; name: string }>('POST', '/api/units/communes', {
    provinceId,
    kind: 'phuong',
    name: `Phường Thử ${tag}`,
    code: `E2E-R-${tag}`,
  });
  const villages = [];
  for (const [name, year] of [
    ['Tổ dân phố số 1', 2026],
    ['Tổ dân phố số 2', 2027],
  ] as const) {
    villages.push(
      await api.json<{ id: string; name: string }>('POST', '/api/units/villages', {
        communeId: commune.id,
        kind: 'to_dan_pho',
        name,
        households: 150,
        roadmapTargetYear: year,
      }),
    );
  }
  const admin = `e2e-registry-${tag}`;
  await api.json('POST', '/api/accounts', {
    username: admin,
    displayName: 'Công an phường thử',
    role: 'commune_admin',
    password,
    communeId: commune.id,
  });
  return { commune, villages, admin };
}
