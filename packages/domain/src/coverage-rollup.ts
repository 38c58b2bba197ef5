import { addActivity, emptyActivity, type ActivityTally, type DigitalReach } from './indicators.ts';
import { vnDate } from './periods.ts';

/**
 * Reading the coverage rollups (per unit and Vietnam day, kept by the database in the same transaction as each
 * write). A unit key is `v:<villageId>`, `s:<schoolId>` or `c` (the commune: one count per distinct activity); a
 * metric is `act:<activity type>`, `ev:kiosk:<event type>` or `ev:self:<event type>`.
 */

/** One summed line of the rollup over some days. */
export interface RollupSum {
  unitKey: string;
  metric: string;
  n: number;
  /** The latest day with a count. */
  last: string;
}

/** A commune's coverage over some days, as the indicators take it. */
export interface CoverageTally {
  activity: ActivityTally;
  /** Events from a paired kiosk (or an officer's device) per village: these may mark a village reached. */
  digital: Record<string, DigitalReach>;
  /** Events of phone readers who picked their village themselves: shown apart, never "reached". */
  phone: Record<string, DigitalReach>;
}

export const emptyCoverageTally = (): CoverageTally => ({ activity: emptyActivity(), digital: {}, phone: {} });

const addReach = (map: Record<string, DigitalReach>, id: string, events: number, quizzes: number) => {
  const acc = (map[id] ??= { events: 0, quizzes: 0 });
  acc.events += events;
  acc.quizzes += quizzes;
};

/** Adds rollup lines into a tally (lines of several days or months simply add up). */
export function addRollup(into: CoverageTally, sums: Iterable<RollupSum>): CoverageTally {
  for (const s of sums) {
    if (s.metric.startsWith('act:')) {
      if (s.unitKey === 'c') into.activity.count += s.n;
      else if (s.unitKey.startsWith('v:')) addActivity(into.activity.villages, s.unitKey.slice(2), s.n, s.last);
      else if (s.unitKey.startsWith('s:')) addActivity(into.activity.schools, s.unitKey.slice(2), s.n, s.last);
    } else if (s.unitKey.startsWith('v:')) {
      const [, source, type] = s.metric.split(':');
      const map = source === 'kiosk' ? into.digital : source === 'self' ? into.phone : null;
      if (map) addReach(map, s.unitKey.slice(2), s.n, type === 'quiz_completed' ? s.n : 0);
    }
  }
  return into;
}

/** Merges tallies of disjoint ranges of days (the months of a quarter, say) into one. */
export function mergeTallies(tallies: Iterable<CoverageTally>): CoverageTally {
  const out = emptyCoverageTally();
  for (const t of tallies) {
    out.activity.count += t.activity.count;
    for (const [id, a] of Object.entries(t.activity.villages)) addActivity(out.activity.villages, id, a.n, a.last);
    for (const [id, a] of Object.entries(t.activity.schools)) addActivity(out.activity.schools, id, a.n, a.last);
    for (const [id, d] of Object.entries(t.digital)) addReach(out.digital, id, d.events, d.quizzes);
    for (const [id, d] of Object.entries(t.phone)) addReach(out.phone, id, d.events, d.quizzes);
  }
  return out;
}

/** A row of the day rollup (`coverage_days`) without its count. */
export interface EventRollupKey {
  communeId: string;
  day: string;
  unitKey: string;
  metric: string;
}

/** Where an event counts in the day rollup: its commune, Vietnam day, unit key and metric; null when it names no unit. */
export function eventRollupKey(e: {
  communeId: string | null;
  villageId: string | null;
  schoolId: string | null;
  selfDeclared: boolean;
  type: string;
  occurredAt: number;
}): EventRollupKey | null {
  if (!e.communeId || (!e.villageId && !e.schoolId)) return null;
  return {
    communeId: e.communeId,
    // The same day as SQLite's strftime of (occurred_at + offset) / 1000 in the delete trigger and the rebuild.
    day: vnDate(e.occurredAt),
    unitKey: e.villageId ? `v:${e.villageId}` : `s:${e.schoolId}`,
    metric: `ev:${e.selfDeclared ? 'self' : 'kiosk'}:${e.type}`,
  };
}
