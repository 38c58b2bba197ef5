import type { Db } from '../client.ts';
import { eq } from 'drizzle-orm';
import { accounts, communes, organizations, provinces, schools, villages } from '../schema/index.ts';
import { countAccounts, findAccountByUsername } from '../queries/accounts.ts';
import { listProvinces, unitKeys } from '../queries/units.ts';
import { demoOrganizations, demoRandom, demoSchools, giaVienRoadmap, kienThuyVillages } from './demo-units.ts';

export { giaVienRoadmap, kienThuyVillages } from './demo-units.ts';

/** Seeds the demo units when the database has none; returns whether it did. */
export async function seedDemoUnits(db: Db): Promise<boolean> {
  if ((await listProvinces(db)).length > 0) return false;
  const random = demoRandom(2026);
  const provinceId = crypto.randomUUID();
  const giaVienId = crypto.randomUUID();
  const kienThuyId = crypto.randomUUID();
  const targetYear = new Map<number, number>();
  for (const [year, groups] of Object.entries(giaVienRoadmap)) for (const g of groups) targetYear.set(g, Number(year));

  const installed = (n: number) => (n % 5 === 0 ? null : `2025-${String((n % 9) + 1).padStart(2, '0')}-15`);
  const giaVienGroups = Array.from({ length: 73 }, (_, i) => {
    const n = i + 1;
    const households = random(140, 420);
    return {
      communeId: giaVienId,
      kind: 'to_dan_pho' as const,
      name: `Tổ dân phố số ${n}`,
      population: Math.round(households * (3.1 + random(0, 6) / 10)),
      households,
      mailboxInstalledOn: installed(n),
      boardInstalledOn: n % 7 === 0 ? null : installed(n),
      roadmapTargetYear: targetYear.get(n) ?? null,
      demo: true,
      ...unitKeys(`Tổ dân phố số ${n}`),
    };
  });
  const kienThuyThon = kienThuyVillages.map((name, i) => {
    const households = random(220, 610);
    return {
      communeId: kienThuyId,
      kind: 'thon' as const,
      name: `Thôn ${name}`,
      population: Math.round(households * (3.4 + random(0, 6) / 10)),
      households,
      mailboxInstalledOn: i % 4 === 3 ? null : '2025-09-20',
      boardInstalledOn: i % 3 === 2 ? null : '2025-09-20',
      roadmapTargetYear: i < 3 ? 2026 : null,
      demo: true,
      ...unitKeys(`Thôn ${name}`),
    };
  });
  const unitRows = <T extends { name: string }>(communeId: string, rows: readonly T[]) =>
    rows.map((row) => ({ ...row, communeId, demo: true, ...unitKeys(row.name) }));

  await db.batch([
    db.insert(provinces).values({ id: provinceId, name: 'Thành phố Hải Phòng', code: '31' }),
    db.insert(communes).values([
      {
        id: giaVienId,
        provinceId,
        kind: 'phuong',
        name: 'Phường Gia Viên',
        code: 'HP-GIAVIEN',
        targetFrequency: 'monthly',
      },
      {
        id: kienThuyId,
        provinceId,
        kind: 'xa',
        name: 'Xã Kiến Thụy',
        code: 'HP-KIENTHUY',
        targetFrequency: 'quarterly',
      },
    ]),
    db.insert(villages).values([...giaVienGroups, ...kienThuyThon]),
    db
      .insert(schools)
      .values([...unitRows(giaVienId, demoSchools.giaVien), ...unitRows(kienThuyId, demoSchools.kienThuy)]),
    db
      .insert(organizations)
      .values([...unitRows(giaVienId, demoOrganizations.giaVien), ...unitRows(kienThuyId, demoOrganizations.kienThuy)]),
  ]);
  return true;
}

/**
 * Creates the first system administrator `admin` when no account exists yet.
 * Returns true when it was created (so the caller can show a generated password once).
 */
export async function seedAdmin(db: Db, passwordHash: string, options: { generated?: boolean } = {}): Promise<boolean> {
  if ((await countAccounts(db)) > 0 || (await findAccountByUsername(db, 'admin'))) return false;
  await db.insert(accounts).values({
    username: 'admin',
    displayName: 'Quản trị hệ thống',
    passwordHash,
    role: 'system',
    mustChangePassword: options.generated ?? false,
  });
  return true;
}
/** The demo province organizer's username: the city's Youth Union (Thành đoàn Hải Phòng). */
export const demoProvinceOrganizer = 'thanhdoan';

/**
 * The demo province organizer, who hosts contests for the whole demo city. Created with the first
 * administrator only (same first password, to be changed at first sign-in), so no password is made up
 * that the operator was never told.
 */
export async function seedDemoProvinceOrganizer(db: Db, passwordHash: string): Promise<boolean> {
  const [province] = await db.select({ id: provinces.id }).from(provinces).where(eq(provinces.code, '31'));
  if (!province || (await findAccountByUsername(db, demoProvinceOrganizer))) return false;
  await db.insert(accounts).values({
    username: demoProvinceOrganizer,
    displayName: 'Thành đoàn Hải Phòng',
    passwordHash,
    role: 'province_organizer',
    provinceId: province.id,
    mustChangePassword: true,
  });
  return true;
}
export { seedContent, type ShippedContent } from './content.ts';
export { seedDemoCampaigns } from './commitments.ts';
export { seedRegistryCriteria, defaultRegistryCriteria } from './registry-criteria.ts';
