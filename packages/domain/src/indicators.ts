import { z } from 'zod';
import { commitmentCoverage, type CommitmentTallies } from './commitment-coverage.ts';
import { periodRange, vnDate, vnParts, type Period } from './periods.ts';

/**
 * The indicators of DESIGN.md §7, as pure functions: units, activities, digital reach and commitment tallies in,
 * each figure's numerator, denominator and the units behind it out. The dashboard, the registry's computed criteria
 * and the reports all call `computeIndicators`, so a figure means the same everywhere.
 *
 * Denominators use the units as they stand now: inactive ones are out, and a village added during the period counts
 * for the whole period. The village list records when a row was typed in, not when the village came to exist
 * (villages change by administrative decision, and are usually entered long after), so prorating by that date would
 * measure data entry rather than outreach. A new village must be reached like any other.
 */

export const indicatorKeys = [
  'villageOutreach',
  'schoolOutreach',
  'householdCommitment',
  'organizationCommitment',
  'mailboxBoard',
  'quizReach',
  'drugFree',
] as const;
export type IndicatorKey = (typeof indicatorKeys)[number];

export interface VillageUnit {
  id: string;
  name: string;
  active: boolean;
  households: number | null;
  population: number | null;
  mailboxInstalledOn: string | null;
  boardInstalledOn: string | null;
  roadmapTargetYear: number | null;
}
export interface SimpleUnit {
  id: string;
  name: string;
  active: boolean;
}

/** One unit reached by one logged activity: an activity reaching three villages gives three touches. */
export interface ActivityTouch {
  activityId: string;
  date: string;
  villageId: string | null;
  schoolId: string | null;
}

/** Kiosk and online events attributed to a village in the period. */
export interface DigitalReach {
  events: number;
  quizzes: number;
}

/** A unit's logged activities in a period: how many, and the latest day. */
export interface UnitActivity {
  n: number;
  last: string;
}

/**
 * Logged outreach in a period, already cut to it: per village and school (an activity reaching three villages
 * counts once for each) and the number of distinct activities. The coverage rollups give it as sums over days;
 * `tallyTouches` gives the same from raw activity rows.
 */
export interface ActivityTally {
  villages: Record<string, UnitActivity>;
  schools: Record<string, UnitActivity>;
  count: number;
}

export const emptyActivity = (): ActivityTally => ({ villages: {}, schools: {}, count: 0 });

/** Adds one unit's activities to a map (counts add up, the latest day wins). */
export function addActivity(map: Record<string, UnitActivity>, id: string, n: number, last: string) {
  const seen = map[id];
  if (!seen) map[id] = { n, last };
  else {
    seen.n += n;
    if (last > seen.last) seen.last = last;
  }
}

/** The activity tally of a period from raw touches (one row per activity and unit), in Vietnam dates. */
export function tallyTouches(touches: readonly ActivityTouch[], period: Pick<Period, 'start' | 'end'>): ActivityTally {
  const from = vnDate(period.start);
  const to = vnDate(period.end); // exclusive
  const out = emptyActivity();
  const ids = new Set<string>();
  for (const t of touches) {
    if (t.date < from || t.date >= to) continue;
    ids.add(t.activityId);
    if (t.villageId) addActivity(out.villages, t.villageId, 1, t.date);
    if (t.schoolId) addActivity(out.schools, t.schoolId, 1, t.date);
  }
  out.count = ids.size;
  return out;
}

export const coverageSettingsSchema = z.strictObject({
  /** Whether kiosk and online events count toward "reached" (off by default: only logged outreach counts). */
  digitalReachCounts: z.boolean(),
  /** Events a village needs in the period before digital reach counts. */
  minEvents: z.number().int().min(1).max(100_000),
});
export type CoverageSettings = z.infer<typeof coverageSettingsSchema>;
export const defaultCoverageSettings: CoverageSettings = { digitalReachCounts: false, minEvents: 20 };

export interface IndicatorInput {
  period: Pick<Period, 'start' | 'end'>;
  villages: readonly VillageUnit[];
  schools: readonly SimpleUnit[];
  organizations: readonly SimpleUnit[];
  /** Logged outreach in the period (see `ActivityTally`). */
  activity: ActivityTally;
  digital: Readonly<Record<string, DigitalReach>>;
  commitments: CommitmentTallies;
  settings: CoverageSettings;
  /** Villages recognised drug-free and not lost (the registry's answer; empty until it is wired). */
  recognizedVillageIds: readonly string[];
  /**
   * The events of the commune's active villages in the period, summed, for when per-village figures were not
   * loaded (the province view reads one sum per commune, which is much cheaper). It feeds quiz reach only and
   * reaches no village, so pass it only for a commune whose settings do not count digital reach.
   */
  digitalTotal?: DigitalReach;
}

export interface IndicatorFigure {
  key: IndicatorKey;
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null when there is nothing to divide by. */
  ratio: number | null;
  /** The units counted in the numerator, and those in the denominator but not the numerator. */
  unitIds: string[];
  missingIds: string[];
  /** For drug-free villages: the roadmap's cumulative target for the period's year. */
  target?: number;
}

export interface VillageCoverage {
  villageId: string;
  reached: boolean;
  reachedBy: 'activity' | 'digital' | null;
  activities: number;
  digitalEvents: number;
  quizzes: number;
  lastActivityDate: string | null;
  /** Verified households / households, null when the household count is not known. */
  commitmentRatio: number | null;
}

export interface SchoolCoverage {
  schoolId: string;
  reached: boolean;
  activities: number;
  lastActivityDate: string | null;
}

export interface IndicatorResult {
  figures: Record<IndicatorKey, IndicatorFigure>;
  villages: VillageCoverage[];
  schools: SchoolCoverage[];
  /** Distinct activities in the period (an activity reaching three villages is one). */
  activityCount: number;
}

export const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;

function figure(key: IndicatorKey, numerator: number, denominator: number, unitIds: string[], all: string[]) {
  const inNumerator = new Set(unitIds);
  return {
    key,
    numerator,
    denominator,
    ratio: ratio(numerator, denominator),
    unitIds,
    missingIds: all.filter((id) => !inNumerator.has(id)),
  };
}

/** Both fixtures count once both were installed before the period ended (`endDate`: its first day after). */
export function hasMailboxAndBoard(v: Pick<VillageUnit, 'mailboxInstalledOn' | 'boardInstalledOn'>, endDate: string) {
  return (
    !!v.mailboxInstalledOn && !!v.boardInstalledOn && v.mailboxInstalledOn < endDate && v.boardInstalledOn < endDate
  );
}

export function computeIndicators(input: IndicatorInput): IndicatorResult {
  const to = vnDate(input.period.end); // exclusive
  const villages = input.villages.filter((v) => v.active);
  const schools = input.schools.filter((s) => s.active);
  const organizations = input.organizations.filter((o) => o.active);

  const byVillage = input.activity.villages;
  const bySchool = input.activity.schools;

  const { settings, commitments } = input;
  const villageRows: VillageCoverage[] = villages.map((v) => {
    const logged = byVillage[v.id];
    const digital = input.digital[v.id] ?? { events: 0, quizzes: 0 };
    const digitalCounts = settings.digitalReachCounts && digital.events >= settings.minEvents;
    const verified = commitments.householdsByVillage[v.id] ?? 0;
    return {
      villageId: v.id,
      reached: !!logged || digitalCounts,
      reachedBy: logged ? 'activity' : digitalCounts ? 'digital' : null,
      activities: logged?.n ?? 0,
      digitalEvents: digital.events,
      quizzes: digital.quizzes,
      lastActivityDate: logged?.last ?? null,
      commitmentRatio: v.households ? Math.min(verified, v.households) / v.households : null,
    };
  });
  const schoolRows: SchoolCoverage[] = schools.map((s) => {
    const logged = bySchool[s.id];
    return { schoolId: s.id, reached: !!logged, activities: logged?.n ?? 0, lastActivityDate: logged?.last ?? null };
  });

  const villageIds = villages.map((v) => v.id);
  const schoolIds = schools.map((s) => s.id);

  // Commitment figures come from the commitments feature's own rule, so its page and this dashboard agree.
  // Villages without a household count cannot be measured, so they stay out of both sides.
  const commitment = commitmentCoverage({ villages, schools, organizations }, commitments);
  const counted = commitment.villages.filter((v) => v.households > 0);
  const fullyCommitted = counted.filter((v) => v.verified.numerator >= v.households).map((v) => v.id);

  const committedUnits = new Set([...commitments.organizationIds, ...commitments.schoolIds]);
  const orgAndSchoolIds = [...organizations.map((o) => o.id), ...schoolIds];
  const committedIds = orgAndSchoolIds.filter((id) => committedUnits.has(id));

  const equipped = villages.filter((v) => hasMailboxAndBoard(v, to)).map((v) => v.id);

  const population = villages.reduce((sum, v) => sum + (v.population ?? 0), 0);
  const quizzes = input.digitalTotal?.quizzes ?? villageRows.reduce((sum, v) => sum + v.quizzes, 0);
  const quizVillages = villageRows.filter((v) => v.quizzes > 0).map((v) => v.villageId);

  const recognized = new Set(input.recognizedVillageIds);
  const drugFree = villageIds.filter((id) => recognized.has(id));
  const year = vnParts(input.period.end - 1).year;
  const target = villages.filter((v) => v.roadmapTargetYear !== null && v.roadmapTargetYear <= year).length;

  return {
    figures: {
      villageOutreach: figure(
        'villageOutreach',
        villageRows.filter((v) => v.reached).length,
        villages.length,
        villageRows.filter((v) => v.reached).map((v) => v.villageId),
        villageIds,
      ),
      schoolOutreach: figure(
        'schoolOutreach',
        schoolRows.filter((s) => s.reached).length,
        schools.length,
        schoolRows.filter((s) => s.reached).map((s) => s.schoolId),
        schoolIds,
      ),
      householdCommitment: figure(
        'householdCommitment',
        commitment.households.numerator,
        commitment.households.denominator,
        fullyCommitted,
        counted.map((v) => v.id),
      ),
      organizationCommitment: figure(
        'organizationCommitment',
        commitment.units.numerator,
        commitment.units.denominator,
        committedIds,
        orgAndSchoolIds,
      ),
      mailboxBoard: figure('mailboxBoard', equipped.length, villages.length, equipped, villageIds),
      // Quizzes per thousand residents: the denominator is population / 1,000, so it need not be whole.
      quizReach: figure('quizReach', quizzes, population / 1000, quizVillages, villageIds),
      drugFree: { ...figure('drugFree', drugFree.length, villages.length, drugFree, villageIds), target },
    },
    villages: villageRows,
    schools: schoolRows,
    activityCount: input.activity.count,
  };
}

export interface MonthPoint {
  month: string;
  villagesReached: number;
  villages: number;
  schoolsReached: number;
  schools: number;
  activities: number;
  digitalEvents: number;
}

/** What one month of a commune's coverage holds: its logged outreach and digital reach per village. */
export interface MonthCoverage {
  activity: ActivityTally;
  digital: Readonly<Record<string, DigitalReach>>;
}

/**
 * Village and school coverage month by month, for the chart. Each month is computed with the same rule as the
 * headline (`computeIndicators`), digital reach included where the commune counts it.
 */
export function monthlySeries(
  input: Omit<IndicatorInput, 'period' | 'digital' | 'activity'>,
  months: readonly string[],
  byMonth: Readonly<Record<string, MonthCoverage>>,
): MonthPoint[] {
  return months.map((month) => {
    const period = periodRange(month);
    const { activity, digital } = byMonth[month] ?? { activity: emptyActivity(), digital: {} };
    const r = computeIndicators({ ...input, period, activity, digital });
    return {
      month,
      villagesReached: r.figures.villageOutreach.numerator,
      villages: r.figures.villageOutreach.denominator,
      schoolsReached: r.figures.schoolOutreach.numerator,
      schools: r.figures.schoolOutreach.denominator,
      activities: r.activityCount,
      digitalEvents: Object.values(digital).reduce((sum, d) => sum + d.events, 0),
    };
  });
}

/**
 * The share (whole percent, rounded down) of the sub-periods begun so far in which each village was reached: the
 * registry's outreach criterion, where "every month" means every month of the recognition period. Null for a
 * village when no sub-period has begun.
 */
export function reachedShare(subPeriods: readonly IndicatorResult[], villageIds: readonly string[]) {
  const reachedIn = new Map<string, number>();
  for (const r of subPeriods) {
    for (const v of r.villages) if (v.reached) reachedIn.set(v.villageId, (reachedIn.get(v.villageId) ?? 0) + 1);
  }
  return Object.fromEntries(
    villageIds.map((id) => [
      id,
      subPeriods.length > 0 ? Math.floor((100 * (reachedIn.get(id) ?? 0)) / subPeriods.length) : null,
    ]),
  ) as Record<string, number | null>;
}

/** Whole days between two Vietnam dates (YYYY-MM-DD), for "days since the last activity". */
export function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / 86_400_000);
}
