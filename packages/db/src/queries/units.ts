import { and, asc, count, eq, inArray, like, type SQL } from 'drizzle-orm';
import { nameKey, naturalSortKey } from '@vungxanh/domain';
import type { Db } from '../client.ts';
import { communes, organizations, provinces, schools, villages } from '../schema/index.ts';

export interface Page {
  limit: number;
  offset: number;
}

export async function listProvinces(db: Db, ids?: readonly string[]) {
  const where = ids ? inArray(provinces.id, [...ids]) : undefined;
  return db.select().from(provinces).where(where).orderBy(asc(provinces.name));
}

export async function getProvince(db: Db, id: string) {
  return (await db.select().from(provinces).where(eq(provinces.id, id)))[0] ?? null;
}

export async function createProvince(db: Db, input: { name: string; code: string }) {
  const [row] = await db.insert(provinces).values(input).returning();
  return row!;
}

export async function getCommune(db: Db, id: string) {
  return (await db.select().from(communes).where(eq(communes.id, id)))[0] ?? null;
}

export async function listCommunes(db: Db, filter: { provinceId?: string; ids?: readonly string[] }) {
  const conditions: SQL[] = [];
  if (filter.provinceId) conditions.push(eq(communes.provinceId, filter.provinceId));
  if (filter.ids) conditions.push(inArray(communes.id, [...filter.ids]));
  return db
    .select()
    .from(communes)
    .where(and(...conditions))
    .orderBy(asc(communes.name));
}

export async function createCommune(db: Db, input: typeof communes.$inferInsert) {
  const [row] = await db.insert(communes).values(input).returning();
  return row!;
}

export async function updateCommune(db: Db, id: string, patch: Partial<typeof communes.$inferInsert>) {
  if (Object.keys(patch).length === 0) return getCommune(db, id);
  const [row] = await db.update(communes).set(patch).where(eq(communes.id, id)).returning();
  return row ?? null;
}

/** Villages, schools and organizations share the same list, get, create and update shape. */
const unitTables = { villages, schools, organizations } as const;
export type UnitKind = keyof typeof unitTables;
type UnitRow<K extends UnitKind> = (typeof unitTables)[K]['$inferSelect'];
type UnitInsert<K extends UnitKind> = Omit<(typeof unitTables)[K]['$inferInsert'], 'nameKey' | 'sortKey'>;

export interface UnitFilter extends Page {
  communeId: string;
  includeInactive?: boolean;
  q?: string;
}

export async function listUnits<K extends UnitKind>(
  db: Db,
  kind: K,
  filter: UnitFilter,
): Promise<{ items: UnitRow<K>[]; total: number }> {
  const t = unitTables[kind] as typeof villages;
  const conditions: SQL[] = [eq(t.communeId, filter.communeId)];
  if (!filter.includeInactive) conditions.push(eq(t.active, true));
  if (filter.q) conditions.push(like(t.nameKey, `%${nameKey(filter.q).replace(/[%_]/g, '')}%`));
  const where = and(...conditions);
  const [items, [totalRow]] = await Promise.all([
    db.select().from(t).where(where).orderBy(asc(t.sortKey)).limit(filter.limit).offset(filter.offset),
    db.select({ n: count() }).from(t).where(where),
  ]);
  return { items: items as unknown as UnitRow<K>[], total: totalRow?.n ?? 0 };
}

export async function getUnit<K extends UnitKind>(db: Db, kind: K, id: string): Promise<UnitRow<K> | null> {
  const t = unitTables[kind] as typeof villages;
  const [row] = await db.select().from(t).where(eq(t.id, id));
  return (row as unknown as UnitRow<K>) ?? null;
}

export async function createUnit<K extends UnitKind>(db: Db, kind: K, input: UnitInsert<K>): Promise<UnitRow<K>> {
  const t = unitTables[kind] as typeof villages;
  const values = { ...input, ...unitKeys(input.name) } as typeof villages.$inferInsert;
  const [row] = await db.insert(t).values(values).returning();
  return row as unknown as UnitRow<K>;
}

export async function updateUnit<K extends UnitKind>(
  db: Db,
  kind: K,
  id: string,
  patch: Partial<UnitInsert<K>>,
): Promise<UnitRow<K> | null> {
  if (Object.keys(patch).length === 0) return getUnit(db, kind, id);
  const t = unitTables[kind] as typeof villages;
  const values = { ...patch, ...(patch.name ? unitKeys(patch.name) : {}) } as Partial<typeof villages.$inferInsert>;
  const [row] = await db.update(t).set(values).where(eq(t.id, id)).returning();
  return (row as unknown as UnitRow<K>) ?? null;
}

export async function countActiveUnits(db: Db, communeIds: readonly string[]) {
  const counts = await Promise.all(
    (Object.keys(unitTables) as UnitKind[]).map(async (kind) => {
      const t = unitTables[kind] as typeof villages;
      const [row] = await db
        .select({ n: count() })
        .from(t)
        .where(and(inArray(t.communeId, [...communeIds]), eq(t.active, true)));
      return [kind, row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<UnitKind, number>;
}

export function unitKeys(name: string) {
  return { nameKey: nameKey(name), sortKey: naturalSortKey(name) };
}
