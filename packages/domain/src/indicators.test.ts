import { describe, expect, it } from 'vitest';
import {
  computeIndicators,
  daysBetween,
  defaultCoverageSettings,
  indicatorKeys,
  monthlySeries,
  reachedShare,
  tallyTouches,
  type ActivityTouch,
  type IndicatorInput,
  type VillageUnit,
} from './indicators.ts';
import { emptyTallies } from './commitment-coverage.ts';
import { periodRange } from './periods.ts';

const village = (id: string, over: Partial<VillageUnit> = {}): VillageUnit => ({
  id,
  name: id,
  active: true,
  households: 100,
  population: 400,
  mailboxInstalledOn: null,
  boardInstalledOn: null,
  roadmapTargetYear: null,
  ...over,
});
let n = 0;
const touch = (date: string, villageId: string | null, schoolId: string | null = null): ActivityTouch => ({
  activityId: `a${++n}`,
  date,
  villageId,
  schoolId,
});

/** An input whose activity tally is cut from raw touches, the way a from-scratch recomputation would. */
const input = ({
  touches = [],
  ...over
}: Partial<IndicatorInput> & { touches?: ActivityTouch[] } = {}): IndicatorInput => {
  const period = over.period ?? periodRange('2026-Q4');
  return {
    period,
    villages: [],
    schools: [],
    organizations: [],
    activity: tallyTouches(touches, period),
    digital: {},
    commitments: emptyTallies(),
    settings: defaultCoverageSettings,
    recognizedVillageIds: [],
    ...over,
  };
};

describe('computeIndicators', () => {
  it('gives every indicator a null ratio for an empty commune, never a division by zero', () => {
    const r = computeIndicators(input());
    for (const key of indicatorKeys) {
      expect(r.figures[key]).toMatchObject({ numerator: 0, denominator: 0, ratio: null });
    }
    expect(r.villages).toEqual([]);
  });

  it('counts a village reached when an activity falls inside the period, in Vietnam dates', () => {
    const r = computeIndicators(
      input({
        villages: [village('v1'), village('v2'), village('v3')],
        touches: [
          touch('2026-10-01', 'v1'),
          touch('2026-12-31', 'v2'),
          touch('2027-01-01', 'v3'),
          touch('2026-09-30', 'v3'),
        ],
      }),
    );
    expect(r.figures.villageOutreach).toMatchObject({
      numerator: 2,
      denominator: 3,
      unitIds: ['v1', 'v2'],
      missingIds: ['v3'],
    });
    expect(r.figures.villageOutreach.ratio).toBeCloseTo(2 / 3);
    expect(r.villages.find((v) => v.villageId === 'v2')).toMatchObject({
      reached: true,
      reachedBy: 'activity',
      lastActivityDate: '2026-12-31',
    });
  });

  it('leaves inactive villages out of the denominator, even when they were reached', () => {
    const r = computeIndicators(
      input({
        villages: [village('v1'), village('old', { active: false })],
        touches: [touch('2026-11-02', 'old')],
      }),
    );
    expect(r.figures.villageOutreach).toMatchObject({ numerator: 0, denominator: 1, missingIds: ['v1'] });
    expect(r.villages.map((v) => v.villageId)).toEqual(['v1']);
  });

  it('counts an activity that reached several villages for each, but as one activity', () => {
    const one = { activityId: 'shared', date: '2026-11-05', schoolId: null };
    const r = computeIndicators(
      input({
        villages: [village('v1'), village('v2'), village('v3')],
        touches: [
          { ...one, villageId: 'v1' },
          { ...one, villageId: 'v2' },
        ],
      }),
    );
    expect(r.figures.villageOutreach).toMatchObject({ numerator: 2, denominator: 3 });
    expect(r.activityCount).toBe(1);
  });

  it('counts a village added mid-period for the whole period', () => {
    // The row for v2 was typed in during December; it is in the denominator of Q4 all the same.
    const before = computeIndicators(input({ villages: [village('v1')], touches: [touch('2026-10-10', 'v1')] }));
    const after = computeIndicators(
      input({ villages: [village('v1'), village('v2')], touches: [touch('2026-10-10', 'v1')] }),
    );
    expect(before.figures.villageOutreach.ratio).toBe(1);
    expect(after.figures.villageOutreach).toMatchObject({ numerator: 1, denominator: 2, missingIds: ['v2'] });
  });

  it('counts digital reach only when the commune switched it on and the village met the minimum', () => {
    const base = input({
      villages: [village('v1'), village('v2')],
      digital: { v1: { events: 25, quizzes: 3 }, v2: { events: 5, quizzes: 0 } },
    });
    expect(computeIndicators(base).figures.villageOutreach.numerator).toBe(0);
    const on = computeIndicators({ ...base, settings: { digitalReachCounts: true, minEvents: 20 } });
    expect(on.figures.villageOutreach).toMatchObject({ numerator: 1, unitIds: ['v1'] });
    expect(on.villages[0]).toMatchObject({ reachedBy: 'digital', digitalEvents: 25 });
    const low = computeIndicators({ ...base, settings: { digitalReachCounts: true, minEvents: 5 } });
    expect(low.figures.villageOutreach.numerator).toBe(2);
  });

  it('computes school coverage over active schools', () => {
    const r = computeIndicators(
      input({
        schools: [
          { id: 's1', name: 'A', active: true },
          { id: 's2', name: 'B', active: true },
          { id: 's3', name: 'C', active: false },
        ],
        touches: [touch('2026-11-01', null, 's1'), touch('2026-11-01', null, 's3')],
      }),
    );
    expect(r.figures.schoolOutreach).toMatchObject({ numerator: 1, denominator: 2, missingIds: ['s2'] });
    expect(r.schools[0]).toMatchObject({ schoolId: 's1', reached: true, activities: 1 });
  });

  it('counts verified households once per household, capped at the village, and skips unknown household counts', () => {
    const r = computeIndicators(
      input({
        villages: [
          village('v1', { households: 100 }),
          village('v2', { households: 50 }),
          village('v3', { households: null }),
        ],
        commitments: {
          ...emptyTallies(),
          householdsByVillage: { v1: 40, v2: 60, v3: 10 },
        },
      }),
    );
    expect(r.figures.householdCommitment).toMatchObject({
      numerator: 90,
      denominator: 150,
      unitIds: ['v2'],
      missingIds: ['v1'],
    });
    expect(r.villages.map((v) => v.commitmentRatio)).toEqual([0.4, 1, null]);
  });

  it('counts organizations and schools with a verified commitment over the active ones', () => {
    const r = computeIndicators(
      input({
        schools: [{ id: 's1', name: 'S', active: true }],
        organizations: [
          { id: 'o1', name: 'O1', active: true },
          { id: 'o2', name: 'O2', active: true },
          { id: 'o3', name: 'O3', active: false },
        ],
        commitments: { ...emptyTallies(), organizationIds: ['o1', 'o3'], schoolIds: ['s1'] },
      }),
    );
    expect(r.figures.organizationCommitment).toMatchObject({
      numerator: 2,
      denominator: 3,
      unitIds: ['o1', 's1'],
      missingIds: ['o2'],
    });
  });

  it('needs both the mailbox and the board, installed before the period ends', () => {
    const r = computeIndicators(
      input({
        villages: [
          village('both', { mailboxInstalledOn: '2026-01-01', boardInstalledOn: '2026-12-31' }),
          village('late', { mailboxInstalledOn: '2026-01-01', boardInstalledOn: '2027-01-01' }),
          village('one', { mailboxInstalledOn: '2026-01-01' }),
        ],
      }),
    );
    expect(r.figures.mailboxBoard).toMatchObject({ numerator: 1, denominator: 3, unitIds: ['both'] });
  });

  it('gives quizzes per thousand residents', () => {
    const r = computeIndicators(
      input({
        villages: [village('v1', { population: 1500 }), village('v2', { population: 500 })],
        digital: { v1: { events: 10, quizzes: 30 } },
      }),
    );
    expect(r.figures.quizReach).toMatchObject({ numerator: 30, denominator: 2, ratio: 15, unitIds: ['v1'] });
  });

  it('takes quizzes from the commune total when per-village figures were not loaded', () => {
    const r = computeIndicators(
      input({ villages: [village('v1', { population: 2000 })], digitalTotal: { events: 90, quizzes: 12 } }),
    );
    expect(r.figures.quizReach).toMatchObject({ numerator: 12, denominator: 2, ratio: 6 });
    expect(r.figures.villageOutreach.numerator).toBe(0);
  });

  it('counts drug-free villages against the roadmap target of the period year', () => {
    const r = computeIndicators(
      input({
        villages: [
          village('v1', { roadmapTargetYear: 2025 }),
          village('v2', { roadmapTargetYear: 2026 }),
          village('v3', { roadmapTargetYear: 2027 }),
          village('gone', { active: false, roadmapTargetYear: 2025 }),
        ],
        recognizedVillageIds: ['v1', 'gone'],
      }),
    );
    expect(r.figures.drugFree).toMatchObject({ numerator: 1, denominator: 3, target: 2, unitIds: ['v1'] });
  });
});

describe('monthlySeries', () => {
  it('computes each month with the headline rule', () => {
    const touches = [touch('2026-10-03', 'v1'), touch('2026-11-30', 'v1'), touch('2026-11-30', 'v2')];
    const series = monthlySeries(
      {
        villages: [village('v1'), village('v2')],
        schools: [],
        organizations: [],
        commitments: emptyTallies(),
        settings: { digitalReachCounts: true, minEvents: 1 },
        recognizedVillageIds: [],
      },
      ['2026-10', '2026-11', '2026-12'],
      {
        '2026-10': { activity: tallyTouches(touches, periodRange('2026-10')), digital: {} },
        '2026-11': { activity: tallyTouches(touches, periodRange('2026-11')), digital: {} },
        '2026-12': { activity: tallyTouches([], periodRange('2026-12')), digital: { v2: { events: 3, quizzes: 0 } } },
      },
    );
    expect(series).toEqual([
      {
        month: '2026-10',
        villagesReached: 1,
        villages: 2,
        schoolsReached: 0,
        schools: 0,
        activities: 1,
        digitalEvents: 0,
      },
      {
        month: '2026-11',
        villagesReached: 2,
        villages: 2,
        schoolsReached: 0,
        schools: 0,
        activities: 2,
        digitalEvents: 0,
      },
      {
        month: '2026-12',
        villagesReached: 1,
        villages: 2,
        schoolsReached: 0,
        schools: 0,
        activities: 0,
        digitalEvents: 3,
      },
    ]);
  });
});

describe('daysBetween', () => {
  it('counts calendar days across February', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
  });
});

describe('reachedShare', () => {
  it('gives each village the share of begun sub-periods in which it was reached, rounded down', () => {
    const villages = [village('v1'), village('v2'), village('v3')];
    const months = ['2026-09', '2026-10', '2026-11'].map((m) =>
      computeIndicators(
        input({
          period: periodRange(m),
          villages,
          touches: [touch('2026-09-30', 'v1'), touch('2026-10-01', 'v1'), touch('2026-11-15', 'v2')],
        }),
      ),
    );
    expect(reachedShare(months, ['v1', 'v2', 'v3'])).toEqual({ v1: 66, v2: 33, v3: 0 });
    expect(reachedShare([], ['v1'])).toEqual({ v1: null });
  });
});
