import { and, asc, eq, gte, inArray, isNotNull, lt, max, notInArray, sql } from 'drizzle-orm';
import type { DigitalReach } from '@vungxanh/domain';
import type { Db } from '../client.ts';
import { drugFreeVillageIds } from './registry.ts';
import { activityUnits, events, organizations, schools, villages } from '../schema/index.ts';

/** The units of these communes with the fields the indicators need (inactive ones too: the domain drops them). */
export async function coverageUnits(db: Db, communeIds: readonly string[]) {
  const ids = [...communeIds];
  const [v, s, o] = await Promise.all([
    db
      .select({
        id: villages.id,
        communeId: villages.communeId,
        name: villages.name,
        active: villages.active,
        households: villages.households,
        population: villages.population,
        mailboxInstalledOn: villages.mailboxInstalledOn,
        boardInstalledOn: villages.boardInstalledOn,
        roadmapTargetYear: villages.roadmapTargetYear,
      })
      .from(villages)
      .where(inArray(villages.communeId, ids))
      .orderBy(asc(villages.sortKey)),
    db
      .select({ id: schools.id, communeId: schools.communeId, name: schools.name, active: schools.active })
      .from(schools)
      .where(inArray(schools.communeId, ids))
      .orderBy(asc(schools.sortKey)),
    db
      .select({
        id: organizations.id,
        communeId: organizations.communeId,
        name: organizations.name,
        active: organizations.active,
      })
      .from(organizations)
      .where(inArray(organizations.communeId, ids)),
  ]);
  return { villages: v, schools: s, organizations: o };
}

/** Every unit reached by an activity between two Vietnam dates (`to` exclusive): one row per unit and activity. */
export async function activityTouches(db: Db, communeIds: readonly string[], from: string, to: string) {
  return db
    .select({
      activityId: activityUnits.activityId,
      communeId: activityUnits.communeId,
      date: activityUnits.date,
      villageId: activityUnits.villageId,
      schoolId: activityUnits.schoolId,
    })
    .from(activityUnits)
    .where(
      and(inArray(activityUnits.communeId, [...communeIds]), gte(activityUnits.date, from), lt(activityUnits.date, to)),
    );
}

/** Each village's latest activity before a date (exclusive), for "days since the last activity". */
export async function lastActivityByVillage(db: Db, communeId: string, before: string) {
  const rows = await db
    .select({ villageId: activityUnits.villageId, last: max(activityUnits.date) })
    .from(activityUnits)
    .where(
      and(eq(activityUnits.communeId, communeId), lt(activityUnits.date, before), isNotNull(activityUnits.villageId)),
    )
    .groupBy(activityUnits.villageId);
  return new Map(rows.map((r) => [r.villageId!, r.last!]));
}

const VN_OFFSET_MS = 7 * 3_600_000;

/**
 * Kiosk and online events per village and Vietnam month between two instants (`end` exclusive):
 * `result[communeId][month][villageId]`.
 */
export async function digitalReachByMonth(db: Db, communeIds: readonly string[], start: number, end: number) {
  const month = sql<string>`strftime('%Y-%m', (${events.occurredAt} + ${VN_OFFSET_MS}) / 1000, 'unixepoch')`;
  const rows = await db
    .select({
      communeId: events.communeId,
      villageId: events.villageId,
      month,
      events: sql<number>`count(*)`,
      quizzes: sql<number>`sum(${events.type} = 'quiz_completed')`,
    })
    .from(events)
    .where(
      and(
        inArray(events.communeId, [...communeIds]),
        gte(events.occurredAt, new Date(start)),
        lt(events.occurredAt, new Date(end)),
        isNotNull(events.villageId),
      ),
    )
    .groupBy(events.communeId, events.villageId, month);
  const out: Record<string, Record<string, Record<string, DigitalReach>>> = {};
  for (const r of rows) {
    const byMonth = (out[r.communeId!] ??= {});
    (byMonth[r.month] ??= {})[r.villageId!] = { events: Number(r.events), quizzes: Number(r.quizzes ?? 0) };
  }
  return out;
}

/** Kiosk and online events per village between two instants (`end` exclusive): `result[communeId][villageId]`. */
export async function digitalReach(db: Db, communeIds: readonly string[], start: number, end: number) {
  const rows = await db
    .select({
      communeId: events.communeId,
      villageId: events.villageId,
      events: sql<number>`count(*)`,
      quizzes: sql<number>`sum(${events.type} = 'quiz_completed')`,
    })
    .from(events)
    .where(
      and(
        inArray(events.communeId, [...communeIds]),
        gte(events.occurredAt, new Date(start)),
        lt(events.occurredAt, new Date(end)),
        isNotNull(events.villageId),
      ),
    )
    .groupBy(events.communeId, events.villageId);
  const out: Record<string, Record<string, DigitalReach>> = {};
  for (const r of rows) {
    (out[r.communeId!] ??= {})[r.villageId!] = { events: Number(r.events), quizzes: Number(r.quizzes ?? 0) };
  }
  return out;
}

/**
 * Events per commune between two instants, leaving out the villages named (inactive ones): one sum per commune,
 * read in index order without grouping by village.
 */
export async function digitalTotals(
  db: Db,
  communeIds: readonly string[],
  start: number,
  end: number,
  skipVillageIds: readonly string[],
) {
  const conditions = [
    inArray(events.communeId, [...communeIds]),
    gte(events.occurredAt, new Date(start)),
    lt(events.occurredAt, new Date(end)),
    isNotNull(events.villageId),
  ];
  if (skipVillageIds.length) conditions.push(notInArray(events.villageId, [...skipVillageIds]));
  const rows = await db
    .select({
      communeId: events.communeId,
      events: sql<number>`count(*)`,
      quizzes: sql<number>`sum(${events.type} = 'quiz_completed')`,
    })
    .from(events)
    .where(and(...conditions))
    .groupBy(events.communeId);
  return Object.fromEntries(
    rows.map((r) => [r.communeId!, { events: Number(r.events), quizzes: Number(r.quizzes ?? 0) }]),
  ) as Record<string, DigitalReach>;
}

/** Villages recognised drug-free and not lost, per commune (the registry's record). */
export async function recognizedVillages(db: Db, communeIds: readonly string[]): Promise<Record<string, string[]>> {
  return drugFreeVillageIds(db, communeIds);
}
