import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../testing.ts';
import { schema } from '../index.ts';
import type { Db } from '../client.ts';
import { demoProvinceOrganizer, seedAdmin, seedDemoProvinceOrganizer, seedDemoUnits } from './index.ts';

let db: Db;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterEach(() => cleanup());

describe('demo seed', () => {
  it('seeds the two communes of the plans once, and a second start changes nothing', async () => {
    expect(await seedDemoUnits(db)).toBe(true);
    const before = await db.select().from(schema.villages);
    expect(await seedDemoUnits(db)).toBe(false);
    expect(await db.select().from(schema.villages)).toEqual(before);
    const communes = await db.select().from(schema.communes);
    expect(communes.map((c) => c.name).sort()).toEqual(['Phường Gia Viên', 'Xã Kiến Thụy']);
  });

  it('gives Gia Viên its 73 residential groups with the roadmap of its plan', async () => {
    await seedDemoUnits(db);
    const [giaVien] = await db.select().from(schema.communes).where(eq(schema.communes.code, 'HP-GIAVIEN'));
    const groups = await db.select().from(schema.villages).where(eq(schema.villages.communeId, giaVien!.id));
    expect(groups).toHaveLength(73);
    expect(groups.every((g) => g.kind === 'to_dan_pho' && g.demo && (g.households ?? 0) > 0)).toBe(true);
    const byYear = (year: number) => groups.filter((g) => g.roadmapTargetYear === year).length;
    expect([byYear(2025), byYear(2027), byYear(2030), byYear(2035)]).toEqual([22, 11, 11, 29]);
    expect(groups.find((g) => g.name === 'Tổ dân phố số 2')!.roadmapTargetYear).toBe(2025);
    expect(groups.find((g) => g.name === 'Tổ dân phố số 73')!.roadmapTargetYear).toBe(2035);
  });

  it('names the thôn of Kiến Thụy’s plan', async () => {
    await seedDemoUnits(db);
    const names = (await db.select().from(schema.villages)).map((v) => v.name);
    expect(names).toEqual(expect.arrayContaining(['Thôn Thọ Xuân', 'Thôn Cầu Đen', 'Thôn Hồ Sen']));
  });

  it('creates the demo province organizer of the demo city once, bound to its province', async () => {
    await seedDemoUnits(db);
    expect(await seedDemoProvinceOrganizer(db, 'hash-1')).toBe(true);
    expect(await seedDemoProvinceOrganizer(db, 'hash-2')).toBe(false);
    const [province] = await db.select().from(schema.provinces).where(eq(schema.provinces.code, '31'));
    const found = await db.select().from(schema.accounts).where(eq(schema.accounts.username, demoProvinceOrganizer));
    expect(found).toEqual([
      expect.objectContaining({
        role: 'province_organizer',
        provinceId: province!.id,
        communeId: null,
        passwordHash: 'hash-1',
        mustChangePassword: true,
      }),
    ]);
  });

  it('creates the first admin only when no account exists', async () => {
    expect(await seedAdmin(db, 'hash-1')).toBe(true);
    expect(await seedAdmin(db, 'hash-2')).toBe(false);
    const accounts = await db.select().from(schema.accounts);
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ username: 'admin', role: 'system', passwordHash: 'hash-1' });
  });
});
