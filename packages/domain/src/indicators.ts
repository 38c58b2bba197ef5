import { z } from 'zod';
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

/**
 * Commitment figures per commune, as the commitments feature produces them: verified households (one per household)
 * and all signed entries per village, and the organizations and schools with a verified commitment.
 */
export interface CommitmentTallies {
  householdsByVillage: Record<string, number>;
  signedByVillage: Record<string, number>;
  organizationIds: string[];
  schoolIds: string[];
}
export const emptyCommitmentTallies = (): CommitmentTallies => ({
  householdsByVillage: {},
  signedByVillage: {},
  organizationIds: [],
  schoolIds: [],
});

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
  touches: readonly ActivityTouch[];
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

/** Both fixtures count once both were installed before the period ended. */
function hasMailboxAndBoard(v: VillageUnit, endDate: string) {
  return (
    !!v.mailboxInstalledOn && !!v.boardInstalledOn && v.mailboxInstalledOn < endDate && v.boardInstalledOn < endDate
  );
}

export function computeIndicators(input: IndicatorInput): IndicatorResult {
  const from = vnDate(input.period.start);
  const to = vnDate(input.period.end); // exclusive
  const villages = input.villages.filter((v) => v.active);
  const schools = input.schools.filter((s) => s.active);
  const organizations = input.organizations.filter((o) => o.active);

  const byVillage = new Map<string, { n: number; last: string }>();
  const bySchool = new Map<string, { n: number; last: string }>();
  const activityIds = new Set<string>();
  for (const t of input.touches) {
    if (t.date < from || t.date >= to) continue;
    activityIds.add(t.activityId);
    for (const [map, id] of [
      [byVillage, t.villageId],
      [bySchool, t.schoolId],
    ] as const) {
      if (!id) continue;
      const seen = map.get(id);
      if (!seen) map.set(id, { n: 1, last: t.date });
      else {
        seen.n += 1;
        if (t.date > seen.last) seen.last = t.date;
      }
    }
  }

  const { settings, commitments } = input;
  const villageRows: VillageCoverage[] = villages.map((v) => {
    const logged = byVillage.get(v.id);
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
    const logged = bySchool.get(s.id);
    return { schoolId: s.id, reached: !!logged, activities: logged?.n ?? 0, lastActivityDate: logged?.last ?? null };
  });

  const villageIds = villages.map((v) => v.id);
  const schoolIds = schools.map((s) => s.id);

  // Villages without a household count cannot be measured, so they stay out of both sides.
  const counted = villages.filter((v) => v.households && v.households > 0);
  const households = counted.reduce((sum, v) => sum + v.households!, 0);
  const verifiedHouseholds = counted.reduce(
    (sum, v) => sum + Math.min(commitments.householdsByVillage[v.id] ?? 0, v.households!),
    0,
  );
  const fullyCommitted = counted
    .filter((v) => (commitments.householdsByVillage[v.id] ?? 0) >= v.households!)
    .map((v) => v.id);

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
        verifiedHouseholds,
        households,
        fullyCommitted,
        counted.map((v) => v.id),
      ),
      organizationCommitment: figure(
        'organizationCommitment',
        committedIds.length,
        orgAndSchoolIds.length,
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
    activityCount: activityIds.size,
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

/**
 * Village and school coverage month by month, for the chart. Each month is computed with the same rule as the
 * headline (`computeIndicators`), digital reach included where the commune counts it.
 */
export function monthlySeries(
  input: Omit<IndicatorInput, 'period' | 'digital'>,
  months: readonly string[],
  digitalByMonth: Readonly<Record<string, Readonly<Record<string, DigitalReach>>>>,
): MonthPoint[] {
  return months.map((month) => {
    const period = periodRange(month);
    const digital = digitalByMonth[month] ?? {};
    const r = computeIndicators({ ...input, period, digital });
    return {
      month,
      villagesReached: r.figures.villageOutreach.numerator,
      villages: r.figures.villageOutreach.denominator,
      schoolsReached: r.figures.schoolOutreach.numerator,
      schools: r.figures.schoolOutreach.denominator,
      activities: r.activityCount,
      digitalEvents: Object.values(digital).reduce((s, d) => s + d.events, 0),
    };
  });
}

/** Whole days between two Vietnam dates (YYYY-MM-DD), for "days since the last activity". */
export function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / 86_400_000);
}
