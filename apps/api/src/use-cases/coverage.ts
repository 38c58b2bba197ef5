import {
  addRollup,
  commitmentCoverage,
  computeIndicators,
  daysLeft,
  defaultCoverageSettings,
  emptyCoverageTally,
  emptyTallies,
  hasMailboxAndBoard,
  headlineKind,
  mergeTallies,
  monthlySeries,
  periodDays,
  periodLabel,
  periodMonths,
  periodOf,
  periodRange,
  previousPeriod,
  reachedShare,
  vnDate,
  vnParts,
  type ComputedFacts,
  type CoverageTally,
  type IndicatorInput,
  type IndicatorResult,
  type MonthPoint,
  type Period,
} from '@vungxanh/domain';
import {
  commitmentSummary,
  commitmentTallies,
  coverageSums,
  coverageUnits,
  coverageVersionsOf,
  getCoverageSettings,
  lastActivityDays,
  recognizedVillages,
  type Db,
} from '@vungxanh/db';

/**
 * The coverage service: every screen and report that shows coverage (dashboard, village page, province view,
 * registry criteria, reports, commitments page) asks it, and it alone reads coverage sources. Figures come from
 * the daily rollups (summed over the period's days) and the domain's `computeIndicators`, so a figure means the
 * same everywhere and costs the same whatever the size of the raw tables.
 */

export function periodInfo(key: string, now: number, locale: 'vi' | 'en') {
  const p = periodRange(key);
  return {
    key,
    kind: p.kind,
    label: periodLabel(key, locale),
    start: new Date(p.start).toISOString(),
    end: new Date(p.end).toISOString(),
    days: periodDays(key),
    daysLeft: daysLeft(key, now),
  };
}

/** The twelve months up to the period's last month, for the chart. */
export function seriesMonths(period: Period): string[] {
  const months = [periodOf('month', period.end - 1)];
  while (months.length < 12) months.unshift(previousPeriod(months[0]!));
  return months;
}

const groupBy = <T extends { communeId: string | null }>(rows: readonly T[]) => {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.communeId!);
    if (list) list.push(r);
    else map.set(r.communeId!, [r]);
  }
  return map;
};

type Units = Awaited<ReturnType<typeof coverageUnits>>;

export interface CommuneCoverage {
  communeId: string;
  result: IndicatorResult;
  units: Units;
  settings: { digitalReachCounts: boolean; minEvents: number };
  /** Events from paired kiosks in the commune's active villages in the period. */
  digitalEvents: number;
  /** Events of phone readers who picked one of the commune's active villages (a separate figure). */
  phoneEvents: number;
  series: MonthPoint[] | null;
  /** The rollup per month (series months, or the period's months), for pages that chart one unit. */
  byMonth: Record<string, CoverageTally>;
}

/** Sums the rollup of these communes between two Vietnam days, per month or as one span. */
async function readTallies(db: Db, communeIds: readonly string[], from: string, to: string, byMonth: boolean) {
  const out = new Map<string, Map<string, CoverageTally>>();
  for (const s of await coverageSums(db, communeIds, from, to, { byMonth, classes: true })) {
    const months = out.get(s.communeId) ?? out.set(s.communeId, new Map()).get(s.communeId)!;
    const key = s.month ?? '*';
    addRollup(months.get(key) ?? months.set(key, emptyCoverageTally()).get(key)!, [s]);
  }
  return out;
}

/** Everything but the period's own figures: the commune's units, settings and commitment tallies. */
async function baseInputs(db: Db, communeIds: readonly string[], campaignYear: number) {
  const [units, settings, tallies, recognized] = await Promise.all([
    coverageUnits(db, communeIds),
    getCoverageSettings(db, communeIds),
    // Commitments count for the campaign year the period ends in.
    commitmentTallies(db, communeIds, campaignYear),
    recognizedVillages(db, communeIds),
  ]);
  const villagesBy = groupBy(units.villages);
  const schoolsBy = groupBy(units.schools);
  const orgsBy = groupBy(units.organizations);
  return (communeId: string): Omit<IndicatorInput, 'period' | 'digital' | 'activity'> => ({
    villages: villagesBy.get(communeId) ?? [],
    schools: schoolsBy.get(communeId) ?? [],
    organizations: orgsBy.get(communeId) ?? [],
    commitments: tallies.get(communeId) ?? emptyTallies(),
    settings: settings.get(communeId) ?? defaultCoverageSettings,
    recognizedVillageIds: recognized[communeId] ?? [],
  });
}

const activeSum = (result: IndicatorResult, reach: CoverageTally['phone']) =>
  result.villages.reduce((sum, v) => sum + (reach[v.villageId]?.events ?? 0), 0);

/**
 * Values computed from a commune's coverage sources, each kept with the commune's coverage counter at the time it was
 * read (`coverage_versions`, moved by triggers on every source). A value is served again only while the counter has
 * not moved, so it is never older than the database, whoever wrote (another process, a rebuild, a statement run by
 * hand). Bounded; the oldest entries go first. Callers treat the values as read-only.
 */
class VersionedMemo<T> {
  static readonly maxEntries = 5_000;
  readonly #entries = new Map<string, { version: number; value: T }>();

  get(key: string, version: number | undefined): T | undefined {
    const hit = this.#entries.get(key);
    return hit && hit.version === version ? hit.value : undefined;
  }

  /** A commune without a counter (never written since the migration) is not kept. */
  set(key: string, version: number | undefined, value: T): void {
    if (version === undefined) return;
    this.#entries.delete(key);
    if (this.#entries.size >= VersionedMemo.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { version, value });
  }
}

/** One memo per database (tests open many). */
function perDb<T>() {
  const memos = new WeakMap<Db, VersionedMemo<T>>();
  return (db: Db) => memos.get(db) ?? memos.set(db, new VersionedMemo<T>()).get(db)!;
}
/** A commune's value from `memo` while its counter has not moved since, else `compute`d now and kept. */
async function keptAgainstCounter<T>(
  db: Db,
  memo: VersionedMemo<T>,
  communeId: string,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  // The counter is read before the sources (see `coverageFor`).
  const version = (await coverageVersionsOf(db, [communeId])).get(communeId);
  const hit = memo.get(key, version);
  if (hit) return hit;
  const value = await compute();
  memo.set(key, version, value);
  return value;
}
const coverageMemo = perDb<CommuneCoverage>();
const factsMemo = perDb<Record<string, ComputedFacts>>();
const lastActivityMemo = perDb<ReadonlyMap<string, string>>();

/**
 * Coverage of each commune for the period. Communes whose sources have not changed since they were last computed
 * for this period come from memory; the rest are computed together, with one query per source for all of them (a
 * province of a hundred communes costs the same number of round trips as one commune). `series` adds the twelve
 * months up to the period.
 */
export async function coverageFor(
  db: Db,
  communeIds: readonly string[],
  periodKey: string,
  options: { series: boolean },
): Promise<CommuneCoverage[]> {
  if (communeIds.length === 0) return [];
  const memo = coverageMemo(db);
  // The counters are read before the sources: a write landing in between makes the stored version older than the
  // figures, so the next read computes again (never the other way round).
  const versions = await coverageVersionsOf(db, communeIds);
  const key = (communeId: string) => `${communeId}|${periodKey}|${options.series ? 's' : ''}`;
  const found = new Map<string, CommuneCoverage>();
  const missing: string[] = [];
  for (const communeId of communeIds) {
    const hit = memo.get(key(communeId), versions.get(communeId));
    if (hit) found.set(communeId, hit);
    else missing.push(communeId);
  }
  if (missing.length > 0)
    for (const value of await computeCoverage(db, missing, periodKey, options)) {
      found.set(value.communeId, value);
      memo.set(key(value.communeId), versions.get(value.communeId), value);
    }
  return communeIds.map((communeId) => found.get(communeId)!);
}

/** The same figures computed from the rollups now, without the memory: for checks. */
export async function computeCoverage(
  db: Db,
  communeIds: readonly string[],
  periodKey: string,
  options: { series: boolean },
): Promise<CommuneCoverage[]> {
  const period = periodRange(periodKey);
  const months = options.series ? seriesMonths(period) : [];
  const from = Math.min(period.start, months.length ? periodRange(months[0]!).start : period.start);
  const [base, tallies] = await Promise.all([
    baseInputs(db, communeIds, vnParts(period.end - 1).year),
    readTallies(db, communeIds, vnDate(from), vnDate(period.end), options.series),
  ]);
  const periodMonthKeys = periodMonths(periodKey);
  return communeIds.map((communeId) => {
    const input = base(communeId);
    const byMonth = Object.fromEntries(tallies.get(communeId) ?? []);
    const tally = options.series
      ? mergeTallies(periodMonthKeys.map((m) => byMonth[m] ?? emptyCoverageTally()))
      : (byMonth['*'] ?? emptyCoverageTally());
    const result = computeIndicators({ ...input, period, activity: tally.activity, digital: tally.digital });
    return {
      communeId,
      result,
      units: { villages: input.villages, schools: input.schools, organizations: input.organizations },
      settings: input.settings,
      digitalEvents: activeSum(result, tally.digital),
      phoneEvents: activeSum(result, tally.phone),
      series: options.series ? monthlySeries(input, months, byMonth) : null,
      byMonth,
    } as CommuneCoverage;
  });
}

/**
 * Each village's and school's latest activity before the period ended, ever (for "days since"). Kept like the
 * coverage figures, against the commune's counter: finding it reads every activity day the commune has, which at a
 * year of a commune's history cost more than the rest of the dashboard together.
 */
export async function lastActivityFor(db: Db, communeId: string, periodKey: string) {
  const days = await keptAgainstCounter(db, lastActivityMemo(db), communeId, `${communeId}|${periodKey}`, () =>
    lastActivityDays(db, communeId, vnDate(periodRange(periodKey).end)),
  );
  return (kind: 'v' | 's', id: string) => days.get(`${kind}:${id}`) ?? null;
}

/**
 * The computed criteria of every village of a commune for one recognition period, from the same indicator
 * function as the dashboard:
 * - outreach: the share of the commune's target periods (months or quarters) begun so far in which the village
 *   was reached (`reachedShare`);
 * - household commitment: verified households over households, for the campaign year the period ends in;
 * - mailbox and board: both installed before the period ended.
 */
export async function recognitionFacts(
  db: Db,
  commune: { id: string; targetFrequency: 'monthly' | 'quarterly' },
  periodKey: string,
  now: number,
): Promise<Record<string, ComputedFacts>> {
  // Kept like the coverage figures, against the commune's counter; the clock enters only through which target
  // periods have begun, so those are part of the key.
  const begun = targetPeriodsBegun(periodKey, headlineKind(commune.targetFrequency), now);
  return keptAgainstCounter(db, factsMemo(db), commune.id, `${commune.id}|${periodKey}|${begun.join(',')}`, () =>
    computeRecognitionFacts(db, commune.id, periodKey, begun),
  );
}

/** The commune's target periods (months or quarters) of a recognition period that have begun by `now`. */
function targetPeriodsBegun(periodKey: string, kind: ReturnType<typeof headlineKind>, now: number): string[] {
  const period = periodRange(periodKey);
  const keys: string[] = [];
  for (let t = period.start; t < period.end && t <= now; t = periodRange(keys.at(-1)!).end)
    keys.push(periodOf(kind, t));
  return keys;
}

async function computeRecognitionFacts(
  db: Db,
  communeId: string,
  periodKey: string,
  begun: readonly string[],
): Promise<Record<string, ComputedFacts>> {
  const period = periodRange(periodKey);
  const [base, tallies] = await Promise.all([
    baseInputs(db, [communeId], vnParts(period.end - 1).year),
    readTallies(db, [communeId], vnDate(period.start), vnDate(period.end), true),
  ]);
  const input = base(communeId);
  const byMonth = tallies.get(communeId) ?? new Map<string, CoverageTally>();
  const subPeriods = begun.map((key) => {
    const tally = mergeTallies(periodMonths(key).map((m) => byMonth.get(m) ?? emptyCoverageTally()));
    return computeIndicators({ ...input, period: periodRange(key), activity: tally.activity, digital: tally.digital });
  });
  const whole = computeIndicators({ ...input, period, ...emptyCoverageTally() });
  const share = reachedShare(
    subPeriods,
    whole.villages.map((v) => v.villageId),
  );
  const endDate = vnDate(period.end);
  const villages = new Map(input.villages.map((v) => [v.id, v]));
  return Object.fromEntries(
    whole.villages.map((v) => [
      v.villageId,
      {
        villageOutreach: share[v.villageId] ?? null,
        householdCommitment: v.commitmentRatio === null ? null : Math.floor(100 * v.commitmentRatio),
        mailboxBoard: hasMailboxAndBoard(villages.get(v.villageId)!, endDate) ? 100 : 0,
      },
    ]),
  );
}

/** Commitment coverage of a campaign year, as the commitments page shows it (the dashboard counts the same). */
export async function commitmentCoverageFor(db: Db, communeId: string, year: number) {
  const [units, tallies] = await Promise.all([
    coverageUnits(db, [communeId]),
    commitmentTallies(db, [communeId], year),
  ]);
  return commitmentCoverage(units, tallies.get(communeId) ?? emptyTallies());
}

/** Entry counts by kind and status for the campaign year a period ends in (the periodic report). */
export async function commitmentSummaryFor(db: Db, communeId: string, periodKeyOrYear: string | number) {
  const year =
    typeof periodKeyOrYear === 'number' ? periodKeyOrYear : vnParts(periodRange(periodKeyOrYear).end - 1).year;
  return commitmentSummary(db, communeId, year);
}
