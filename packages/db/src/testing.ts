import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from './client.ts';
import { migrateDb } from './migrate.ts';
import { schema } from './index.ts';
import { unitKeys } from './queries/units.ts';

/** A fresh, migrated database in a temporary file (a real libSQL file, as in production). */
export async function createTestDb(): Promise<{ db: Db; url: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'vungxanh-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const db = await openDb({ url });
  await migrateDb(db);
  return {
    db,
    url,
    cleanup: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 7)}`;

/** Factories: each makes a valid row with unique names; pass overrides for what the test cares about. */
export const factories = {
  async province(db: Db, overrides: Partial<typeof schema.provinces.$inferInsert> = {}) {
    const [row] = await db
      .insert(schema.provinces)
      .values({ name: unique('Tỉnh'), code: unique('P'), ...overrides })
      .returning();
    return row!;
  },
  async commune(db: Db, overrides: Partial<typeof schema.communes.$inferInsert> = {}) {
    const provinceId = overrides.provinceId ?? (await factories.province(db)).id;
    const [row] = await db
      .insert(schema.communes)
      .values({ kind: 'xa', name: unique('Xã'), code: unique('C'), ...overrides, provinceId })
      .returning();
    return row!;
  },
  async village(db: Db, communeId: string, overrides: Partial<typeof schema.villages.$inferInsert> = {}) {
    const name = overrides.name ?? unique('Thôn');
    const [row] = await db
      .insert(schema.villages)
      .values({ kind: 'thon', population: 1000, households: 300, ...overrides, name, communeId, ...unitKeys(name) })
      .returning();
    return row!;
  },
  async school(db: Db, communeId: string, overrides: Partial<typeof schema.schools.$inferInsert> = {}) {
    const name = overrides.name ?? unique('Trường');
    const [row] = await db
      .insert(schema.schools)
      .values({ level: 'primary', students: 500, ...overrides, name, communeId, ...unitKeys(name) })
      .returning();
    return row!;
  },
  async organization(db: Db, communeId: string, overrides: Partial<typeof schema.organizations.$inferInsert> = {}) {
    const name = overrides.name ?? unique('Cơ quan');
    const [row] = await db
      .insert(schema.organizations)
      .values({ kind: 'agency', ...overrides, name, communeId, ...unitKeys(name) })
      .returning();
    return row!;
  },
  async account(db: Db, overrides: Partial<typeof schema.accounts.$inferInsert> & { passwordHash: string }) {
    const [row] = await db
      .insert(schema.accounts)
      .values({ username: unique('user'), displayName: 'Người dùng thử', role: 'system', ...overrides })
      .returning();
    return row!;
  },
};
