import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { vnMidnight } from './periods.ts';
import type { Actor } from './roles.ts';
import {
  allowedTransitions,
  canEditCriteria,
  canManageRegistry,
  canReadRegistry,
  canReadReports,
  certificateNumber,
  checkEnteredValues,
  checkRecognitionCriteria,
  checkTransition,
  checkVillageActive,
  checklistComplete,
  checklistSummary,
  criteriaListInput,
  criterionInput,
  deadlineState,
  decidedLate,
  enteredValueInput,
  evaluateCriteria,
  nextDueRecognitionPeriod,
  registryStatuses,
  reportPeriodKey,
  roadmapProgress,
  transitionInput,
  type Criterion,
  type TransitionInput,
} from './registry.ts';

const requestId = '0b7c6f53-3c36-4c1e-9d0c-53a0f1b1d2a4';
const move = (to: TransitionInput['to'], extra: Partial<TransitionInput> = {}): TransitionInput => ({
  requestId,
  to,
  ...extra,
});
const errorOf = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected an error');
};
const now = vnMidnight(2026, 3, 5) + 10 * 3_600_000;

describe('status transitions', () => {
  it('follows the workflow not started → building → proposed → recognised → maintaining → lost → building', () => {
    expect(allowedTransitions('not_started')).toEqual(['building']);
    expect(allowedTransitions('building')).toContain('proposed');
    expect(allowedTransitions('proposed')).toEqual(['recognized', 'building']);
    expect(allowedTransitions('recognized')).toEqual(['maintaining', 'lost']);
    expect(allowedTransitions('lost')).toEqual(['building']);
  });

  it.each(registryStatuses)('refuses jumps that skip the proposal from %s', (from) => {
    if (from === 'proposed') return;
    const err = errorOf(() =>
      checkTransition(
        from,
        move('recognized', { periodKey: 'RP6-2026-03', decision: { number: '1', date: '2026-03-01' } }),
        now,
      ),
    );
    expect([409, 422]).toContain(err.status);
    if (from !== 'recognized' && from !== 'maintaining') expect(err.code).toBe('registry_transition');
  });

  it('needs a period to propose and a decision to recognise', () => {
    expect(errorOf(() => checkTransition('building', move('proposed'), now)).issues?.[0]?.path).toBe('periodKey');
    expect(
      errorOf(() => checkTransition('proposed', move('recognized', { periodKey: 'RP6-2026-03' }), now)).issues?.[0]
        ?.path,
    ).toBe('decision');
    expect(() =>
      checkTransition(
        'proposed',
        move('recognized', { periodKey: 'RP6-2026-03', decision: { number: '15/QĐ-UBND', date: '2026-03-04' } }),
        now,
      ),
    ).not.toThrow();
  });

  it('refuses a decision dated in the future or before its period began', () => {
    const at = (date: string) =>
      errorOf(() =>
        checkTransition(
          'proposed',
          move('recognized', { periodKey: 'RP6-2026-03', decision: { number: '1', date } }),
          now,
        ),
      ).code;
    expect(at('2026-03-06')).toBe('registry_decision_date');
    expect(at('2025-08-31')).toBe('registry_decision_date');
  });

  it('refuses a decision on a move that is not a recognition', () => {
    const err = errorOf(() =>
      checkTransition(
        'building',
        move('proposed', { periodKey: 'RP6-2026-03', decision: { number: '1', date: '2026-03-01' } }),
        now,
      ),
    );
    expect(err.status).toBe(422);
  });

  it('accepts only recognition periods as the period of a move', () => {
    expect(transitionInput.safeParse(move('proposed', { periodKey: 'RP12-2026-09' })).success).toBe(true);
    expect(transitionInput.safeParse(move('proposed', { periodKey: '2026-Q1' })).success).toBe(false);
    expect(transitionInput.safeParse(move('proposed', { periodKey: 'RP6-2026-05' })).success).toBe(false);
    expect(transitionInput.safeParse({ ...move('building'), requestId: 'not-a-uuid' }).success).toBe(false);
  });
});

describe('deadlines 10/3 and 10/9', () => {
  it('warns within two weeks of 10/3 and says overdue after it, in Vietnam time', () => {
    expect(deadlineState('RP6-2026-03', vnMidnight(2026, 2, 20))).toMatchObject({
      deadline: '2026-03-10',
      daysLeft: 18,
      level: 'ok',
    });
    expect(deadlineState('RP6-2026-03', vnMidnight(2026, 3, 1)).level).toBe('soon');
    // 23:59 on 10/3 in Vietnam is 16:59 UTC: still the deadline day.
    expect(deadlineState('RP6-2026-03', vnMidnight(2026, 3, 11) - 60_000)).toMatchObject({
      daysLeft: 0,
      level: 'soon',
    });
    expect(deadlineState('RP6-2026-03', vnMidnight(2026, 3, 11))).toMatchObject({ daysLeft: -1, level: 'overdue' });
  });

  it('puts the yearly period and the March–August six months on 10/9', () => {
    expect(deadlineState('RP12-2026-09', now).deadline).toBe('2026-09-10');
    expect(deadlineState('RP6-2026-09', now).deadline).toBe('2026-09-10');
    expect(() => deadlineState('2026-Q1', now)).toThrow(AppError);
  });

  it('marks a decision dated after the deadline as late', () => {
    expect(decidedLate('RP6-2026-03', '2026-03-10')).toBe(false);
    expect(decidedLate('RP6-2026-03', '2026-03-11')).toBe(true);
  });

  it('defaults to the period whose decision is due next', () => {
    expect(nextDueRecognitionPeriod(vnMidnight(2026, 3, 10))).toBe('RP6-2026-03');
    expect(nextDueRecognitionPeriod(vnMidnight(2026, 3, 11))).toBe('RP6-2026-09');
    expect(nextDueRecognitionPeriod(vnMidnight(2026, 11, 23))).toBe('RP6-2027-03');
  });
});

const criteria: Criterion[] = criteriaListInput.parse([
  {
    key: 'outreach',
    labelVi: 'Được tuyên truyền đủ',
    labelEn: 'Reached',
    source: 'computed',
    computedKey: 'villageOutreach',
    target: 100,
  },
  {
    key: 'mailbox',
    labelVi: 'Có hòm thư',
    labelEn: 'Mailbox',
    source: 'computed',
    computedKey: 'mailboxBoard',
    target: 100,
  },
  { key: 'crimePoints', labelVi: 'Số điểm phức tạp', labelEn: 'Crime points', source: 'entered', maxCount: 0 },
  { key: 'managed', labelVi: 'Số người trong diện quản lý', labelEn: 'Under management', source: 'entered' },
  { key: 'old', labelVi: 'Tiêu chí cũ', labelEn: 'Old criterion', source: 'entered', maxCount: 0, active: false },
]);

describe('criteria', () => {
  it('fills computed criteria from the indicators and judges entered counts against their limit', () => {
    const results = evaluateCriteria(
      criteria,
      { villageOutreach: 100, householdCommitment: null, mailboxBoard: 0 },
      { crimePoints: { value: 1, note: 'Công an xã, 02/2026' } },
    );
    expect(results.map((r) => [r.key, r.value, r.met])).toEqual([
      ['outreach', 100, true],
      ['mailbox', 0, false],
      ['crimePoints', 1, false],
      ['managed', null, null],
    ]);
    expect(checklistSummary(results)).toEqual({ total: 4, met: 1, unmet: 2, unknown: 1 });
  });

  it('counts a count without a limit as met once entered (the committee judges it)', () => {
    const [managed] = evaluateCriteria(
      criteria.filter((c) => c.key === 'managed'),
      { villageOutreach: null, householdCommitment: null, mailboxBoard: null },
      { managed: { value: 3, note: 'Công an xã' } },
    );
    expect(managed).toMatchObject({ value: 3, met: true, note: 'Công an xã' });
  });

  it('takes only non-negative whole counts with a source note', () => {
    expect(enteredValueInput.safeParse({ key: 'a', value: 0, note: 'Công an xã' }).success).toBe(true);
    expect(enteredValueInput.safeParse({ key: 'a', value: -1, note: 'Công an xã' }).success).toBe(false);
    expect(enteredValueInput.safeParse({ key: 'a', value: 1.5, note: 'Công an xã' }).success).toBe(false);
    expect(enteredValueInput.safeParse({ key: 'a', value: '2', note: 'Công an xã' }).success).toBe(false);
    expect(enteredValueInput.safeParse({ key: 'a', value: 2, note: '' }).success).toBe(false);
    expect(enteredValueInput.safeParse({ key: 'a', value: 2, note: 'x', name: 'Nguyễn Văn A' }).success).toBe(false);
  });

  it('refuses values for computed, inactive, unknown or repeated criteria', () => {
    const issues = errorOf(() =>
      checkEnteredValues(criteria, [
        { key: 'outreach' },
        { key: 'old' },
        { key: 'nope' },
        { key: 'managed' },
        { key: 'managed' },
      ]),
    ).issues!;
    expect(issues.map((i) => i.path)).toEqual(['values.0.key', 'values.1.key', 'values.2.key', 'values.4.key']);
  });

  it('calls a checklist complete when every active entered criterion has a value', () => {
    expect(checklistComplete(criteria, { crimePoints: 1 })).toBe(false);
    expect(checklistComplete(criteria, { crimePoints: 0, managed: 2 })).toBe(true);
  });

  it('refuses a computed criterion without its indicator and duplicate keys', () => {
    expect(
      criterionInput.safeParse({ key: 'x1', labelVi: 'abc', labelEn: 'abc', source: 'computed', target: 100 }).success,
    ).toBe(false);
    expect(
      criterionInput.safeParse({ key: 'x1', labelVi: 'abc', labelEn: 'abc', source: 'entered', target: 100 }).success,
    ).toBe(false);
    const one = { key: 'x1', labelVi: 'abc', labelEn: 'abc', source: 'entered' };
    expect(criteriaListInput.safeParse([one, one]).success).toBe(false);
  });
});

describe('roadmap plan against actual', () => {
  const villages = [
    { id: 'a', active: true, roadmapTargetYear: 2025 },
    { id: 'b', active: true, roadmapTargetYear: 2025 },
    { id: 'c', active: true, roadmapTargetYear: 2027 },
    { id: 'd', active: false, roadmapTargetYear: 2025 },
    { id: 'e', active: true, roadmapTargetYear: null },
  ];
  it('gives cumulative targets and the villages drug-free at each year end, none for years to come', () => {
    const years = roadmapProgress(
      villages,
      [
        { villageId: 'a', date: '2025-09-05', to: 'recognized' },
        { villageId: 'b', date: '2026-03-08', to: 'recognized' },
        { villageId: 'a', date: '2026-06-01', to: 'lost' },
        { villageId: 'd', date: '2025-09-05', to: 'recognized' },
      ],
      vnMidnight(2026, 11, 23),
    );
    expect(years).toEqual([
      { year: 2025, planned: 2, actual: 1 },
      { year: 2026, planned: 2, actual: 1 },
      { year: 2027, planned: 3, actual: null },
    ]);
  });
  it('handles a commune with no roadmap and no history', () => {
    expect(roadmapProgress([], [], vnMidnight(2026, 1, 1))).toEqual([{ year: 2026, planned: 0, actual: 0 }]);
  });
  it('numbers certificates within the year', () => {
    expect(certificateNumber(5, '2026-03-04')).toBe('05/GCN-2026');
  });
});

describe('roles', () => {
  const actor = (role: Actor['role'], communeId: string | null = 'A') =>
    ({ accountId: 'x', role, provinceId: 'P', communeId, villageId: null, schoolId: null }) as Actor;
  it('lets commune admins write their own commune only, and province viewers read', () => {
    expect(canManageRegistry(actor('commune_admin'), 'A')).toBe(true);
    expect(canManageRegistry(actor('commune_admin'), 'B')).toBe(false);
    expect(canManageRegistry(actor('province_viewer', null), 'A')).toBe(false);
    expect(canReadRegistry(actor('province_viewer', null))).toBe(true);
    expect(canReadRegistry(actor('village_head'))).toBe(true);
    expect(canReadRegistry(actor('organizer'))).toBe(false);
    expect(canReadReports(actor('village_head'))).toBe(false);
    expect(canEditCriteria(actor('commune_admin'))).toBe(false);
    expect(canEditCriteria(actor('system', null))).toBe(true);
  });
});

describe('report periods', () => {
  it('are quarters, halves and years only', () => {
    for (const key of ['2026-Q1', '2026-H2', '2026']) expect(reportPeriodKey.safeParse(key).success, key).toBe(true);
    for (const key of ['2026-03', 'RP6-2026-03', 'SY2026-2027', '2026-Q5', '1999'])
      expect(reportPeriodKey.safeParse(key).success, key).toBe(false);
  });
});

describe('recognition against unmet criteria', () => {
  const row = (key: string, source: 'computed' | 'entered', met: boolean | null) => ({
    key,
    labelVi: key,
    labelEn: key,
    source,
    value: null,
    met,
    target: null,
    maxCount: null,
    note: null,
    toCheck: false,
  });
  const checklist = [
    row('villageOutreach', 'computed', false),
    row('mailboxBoard', 'computed', null),
    row('dealers', 'entered', false),
  ];
  const reason = { reason: 'Ban chỉ đạo xã đã kiểm tra thực tế tại thôn.' };

  it('needs a written reason to recognise a village whose computed criteria are not met', () => {
    expect(() => checkRecognitionCriteria({ to: 'recognized' }, checklist)).toThrowError(
      expect.objectContaining({ status: 422, code: 'registry_criteria_unmet' }),
    );
    expect(checkRecognitionCriteria({ to: 'maintaining', override: reason }, checklist)).toEqual({
      reason: reason.reason,
      criteria: ['villageOutreach'],
    });
  });

  it('keeps no override when the computed criteria are met or unknown, and refuses one on other moves', () => {
    const met = [row('villageOutreach', 'computed', true), row('mailboxBoard', 'computed', null)];
    expect(checkRecognitionCriteria({ to: 'recognized' }, met)).toBeNull();
    expect(checkRecognitionCriteria({ to: 'recognized', override: reason }, met)).toBeNull();
    expect(() => checkRecognitionCriteria({ to: 'proposed', override: reason }, checklist)).toThrow(AppError);
    expect(checkRecognitionCriteria({ to: 'building' }, checklist)).toBeNull();
  });

  it('takes a reason of at least ten characters', () => {
    const base = { requestId, to: 'recognized' };
    expect(transitionInput.safeParse({ ...base, override: { reason: 'vì sao' } }).success).toBe(false);
    expect(transitionInput.safeParse({ ...base, override: reason }).success).toBe(true);
  });
});

describe('checkVillageActive', () => {
  it('lets an inactive village only be reset or marked lost', () => {
    expect(() => checkVillageActive(false, 'building')).toThrowError(
      expect.objectContaining({ status: 409, code: 'registry_village_inactive' }),
    );
    expect(() => checkVillageActive(false, 'lost')).not.toThrow();
    expect(() => checkVillageActive(true, 'building')).not.toThrow();
  });
});
