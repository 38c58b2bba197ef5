import { matchesNameQuery, nameKey, rankCommunes } from '@vungxanh/domain';
import {
  communePopulations,
  communesOfContest,
  contestUnits,
  listParticipants,
  participantsByCommune,
  type ContestRow,
  type Db,
  type Page,
} from '@vungxanh/db';
import { unitRanking } from './contests.ts';

/**
 * The collective standings of a contest: its units, and for a province contest its communes (the
 * people of a commune and the prize points its units won).
 */
export async function contestStandings(db: Db, contest: ContestRow) {
  const communes = await communesOfContest(db, contest);
  const units = await unitRanking(
    db,
    contest,
    communes.map((x) => x.id),
  );
  if (contest.scope !== 'province') return { items: units, communes: [] };
  const [counts, populations] = await Promise.all([
    participantsByCommune(db, contest.id),
    communePopulations(
      db,
      communes.map((x) => x.id),
    ),
  ]);
  const n = new Map(counts.map((c) => [c.communeId, c.n]));
  const population = new Map(populations.map((p) => [p.communeId, Number(p.population)]));
  const points = new Map<string, number>();
  for (const u of units) points.set(u.communeId, (points.get(u.communeId) ?? 0) + u.prizePoints);
  const communeRows = rankCommunes(
    communes
      .map((c) => ({
        communeId: c.id,
        name: c.name,
        population: population.get(c.id) || null,
        participants: n.get(c.id) ?? 0,
        prizePoints: points.get(c.id) ?? 0,
      }))
      .filter((c) => c.participants > 0 || c.prizePoints > 0),
  );
  return { items: units, communes: communeRows };
}

/** One commune's part of a province contest: its place among communes, its units' standings, its participants. */
export async function communePart(db: Db, contest: ContestRow, communeId: string, page: Page) {
  const [standings, participants] = await Promise.all([
    contestStandings(db, contest),
    listParticipants(db, contest.id, page, communeId),
  ]);
  return {
    standing: standings.communes.find((c) => c.communeId === communeId) ?? null,
    communesRanked: standings.communes.length,
    units: standings.items.filter((u) => u.communeId === communeId),
    participants,
  };
}

type SearchUnit = {
  kind: 'commune' | 'village' | 'school' | 'organization';
  id: string;
  name: string;
  communeId: string;
};
const searchCache = new WeakMap<Db, Map<string, { at: number; units: (SearchUnit & { key: string })[] }>>();
/** How long a contest's searchable units are kept: a burst of registrations reads the province once. */
const searchTtlMs = 60_000;

/**
 * The units of a contest whose name (with its commune's) matches what a participant typed, without
 * diacritics: a province has thousands of villages, schools and organizations, too many to send.
 */
export async function searchContestUnits(db: Db, contest: ContestRow, query: string, limit = 30) {
  let cache = searchCache.get(db);
  if (!cache) searchCache.set(db, (cache = new Map()));
  let hit = cache.get(contest.id);
  if (!hit || Date.now() - hit.at > searchTtlMs) {
    const communes = await communesOfContest(db, contest);
    const communeName = new Map(communes.map((c) => [c.id, c.name]));
    const units = await contestUnits(
      db,
      communes.map((c) => c.id),
      { communes: contest.scope === 'province' },
    );
    hit = {
      at: Date.now(),
      units: units.map((u) => ({
        kind: u.kind,
        id: u.id,
        name: u.name,
        communeId: u.communeId,
        key: nameKey(u.kind === 'commune' ? u.name : `${u.name} ${communeName.get(u.communeId) ?? ''}`),
      })),
    };
    if (cache.size > 100) cache.clear();
    cache.set(contest.id, hit);
  }
  const found: SearchUnit[] = [];
  for (const u of hit.units) {
    if (!matchesNameQuery(u.key, query)) continue;
    found.push({ kind: u.kind, id: u.id, name: u.name, communeId: u.communeId });
    if (found.length >= limit) break;
  }
  return found;
}
