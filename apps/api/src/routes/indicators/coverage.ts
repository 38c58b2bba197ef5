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
  digitalTotals,
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
  const [units, settings] = await Promise.all([coverageUnits(db, communeIds), getCoverageSettings(db, communeIds)]);
  const settingsOf = (id: string) => settings.get(id) ?? defaultCoverageSettings;
  // The chart needs events village by village and month by month. Without a chart (the province view), only
  // communes that count digital reach need events per village; the others need one sum, which is much cheaper.
  const perVillage = options.series ? [...communeIds] : communeIds.filter((id) => settingsOf(id).digitalReachCounts);
  const summed = options.series ? [] : communeIds.filter((id) => !settingsOf(id).digitalReachCounts);
  const inactive = units.villages.filter((v) => !v.active).map((v) => v.id);
  type ByVillage = Record<string, Record<string, DigitalReach>>;
  const none = <T>(): Record<string, T> => ({});
  const [touches, byMonth, byVillage, totals, tallies, recognized] = await Promise.all([
    activityTouches(db, communeIds, vnDate(from), vnDate(period.end)),
    options.series ? digitalReachByMonth(db, perVillage, from, period.end) : none<ByVillage>(),
    !options.series && perVillage.length
      ? digitalReach(db, perVillage, period.start, period.end)
      : none<Record<string, DigitalReach>>(),
    summed.length ? digitalTotals(db, summed, period.start, period.end, inactive) : none<DigitalReach>(),
    commitmentTallies(db, communeIds),
    recognizedVillages(db, communeIds),
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
      settings: settingsOf(communeId),
      recognizedVillageIds: recognized[communeId] ?? [],
    };
    const digitalByMonth = byMonth[communeId] ?? {};
    const total = summed.includes(communeId) ? (totals[communeId] ?? { events: 0, quizzes: 0 }) : undefined;
    const periodDigital = options.series ? sumMonths(digitalByMonth, periodMonthKeys) : (byVillage[communeId] ?? {});
    return {
      communeId,
      result: computeIndicators({ ...base, period, digital: periodDigital, ...(total ? { digitalTotal: total } : {}) }),
      units: { villages: base.villages, schools: base.schools, organizations: base.organizations },
      settings: base.settings,
      digitalEvents: total?.events ?? Object.values(periodDigital).reduce((s, d) => s + d.events, 0),
      series: options.series ? monthlySeries(base, months, digitalByMonth) : null,
      digitalByMonth,
      touches: base.touches,
    };
  });
}
