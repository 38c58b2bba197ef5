import {
  computeIndicators,
  daysLeft,
  defaultCoverageSettings,
  emptyCommitmentTallies,
  monthlySeries,
  periodDays,
  periodLabel,
  periodMonths,
  periodOf,
  periodRange,
  previousPeriod,
  vnDate,
  type DigitalReach,
  type IndicatorResult,
  type Period,
} from '@vungxanh/domain';
import {
  activityTouches,
  commitmentTallies,
  coverageUnits,
  digitalReach,
  digitalReachByMonth,
  getCoverageSettings,
  recognizedVillages,
  type Db,
} from '@vungxanh/db';

/** Loading and computing coverage for one or many communes: the handlers' shared part. */

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

/** Events per village over the months a period covers (periods are whole months, so this is exact). */
export function sumMonths(byMonth: Record<string, Record<string, DigitalReach>> | undefined, months: string[]) {
  const out: Record<string, DigitalReach> = {};
  for (const month of months) {
    for (const [villageId, d] of Object.entries(byMonth?.[month] ?? {})) {
      const acc = (out[villageId] ??= { events: 0, quizzes: 0 });
      acc.events += d.events;
      acc.quizzes += d.quizzes;
    }
  }
  return out;
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

export interface CommuneCoverage {
  communeId: string;
  result: IndicatorResult;
  units: Awaited<ReturnType<typeof coverageUnits>>;
  settings: { digitalReachCounts: boolean; minEvents: number };
  digitalEvents: number;
  series: ReturnType<typeof monthlySeries> | null;
  digitalByMonth: Record<string, Record<string, DigitalReach>>;
  touches: Awaited<ReturnType<typeof activityTouches>>;
}

/**
 * Coverage of each commune for the period, read with one query per source for all of them (so a province of a
 * hundred communes costs the same number of round trips as one commune).
 */
export async function loadCoverage(
  db: Db,
  communeIds: readonly string[],
  periodKey: string,
  options: { series: boolean },
): Promise<CommuneCoverage[]> {
  if (communeIds.length === 0) return [];
  const period = periodRange(periodKey);
  const months = options.series ? seriesMonths(period) : [];
  const from = Math.min(period.start, months.length ? periodRange(months[0]!).start : period.start);
  const [units, touches, digital, digitalTotals, tallies, recognized, settings] = await Promise.all([
    coverageUnits(db, communeIds),
    activityTouches(db, communeIds, vnDate(from), vnDate(period.end)),
    // The chart needs events month by month; a period alone needs only one sum per village, which is cheaper.
    options.series ? digitalReachByMonth(db, communeIds, from, period.end) : null,
    options.series ? null : digitalReach(db, communeIds, period.start, period.end),
    commitmentTallies(db, communeIds),
    recognizedVillages(db, communeIds),
    getCoverageSettings(db, communeIds),
  ]);
  const villagesBy = groupBy(units.villages);
  const schoolsBy = groupBy(units.schools);
  const orgsBy = groupBy(units.organizations);
  const touchesBy = groupBy(touches);
  const periodMonthKeys = periodMonths(periodKey);
  return communeIds.map((communeId) => {
    const base = {
      villages: villagesBy.get(communeId) ?? [],
      schools: schoolsBy.get(communeId) ?? [],
      organizations: orgsBy.get(communeId) ?? [],
      touches: touchesBy.get(communeId) ?? [],
      commitments: tallies[communeId] ?? emptyCommitmentTallies(),
      settings: settings.get(communeId) ?? defaultCoverageSettings,
      recognizedVillageIds: recognized[communeId] ?? [],
    };
    const digitalByMonth = digital?.[communeId] ?? {};
    const periodDigital = digitalTotals ? (digitalTotals[communeId] ?? {}) : sumMonths(digitalByMonth, periodMonthKeys);
    return {
      communeId,
      result: computeIndicators({ ...base, period, digital: periodDigital }),
      units: { villages: base.villages, schools: base.schools, organizations: base.organizations },
      settings: base.settings,
      digitalEvents: Object.values(periodDigital).reduce((s, d) => s + d.events, 0),
      series: options.series ? monthlySeries(base, months, digitalByMonth) : null,
      digitalByMonth,
      touches: base.touches,
    };
  });
}
