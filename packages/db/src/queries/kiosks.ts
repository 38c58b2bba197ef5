import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { eventRollupKey, type EventRollupKey } from '@vungxanh/domain';
import type { Db } from '../client.ts';
import { keptPerDb } from '../prepared.ts';
import { groupWrites } from '../write-queue.ts';
import type { AuditEntry } from './audit.ts';
import { events, kiosks } from '../schema/index.ts';

export type KioskRow = typeof kiosks.$inferSelect;

export async function listKiosks(db: Db, communeId: string) {
  return db.select().from(kiosks).where(eq(kiosks.communeId, communeId)).orderBy(asc(kiosks.name));
}
export async function getKiosk(db: Db, id: string) {
  return (await db.select().from(kiosks).where(eq(kiosks.id, id)))[0] ?? null;
}
export async function insertKiosk(db: Db, row: typeof kiosks.$inferInsert) {
  return (await db.insert(kiosks).values(row).returning())[0]!;
}
export async function updateKiosk(db: Db, id: string, patch: Partial<typeof kiosks.$inferInsert>) {
  if (Object.keys(patch).length === 0) return getKiosk(db, id);
  return (await db.update(kiosks).set(patch).where(eq(kiosks.id, id)).returning())[0] ?? null;
}

/** Takes a pairing code once: the kiosk it opens gets its device token and the code is cleared. */
export async function redeemPairingCode(db: Db, codeHash: string, deviceTokenHash: string, now: Date) {
  const [row] = await db
    .update(kiosks)
    .set({ pairingCodeHash: null, pairingExpiresAt: null, deviceTokenHash, pairedAt: now, lastSeenAt: now })
    .where(and(eq(kiosks.pairingCodeHash, codeHash), gt(kiosks.pairingExpiresAt, now), isNull(kiosks.revokedAt)))
    .returning();
  return row ?? null;
}

// Every request of a paired kiosk looks its device up (see keptPerDb).
const kioskByTokenHash = keptPerDb((db) =>
  db
    .select()
    .from(kiosks)
    .where(eq(kiosks.deviceTokenHash, sql.placeholder('tokenHash')))
    .prepare(),
);

export async function kioskByToken(db: Db, tokenHash: string) {
  return (await kioskByTokenHash(db).all({ tokenHash }))[0] ?? null;
}

export interface EventRow {
  id: string;
  type: string;
  occurredAt: Date;
  kioskId: string | null;
  communeId: string | null;
  villageId: string | null;
  schoolId: string | null;
  selfDeclared: boolean;
  payload: Record<string, unknown>;
}

/**
 * Stores a batch of events in one statement; ids already stored are skipped, so a replay is
 * harmless. Returns how many rows were new. A kiosk's count and last-seen move in the same transaction, and
 * the day rollup with them (its month tally and the commune's coverage counter follow by trigger).
 */
export async function storeEvents(
  db: Db,
  rows: readonly EventRow[],
  receivedAt: Date,
  kioskId: string | null,
  audit?: AuditEntry,
) {
  if (rows.length === 0) return 0;
  // One multi-row statement, written by hand: the query builder's cost per value dominated ingest.
  const columns =
    'id, type, occurred_at, received_at, kiosk_id, commune_id, village_id, school_id, self_declared, payload';
  const placeholders = rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
  const args = rows.flatMap((r) => [
    r.id,
    r.type,
    r.occurredAt.getTime(),
    receivedAt.getTime(),
    r.kioskId,
    r.communeId,
    r.villageId,
    r.schoolId,
    r.selfDeclared ? 1 : 0,
    JSON.stringify(r.payload),
  ]);
  const insert = {
    sql: `INSERT INTO events (${columns}) VALUES ${placeholders} ON CONFLICT DO NOTHING RETURNING id`,
    args,
  };
  // One transaction: the events, their day rollup, the kiosk's count or the officer's audit line, shared with the
  // other writes of the same few milliseconds (the group commit: a sync of the WAL per group, not per batch). The
  // rollup is summed here over the rows the insert stored (RETURNING names exactly those; a replayed id is not among
  // them), one upsert per commune, day, unit and metric: a per-row trigger ran the upsert and its month and counter
  // triggers for every event, a third of ingest (pnpm bench). Deleting events still goes through the delete trigger.
  return groupWrites(db).transact(async (tx) => {
    const stored = new Set((await tx.execute(insert)).rows.map((r) => String(r[0])));
    const tallies = new Map<string, { key: EventRollupKey; n: number }>();
    for (const r of rows) {
      if (!stored.has(r.id)) continue;
      const key = eventRollupKey({
        communeId: r.communeId,
        villageId: r.villageId,
        schoolId: r.schoolId,
        selfDeclared: r.selfDeclared,
        type: r.type,
        occurredAt: r.occurredAt.getTime(),
      });
      if (!key) continue;
      const id = `${key.communeId}|${key.day}|${key.unitKey}|${key.metric}`;
      const tally = tallies.get(id);
      if (tally) tally.n += 1;
      else tallies.set(id, { key, n: 1 });
    }
    const sums = [...tallies.values()];
    if (sums.length > 0)
      await tx.execute({
        sql: `INSERT INTO coverage_days (commune_id, day, unit_key, metric, n) VALUES ${sums.map(() => '(?, ?, ?, ?, ?)').join(', ')}
              ON CONFLICT DO UPDATE SET n = n + excluded.n`,
        args: sums.flatMap(({ key, n }) => [key.communeId, key.day, key.unitKey, key.metric, n]),
      });
    if (audit && stored.size > 0)
      // An officer's batch is audited with the number it stored; a replay that stores nothing leaves no audit row.
      await tx.execute({
        sql: `INSERT INTO audit_log (id, at, account_id, username, commune_id, ip, entity, entity_id, action, summary)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, json_set(?, '$.stored', ?))`,
        args: [
          crypto.randomUUID(),
          receivedAt.getTime(),
          audit.accountId ?? null,
          audit.username ?? null,
          audit.communeId ?? null,
          audit.ip ?? null,
          audit.entity,
          audit.entityId ?? null,
          audit.action,
          audit.summary ?? '{}',
          stored.size,
        ],
      });
    if (kioskId)
      // The kiosk's count moves in the same transaction as the events it counts and cannot fall behind after a crash.
      await tx.execute({
        sql: 'UPDATE kiosks SET last_seen_at = ?, events_count = events_count + ? WHERE id = ?',
        args: [receivedAt.getTime(), stored.size, kioskId],
      });
    return stored.size;
  });
}

export async function countEvents(db: Db, filter: { kioskId?: string; communeId?: string } = {}) {
  const where = filter.kioskId
    ? eq(events.kioskId, filter.kioskId)
    : filter.communeId
      ? eq(events.communeId, filter.communeId)
      : undefined;
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(events)
    .where(where);
  return Number(row?.n ?? 0);
}
