import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../client.ts';
import { activities, activityPhotos, activityUnits, coverageSettings, schools, villages } from '../schema/index.ts';
import { auditInsert, type AuditEntry } from './audit.ts';
import type { Page } from './units.ts';

export type ActivityRow = typeof activities.$inferSelect;
export interface ActivityUnits {
  villageIds: string[];
  schoolIds: string[];
}
export interface ActivityDetail extends ActivityRow, ActivityUnits {
  villageNames: string[];
  schoolNames: string[];
  photos: { id: string; width: number; height: number; bytes: number }[];
}

const unitRows = (a: Pick<ActivityRow, 'id' | 'communeId' | 'date'>, units: ActivityUnits) => [
  ...units.villageIds.map((villageId) => ({
    activityId: a.id,
    unitKey: `v:${villageId}`,
    communeId: a.communeId,
    date: a.date,
    villageId,
    schoolId: null,
  })),
  ...units.schoolIds.map((schoolId) => ({
    activityId: a.id,
    unitKey: `s:${schoolId}`,
    communeId: a.communeId,
    date: a.date,
    villageId: null,
    schoolId,
  })),
];

/** The activity, its units and a list of its photos; null when there is none. */
export async function getActivity(db: Db, id: string): Promise<ActivityDetail | null> {
  const [row] = await db.select().from(activities).where(eq(activities.id, id));
  if (!row) return null;
  const [units, photos] = await Promise.all([
    db
      .select({
        villageId: activityUnits.villageId,
        schoolId: activityUnits.schoolId,
        villageName: villages.name,
        schoolName: schools.name,
      })
      .from(activityUnits)
      .leftJoin(villages, eq(villages.id, activityUnits.villageId))
      .leftJoin(schools, eq(schools.id, activityUnits.schoolId))
      .where(eq(activityUnits.activityId, id))
      .orderBy(asc(villages.sortKey), asc(schools.sortKey)),
    db
      .select({
        id: activityPhotos.id,
        width: activityPhotos.width,
        height: activityPhotos.height,
        bytes: activityPhotos.bytes,
      })
      .from(activityPhotos)
      .where(eq(activityPhotos.activityId, id))
      .orderBy(asc(activityPhotos.createdAt)),
  ]);
  const v = units.filter((u) => u.villageId);
  const s = units.filter((u) => u.schoolId);
  return {
    ...row,
    villageIds: v.map((u) => u.villageId!),
    villageNames: v.map((u) => u.villageName ?? ''),
    schoolIds: s.map((u) => u.schoolId!),
    schoolNames: s.map((u) => u.schoolName ?? ''),
    photos,
  };
}

/** Stores an activity with the units it reached and its audit row, all or nothing. */
export async function insertActivity(
  db: Db,
  row: typeof activities.$inferInsert,
  units: ActivityUnits,
  audit: AuditEntry,
) {
  const statements: BatchItem<'sqlite'>[] = [db.insert(activities).values(row)];
  const links = unitRows(row, units);
  if (links.length) statements.push(db.insert(activityUnits).values(links));
  await db.batch([auditInsert(db, audit), ...statements] as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
}

/** Changes an activity; when its units or date change, the unit rows are rewritten in the same batch. */
export async function updateActivity(
  db: Db,
  current: ActivityRow & ActivityUnits,
  patch: Partial<typeof activities.$inferInsert> & Partial<ActivityUnits>,
  audit: AuditEntry,
) {
  const { villageIds, schoolIds, ...fields } = patch;
  const statements: BatchItem<'sqlite'>[] = [
    db
      .update(activities)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(activities.id, current.id)),
  ];
  if (villageIds || schoolIds || fields.date) {
    const next = {
      id: current.id,
      communeId: current.communeId,
      date: fields.date ?? current.date,
    };
    const units = { villageIds: villageIds ?? current.villageIds, schoolIds: schoolIds ?? current.schoolIds };
    statements.push(db.delete(activityUnits).where(eq(activityUnits.activityId, current.id)));
    const links = unitRows(next, units);
    if (links.length) statements.push(db.insert(activityUnits).values(links));
  }
  await db.batch([auditInsert(db, audit), ...statements]);
}

export async function deleteActivity(db: Db, id: string, audit: AuditEntry) {
  await db.batch([
    auditInsert(db, audit),
    db.delete(activityPhotos).where(eq(activityPhotos.activityId, id)),
    db.delete(activityUnits).where(eq(activityUnits.activityId, id)),
    db.delete(activities).where(eq(activities.id, id)),
  ]);
}

export interface ActivityFilter extends Page {
  communeId: string;
  /** Vietnam dates, `to` exclusive. */
  from?: string;
  to?: string;
  type?: string;
  villageId?: string;
  schoolId?: string;
}

/** A page of activities, newest first, with the names of the units each reached. */
export async function listActivities(db: Db, filter: ActivityFilter) {
  const conditions: SQL[] = [eq(activities.communeId, filter.communeId)];
  if (filter.from) conditions.push(gte(activities.date, filter.from));
  if (filter.to) conditions.push(lt(activities.date, filter.to));
  if (filter.type) conditions.push(eq(activities.type, filter.type as ActivityRow['type']));
  const unitFilter = filter.villageId
    ? eq(activityUnits.villageId, filter.villageId)
    : filter.schoolId
      ? eq(activityUnits.schoolId, filter.schoolId)
      : null;
  if (unitFilter) {
    conditions.push(
      inArray(activities.id, db.select({ id: activityUnits.activityId }).from(activityUnits).where(unitFilter)),
    );
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(activities)
      .where(where)
      .orderBy(desc(activities.date), desc(activities.createdAt))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(activities).where(where),
  ]);
  const ids = rows.map((r) => r.id);
  const [units, photos] = ids.length
    ? await Promise.all([
        db
          .select({
            activityId: activityUnits.activityId,
            villageId: activityUnits.villageId,
            schoolId: activityUnits.schoolId,
            name: sql<string>`coalesce(${villages.name}, ${schools.name}, '')`,
          })
          .from(activityUnits)
          .leftJoin(villages, eq(villages.id, activityUnits.villageId))
          .leftJoin(schools, eq(schools.id, activityUnits.schoolId))
          .where(inArray(activityUnits.activityId, ids))
          .orderBy(asc(villages.sortKey), asc(schools.sortKey)),
        db
          .select({ activityId: activityPhotos.activityId, n: count() })
          .from(activityPhotos)
          .where(inArray(activityPhotos.activityId, ids))
          .groupBy(activityPhotos.activityId),
      ])
    : [[], []];
  const photoCount = new Map(photos.map((p) => [p.activityId, p.n]));
  const items = rows.map((r) => {
    const mine = units.filter((u) => u.activityId === r.id);
    return {
      ...r,
      villages: mine.filter((u) => u.villageId).map((u) => ({ id: u.villageId!, name: u.name })),
      schools: mine.filter((u) => u.schoolId).map((u) => ({ id: u.schoolId!, name: u.name })),
      photoCount: photoCount.get(r.id) ?? 0,
    };
  });
  return { items, total: total?.n ?? 0 };
}

/** Adds a photo unless the activity already has `max`; the check and the insert run in one transaction. */
export async function addActivityPhoto(db: Db, photo: typeof activityPhotos.$inferInsert, max: number) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ n: count() })
      .from(activityPhotos)
      .where(eq(activityPhotos.activityId, photo.activityId));
    if ((row?.n ?? 0) >= max) return false;
    await tx.insert(activityPhotos).values(photo);
    return true;
  });
}

export async function getActivityPhoto(db: Db, activityId: string, photoId: string) {
  const [row] = await db
    .select()
    .from(activityPhotos)
    .where(and(eq(activityPhotos.id, photoId), eq(activityPhotos.activityId, activityId)));
  return row ?? null;
}

export async function deleteActivityPhoto(db: Db, photoId: string, audit: AuditEntry) {
  await db.batch([auditInsert(db, audit), db.delete(activityPhotos).where(eq(activityPhotos.id, photoId))]);
}

/** Which of these ids are villages / schools of the commune (to refuse units of another commune). */
export async function unitsInCommune(db: Db, communeId: string, units: ActivityUnits) {
  const [v, s] = await Promise.all([
    units.villageIds.length
      ? db
          .select({ id: villages.id })
          .from(villages)
          .where(and(eq(villages.communeId, communeId), inArray(villages.id, units.villageIds)))
      : [],
    units.schoolIds.length
      ? db
          .select({ id: schools.id })
          .from(schools)
          .where(and(eq(schools.communeId, communeId), inArray(schools.id, units.schoolIds)))
      : [],
  ]);
  return v.length === units.villageIds.length && s.length === units.schoolIds.length;
}

export async function getCoverageSettings(db: Db, communeIds: readonly string[]) {
  if (communeIds.length === 0) return new Map<string, { digitalReachCounts: boolean; minEvents: number }>();
  const rows = await db
    .select()
    .from(coverageSettings)
    .where(inArray(coverageSettings.communeId, [...communeIds]));
  return new Map(rows.map((r) => [r.communeId, { digitalReachCounts: r.digitalReachCounts, minEvents: r.minEvents }]));
}

export async function setCoverageSettings(
  db: Db,
  communeId: string,
  value: { digitalReachCounts: boolean; minEvents: number },
  audit: AuditEntry,
) {
  await db.batch([
    auditInsert(db, audit),
    db
      .insert(coverageSettings)
      .values({ communeId, ...value })
      .onConflictDoUpdate({ target: coverageSettings.communeId, set: { ...value, updatedAt: new Date() } }),
  ]);
}
