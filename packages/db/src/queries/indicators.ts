import { and, asc, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { drugFreeVillageIds } from './registry.ts';
import { activityUnits, organizations, schools, villages } from '../schema/index.ts';

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

/** Villages recognised drug-free and not lost, per commune (the registry's record). */
export async function recognizedVillages(db: Db, communeIds: readonly string[]): Promise<Record<string, string[]>> {
  return drugFreeVillageIds(db, communeIds);
}
