import {
  computeIndicators,
  defaultCoverageSettings,
  emptyTallies,
  headlineKind,
  periodOf,
  periodRange,
  vnDate,
  vnParts,
  type ComputedFacts,
  type DigitalReach,
  type IndicatorInput,
} from '@vungxanh/domain';
import {
  activityTouches,
  commitmentTallies,
  coverageUnits,
  digitalReachByMonth,
  getCoverageSettings,
  type Db,
} from '@vungxanh/db';

interface CommuneRef {
  id: string;
  targetFrequency: 'monthly' | 'quarterly';
}

/**
 * The computed criteria of every village of a commune for one recognition period, from the same indicator function
 * the dashboard uses (`computeIndicators`):
 * - outreach: the share of the commune's target periods (months or quarters) begun so far in which the village was
 *   reached, so "every month" means every month of the recognition period;
 * - household commitment: verified households over households, for the campaign tallies the commitments feature gives
 *   (`commitmentTallies` for the campaign year the period ends in);
 * - mailbox and board: both installed before the period ended.
 */
export async function computedFacts(
  db: Db,
  commune: CommuneRef,
  periodKey: string,
  now: number,
): Promise<Record<string, ComputedFacts>> {
  const period = periodRange(periodKey);
  const ids = [commune.id];
  const settings = (await getCoverageSettings(db, ids)).get(commune.id) ?? defaultCoverageSettings;
  const [units, touches, tallies, digitalByMonth] = await Promise.all([
    coverageUnits(db, ids),
    activityTouches(db, ids, vnDate(period.start), vnDate(period.end)),
    commitmentTallies(db, ids, vnParts(period.end - 1).year),
    // Kiosk events only count toward "reached" where the commune turned that on: otherwise skip reading them.
    settings.digitalReachCounts ? digitalReachByMonth(db, ids, period.start, period.end) : Promise.resolve({}),
  ]);
  const base: Omit<IndicatorInput, 'period' | 'digital'> = {
    villages: units.villages,
    schools: units.schools,
    organizations: units.organizations,
    touches,
    commitments: tallies.get(commune.id) ?? emptyTallies(),
    settings,
    recognizedVillageIds: [],
  };
  const months = (digitalByMonth as Record<string, Record<string, Record<string, DigitalReach>>>)[commune.id] ?? {};
  const kind = headlineKind(commune.targetFrequency);
  const reachedIn = new Map<string, number>();
  let started = 0;
  for (let t = period.start; t < period.end && t <= now;) {
    const sub = periodRange(periodOf(kind, t));
    const digital = digitalWithin(months, sub.start, sub.end);
    const result = computeIndicators({ ...base, period: sub, digital });
    for (const v of result.villages) if (v.reached) reachedIn.set(v.villageId, (reachedIn.get(v.villageId) ?? 0) + 1);
    started += 1;
    t = sub.end;
  }
  const whole = computeIndicators({ ...base, period, digital: {} });
  const equipped = new Set(whole.figures.mailboxBoard.unitIds);
  const out: Record<string, ComputedFacts> = {};
  for (const v of whole.villages) {
    out[v.villageId] = {
      villageOutreach: started > 0 ? Math.floor((100 * (reachedIn.get(v.villageId) ?? 0)) / started) : null,
      householdCommitment: v.commitmentRatio === null ? null : Math.floor(100 * v.commitmentRatio),
      mailboxBoard: equipped.has(v.villageId) ? 100 : 0,
    };
  }
  return out;
}

/** Digital reach per village summed over the months that fall inside [start, end). */
function digitalWithin(
  byMonth: Readonly<Record<string, Readonly<Record<string, DigitalReach>>>>,
  start: number,
  end: number,
): Record<string, DigitalReach> {
  const out: Record<string, DigitalReach> = {};
  for (const [month, villages] of Object.entries(byMonth)) {
    const m = periodRange(month);
    if (m.start < start || m.start >= end) continue;
    for (const [id, d] of Object.entries(villages)) {
      const sum = (out[id] ??= { events: 0, quizzes: 0 });
      sum.events += d.events;
      sum.quizzes += d.quizzes;
    }
  }
  return out;
}
