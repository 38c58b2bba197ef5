import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog } from '../schema/index.ts';
import type { Page } from './units.ts';

export type AuditEntry = Omit<typeof auditLog.$inferInsert, 'id' | 'at'>;

export async function writeAudit(db: Db, entry: AuditEntry, at = new Date()) {
  await db.insert(auditLog).values({ ...entry, at });
}

/** The insert for an audit row, to run in the same batch as the write it records. */
export function auditInsert(db: Db, entry: AuditEntry, at = new Date()) {
  return db.insert(auditLog).values({ ...entry, at });
}

export async function listAudit(db: Db, filter: Page & { communeId?: string; entity?: string; action?: string }) {
  const conditions: SQL[] = [];
  if (filter.communeId) conditions.push(eq(auditLog.communeId, filter.communeId));
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.at)).limit(filter.limit).offset(filter.offset),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}
