import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { activities } from '../schema/index.ts';

/** Activities of a commune between two Vietnam dates (`to` exclusive), counted by type with their participants. */
export async function activitiesByType(db: Db, communeId: string, from: string, to: string) {
  const rows = await db
    .select({
      type: activities.type,
      count: sql<number>`count(*)`,
      participants: sql<number>`coalesce(sum(${activities.participants}), 0)`,
    })
    .from(activities)
    .where(and(eq(activities.communeId, communeId), gte(activities.date, from), lt(activities.date, to)))
    .groupBy(activities.type);
  return rows.map((r) => ({ type: r.type, count: Number(r.count), participants: Number(r.participants) }));
}
