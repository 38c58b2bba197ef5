/**
 * Contests hosted by a province (the provincial Youth Union): who sees which part, and the
 * collective ranking of communes. The per-unit ranking is `rankUnits` in contests.ts.
 */

/**
 * A commune's organizers and admins follow a province contest that includes their commune, read-only,
 * with their commune's participants and standings only. The province organizers see every commune.
 */
export function canViewCommunePart(
  actor: { role: string; communeId: string | null; provinceId: string | null },
  contest: { communeId: string | null; provinceId: string; scope: string },
  commune: { id: string; provinceId: string },
): boolean {
  if (contest.scope !== 'province' || commune.provinceId !== contest.provinceId) return false;
  if (actor.role === 'system') return true;
  if (actor.role === 'province_organizer') return actor.provinceId === contest.provinceId;
  return (actor.role === 'organizer' || actor.role === 'commune_admin') && actor.communeId === commune.id;
}

export interface CommuneTally {
  communeId: string;
  name: string;
  /** Residents of the commune's villages (their recorded population); 0 or null when unknown. */
  population: number | null;
  participants: number;
  prizePoints: number;
}

export interface CommuneStanding extends CommuneTally {
  /** Participants per 1,000 residents, two decimals; null without a population. */
  perThousand: number | null;
  place: number;
}

/**
 * The collective ranking of communes in a province contest. Communes differ a lot in size, so the
 * first key is participation per 1,000 residents (a commune without a recorded population ranks
 * after those with one), then prize points won by its people, then the number of participants.
 * Equal on all three shares a place.
 */
export function rankCommunes(tallies: readonly CommuneTally[]): CommuneStanding[] {
  const rows = tallies.map((t) => ({
    ...t,
    perThousand:
      t.population && t.population > 0 ? Math.round((t.participants / t.population) * 1000 * 100) / 100 : null,
    place: 0,
  }));
  const key = (r: (typeof rows)[number]) => [r.perThousand ?? -1, r.prizePoints, r.participants];
  const same = (a: (typeof rows)[number], b: (typeof rows)[number]) => key(a).every((v, i) => v === key(b)[i]);
  rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
    return a.name.localeCompare(b.name, 'vi');
  });
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    r.place = prev && same(prev, r) ? prev.place : i + 1;
  });
  return rows;
}
