import { and, eq, inArray } from 'drizzle-orm';
import type { ImportedVillage } from '@vungxanh/domain';
import type { Db } from '../client.ts';
import { villages } from '../schema/index.ts';
import { auditInsert, type AuditEntry } from './audit.ts';
import { unitKeys } from './units.ts';

/** Which imported names already exist in the commune (by name key), with their ids. */
export async function existingVillageKeys(db: Db, communeId: string, keys: readonly string[]) {
  if (keys.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: villages.id, nameKey: villages.nameKey })
    .from(villages)
    .where(and(eq(villages.communeId, communeId), inArray(villages.nameKey, [...keys])));
  return new Map(rows.map((r) => [r.nameKey, r.id]));
}

/**
 * Writes valid import rows in one batch (one transaction): rows whose name exists are updated,
 * the others created, and one audit row records the import. Either all of it lands or none.
 */
export async function importVillages(
  db: Db,
  communeId: string,
  rows: readonly ImportedVillage[],
  audit: AuditEntry,
): Promise<{ created: number; updated: number }> {
  const existing = await existingVillageKeys(
    db,
    communeId,
    rows.map((r) => unitKeys(r.name).nameKey),
  );
  let created = 0;
  let updated = 0;
  const statements = rows.map((row) => {
    const keys = unitKeys(row.name);
    const id = existing.get(keys.nameKey);
    if (id) {
      updated++;
      return db
        .update(villages)
        .set({ ...row, ...keys })
        .where(eq(villages.id, id));
    }
    created++;
    return db.insert(villages).values({ ...row, ...keys, communeId });
  });
  const summary = JSON.stringify({ created, updated });
  await db.batch([auditInsert(db, { ...audit, summary }), ...statements]);
  return { created, updated };
}
