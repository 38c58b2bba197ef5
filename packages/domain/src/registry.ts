import { z } from 'zod';
import { AppError } from './errors.ts';
import { parsePeriod, periodRange, recognitionDeadline, vnDateStart, vnParts } from './periods.ts';
import type { Actor } from './roles.ts';
import { isoDate } from './units.ts';

/**
 * The drug-free village registry (DESIGN.md §4): a status per village, recognition decisions per recognition period,
 * and a criteria checklist per period. Criteria the system can compute come from the indicators; the others are
 * aggregate counts entered with their source: never names, never individuals.
 */

export const registryStatuses = ['not_started', 'building', 'proposed', 'recognized', 'maintaining', 'lost'] as const;
export type RegistryStatus = (typeof registryStatuses)[number];

/**
 * Allowed moves. A proposal goes back to "building" when the committee does not recognise it; "maintaining" is a
 * recognised village confirmed again for a later period; a lost status is rebuilt from "building".
 */
const transitions: Record<RegistryStatus, readonly RegistryStatus[]> = {
  not_started: ['building'],
  building: ['proposed', 'not_started'],
  proposed: ['recognized', 'building'],
  recognized: ['maintaining', 'lost'],
  maintaining: ['maintaining', 'lost'],
  lost: ['building'],
};

export function allowedTransitions(from: RegistryStatus): readonly RegistryStatus[] {
  return transitions[from];
}

/** Moves that are a committee decision and so carry its number and date. */
export const decisionStatuses = ['recognized', 'maintaining'] as const satisfies readonly RegistryStatus[];
export type DecisionKind = (typeof decisionStatuses)[number];
export const needsDecision = (to: RegistryStatus): to is DecisionKind =>
  (decisionStatuses as readonly string[]).includes(to);
/** Moves that are about one recognition period. */
export const needsPeriod = (to: RegistryStatus) => to === 'proposed' || needsDecision(to);

/** Statuses that count as drug-free on the dashboard and the roadmap chart. */
export const isDrugFree = (status: RegistryStatus) => status === 'recognized' || status === 'maintaining';

/** A six-month or yearly recognition period key (`RP6-2026-03`, `RP6-2026-09`, `RP12-2026-09`). */
export const recognitionPeriodKey = z
  .string()
  .max(20)
  .refine((k) => {
    const p = parsePeriod(k);
    return p?.kind === 'recognition_6m' || p?.kind === 'recognition_12m';
  }, 'invalid period');

export const decisionInput = z.strictObject({
  number: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[^\p{Cc}]*$/u),
  date: isoDate,
  certificateNumber: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[^\p{Cc}]*$/u)
    .optional(),
});

export const transitionInput = z.strictObject({
  /** Made by the client, so a retried request returns the first result instead of moving twice. */
  requestId: z.uuid(),
  to: z.enum(registryStatuses),
  periodKey: recognitionPeriodKey.optional(),
  decision: decisionInput.optional(),
  note: z.string().trim().max(500).optional(),
  /**
   * A recognition against computed criteria that are not met: the committee's written reason for deciding anyway.
   * It is kept on the decision, in the audit log and on the registry screen.
   */
  override: z
    .strictObject({
      reason: z
        .string()
        .trim()
        .min(10)
        .max(500)
        .regex(/^[^\p{Cc}]*$/u),
    })
    .optional(),
});
export type TransitionInput = z.infer<typeof transitionInput>;

/**
 * Checks a move before it is written. Throws 409 `registry_transition` for a move the workflow does not allow, 422
 * for a missing period or decision, and 422 `registry_decision_date` for a decision dated in the future or before the
 * period started.
 */
export function checkTransition(from: RegistryStatus, input: TransitionInput, now: number): void {
  if (!transitions[from].includes(input.to)) {
    throw new AppError(409, 'registry_transition', { from, to: input.to });
  }
  if (needsPeriod(input.to) && !input.periodKey) {
    throw new AppError(422, 'validation_failed', {}, [{ path: 'periodKey', message: 'required' }]);
  }
  if (needsDecision(input.to)) {
    if (!input.decision) throw new AppError(422, 'validation_failed', {}, [{ path: 'decision', message: 'required' }]);
    const day = vnDateStart(input.decision.date);
    const period = periodRange(input.periodKey!);
    if (day > now || day < period.start) throw new AppError(422, 'registry_decision_date');
  } else if (input.decision) {
    throw new AppError(422, 'validation_failed', {}, [{ path: 'decision', message: 'only for a recognition' }]);
  }
}

/** An inactive village can only be reset or marked lost: it is out of the commune's list. */
export function checkVillageActive(active: boolean, to: RegistryStatus): void {
  if (!active && to !== 'not_started' && to !== 'lost') throw new AppError(409, 'registry_village_inactive');
}

/** What a recognition records when it was decided against unmet computed criteria. */
export interface RecognitionOverride {
  reason: string;
  /** The keys of the computed criteria that were not met when it was decided. */
  criteria: string[];
}

/**
 * A recognition (or maintained status) whose computed criteria are not all met needs an override with a written
 * reason: throws 422 `registry_criteria_unmet` naming them otherwise. Answers the override to record, or null when
 * every computed criterion is met or still unknown (an override given then is not needed and not kept).
 */
export function checkRecognitionCriteria(
  input: Pick<TransitionInput, 'to' | 'override'>,
  checklist: readonly CriterionResult[],
): RecognitionOverride | null {
  if (!needsDecision(input.to)) {
    if (input.override) {
      throw new AppError(422, 'validation_failed', {}, [{ path: 'override', message: 'only for a recognition' }]);
    }
    return null;
  }
  const unmet = checklist.filter((c) => c.source === 'computed' && c.met === false).map((c) => c.key);
  if (unmet.length === 0) return null;
  if (!input.override) throw new AppError(422, 'registry_criteria_unmet', { criteria: unmet.join(', ') });
  return { reason: input.override.reason, criteria: unmet };
}

export type DeadlineLevel = 'ok' | 'soon' | 'overdue';
export interface DeadlineState {
  periodKey: string;
  deadline: string;
  daysLeft: number;
  level: DeadlineLevel;
}

/** Days before the deadline when the registry starts warning. */
export const deadlineWarningDays = 14;

/**
 * Where a recognition period stands against its deadline (10/3 or 10/9) on the Vietnam day of `now`: days left until
 * the end of the deadline day, "soon" within two weeks, "overdue" after it.
 */
export function deadlineState(periodKey: string, now: number): DeadlineState {
  const deadline = recognitionDeadline(periodKey);
  if (!deadline) throw new AppError(422, 'invalid_period', { key: periodKey });
  const { year, month, day } = vnParts(now);
  const today = Date.UTC(year, month - 1, day);
  const due = Date.parse(`${deadline}T00:00:00Z`);
  const daysLeft = Math.round((due - today) / 86_400_000);
  const level: DeadlineLevel = daysLeft < 0 ? 'overdue' : daysLeft <= deadlineWarningDays ? 'soon' : 'ok';
  return { periodKey, deadline, daysLeft, level };
}

/** True when a decision date falls after its period's deadline (recorded, and shown as late). */
export function decidedLate(periodKey: string, date: string): boolean {
  const deadline = recognitionDeadline(periodKey);
  return deadline !== null && date > deadline;
}

/** The recognition periods to choose from around `now` (last year to next year), by deadline. */
export function recognitionPeriodChoices(now: number): string[] {
  const { year } = vnParts(now);
  const keys: string[] = [];
  for (let y = year - 1; y <= year + 1; y++) keys.push(`RP6-${y}-03`, `RP6-${y}-09`, `RP12-${y}-09`);
  return keys;
}

/** The period whose decision is due next (its deadline is today or later): the registry's default. */
export function nextDueRecognitionPeriod(now: number): string {
  return recognitionPeriodChoices(now).find((k) => deadlineState(k, now).daysLeft >= 0)!;
}

// Criteria ------------------------------------------------------------------------------------------------------

/** Criteria the system fills in, each from one indicator of DESIGN.md §7. */
export const computedCriterionKeys = ['villageOutreach', 'householdCommitment', 'mailboxBoard'] as const;
export type ComputedCriterionKey = (typeof computedCriterionKeys)[number];
export const criterionSources = ['computed', 'entered'] as const;
export type CriterionSource = (typeof criterionSources)[number];

const label = z
  .string()
  .trim()
  .min(3)
  .max(300)
  .regex(/^[^\p{Cc}]*$/u);

/**
 * One criterion as a province keeps it. Computed: met when the indicator's percentage reaches `target`. Entered: an
 * aggregate count, met when it is at most `maxCount`; without a limit the count is recorded for the committee's
 * judgement and the criterion is met once entered.
 */
export const criterionInput = z
  .strictObject({
    key: z.string().regex(/^[a-z][a-zA-Z0-9_]{1,39}$/, 'letters, digits and _ only, starting with a lowercase letter'),
    labelVi: label,
    labelEn: label,
    source: z.enum(criterionSources),
    computedKey: z.enum(computedCriterionKeys).nullable().default(null),
    target: z.number().int().min(1).max(100).nullable().default(null),
    maxCount: z.number().int().min(0).max(100_000).nullable().default(null),
    basis: z.string().trim().max(500).default(''),
    /** Seeded criteria carry this until someone checks them against Quyết định 28/2025/QĐ-TTg. */
    toCheck: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .superRefine((c, ctx) => {
    if (c.source === 'computed' && (!c.computedKey || c.target === null)) {
      ctx.addIssue({ code: 'custom', path: ['computedKey'], message: 'a computed criterion names its indicator' });
    }
    if (c.source === 'entered' && (c.computedKey || c.target !== null)) {
      ctx.addIssue({ code: 'custom', path: ['computedKey'], message: 'an entered criterion is a count' });
    }
    if (c.source === 'computed' && c.maxCount !== null) {
      ctx.addIssue({ code: 'custom', path: ['maxCount'], message: 'only for entered counts' });
    }
  });
export type CriterionInput = z.input<typeof criterionInput>;
export type Criterion = z.output<typeof criterionInput>;

export const criteriaListInput = z
  .array(criterionInput)
  .min(1)
  .max(40)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((c, i) => {
      if (seen.has(c.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'duplicate key' });
      seen.add(c.key);
    });
  });

/** An entered value: a whole count of zero or more, and where the figure comes from. Nothing about a person. */
export const enteredValueInput = z.strictObject({
  key: z.string().max(40),
  value: z.number().int().min(0).max(100_000),
  note: z
    .string()
    .trim()
    .min(3)
    .max(300)
    .regex(/^[^\p{Cc}]*$/u),
});
export const enteredValuesInput = z.strictObject({
  periodKey: recognitionPeriodKey,
  values: z.array(enteredValueInput).min(1).max(40),
});

/** What the indicators say about one village in a period, for the computed criteria (percentages 0-100). */
export interface ComputedFacts {
  villageOutreach: number | null;
  householdCommitment: number | null;
  mailboxBoard: number | null;
}

export interface EnteredValue {
  value: number;
  note: string;
}

export interface CriterionResult {
  key: string;
  labelVi: string;
  labelEn: string;
  source: CriterionSource;
  value: number | null;
  /** Null when nothing is known yet (an entered count not given, or an indicator without data). */
  met: boolean | null;
  target: number | null;
  maxCount: number | null;
  note: string | null;
  toCheck: boolean;
}

/** The checklist of one village for one period: the active criteria with their values and whether each is met. */
export function evaluateCriteria(
  criteria: readonly Criterion[],
  facts: ComputedFacts,
  entered: Readonly<Record<string, EnteredValue>>,
): CriterionResult[] {
  // Written out rather than spread from a shared base: on Node 20 `{ ...base, value }` took about 3 µs an object
  // (V8 leaves its fast copy when properties follow the spread), and the registry screen builds one per criterion
  // and village, 584 for Gia Viên: most of the screen's time (profiled).
  const results: CriterionResult[] = [];
  for (const c of criteria) {
    if (!c.active) continue;
    let value: number | null = null;
    let met: boolean | null = null;
    let note: string | null = null;
    if (c.source === 'computed') {
      value = facts[c.computedKey!];
      met = value === null ? null : value >= c.target!;
    } else {
      const e = entered[c.key];
      if (e) {
        value = e.value;
        met = c.maxCount === null ? true : e.value <= c.maxCount;
        note = e.note;
      }
    }
    results.push({
      key: c.key,
      labelVi: c.labelVi,
      labelEn: c.labelEn,
      source: c.source,
      target: c.target,
      maxCount: c.maxCount,
      toCheck: c.toCheck,
      value,
      met,
      note,
    });
  }
  return results;
}

/** A short tally of a checklist: how many criteria are met, not met, and still unknown. */
export function checklistSummary(results: readonly CriterionResult[]) {
  return {
    total: results.length,
    met: results.filter((r) => r.met === true).length,
    unmet: results.filter((r) => r.met === false).length,
    unknown: results.filter((r) => r.met === null).length,
  };
}

/**
 * Checks entered values against the criteria list: every key must name an active entered criterion, once.
 * Throws 422 with one issue per bad row so the form can point at it.
 */
export function checkEnteredValues(criteria: readonly Criterion[], values: readonly { key: string }[]): void {
  const entered = new Set(criteria.filter((c) => c.active && c.source === 'entered').map((c) => c.key));
  const seen = new Set<string>();
  const issues = values.flatMap((v, i) => {
    const problem = !entered.has(v.key) ? 'not an entered criterion' : seen.has(v.key) ? 'duplicate' : null;
    seen.add(v.key);
    return problem ? [{ path: `values.${i}.key`, message: problem }] : [];
  });
  if (issues.length > 0) throw new AppError(422, 'validation_failed', {}, issues);
}

/** Whether every active entered criterion has a value for the period: a proposal needs a complete checklist. */
export function checklistComplete(criteria: readonly Criterion[], entered: Readonly<Record<string, unknown>>) {
  return criteria.filter((c) => c.active && c.source === 'entered').every((c) => c.key in entered);
}

// Roadmap -------------------------------------------------------------------------------------------------------

export interface RoadmapVillage {
  id: string;
  active: boolean;
  roadmapTargetYear: number | null;
}
/** A status change with the day it took effect (YYYY-MM-DD, Vietnam time). */
export interface StatusChange {
  villageId: string;
  date: string;
  to: RegistryStatus;
}

export interface RoadmapYear {
  year: number;
  /** Villages the roadmap wants recognised by the end of that year (cumulative). */
  planned: number;
  /** Villages recognised or maintaining at the end of that year; null for years not reached yet. */
  actual: number | null;
}

/**
 * Plan against actual, year by year: the roadmap's cumulative targets and the villages drug-free at each year's end,
 * from the status history (`changes` in the order they were recorded). Inactive villages are out of both.
 */
export function roadmapProgress(
  villages: readonly RoadmapVillage[],
  changes: readonly StatusChange[],
  now: number,
): RoadmapYear[] {
  const active = villages.filter((v) => v.active);
  const ids = new Set(active.map((v) => v.id));
  const targets = active.map((v) => v.roadmapTargetYear).filter((y): y is number => y !== null);
  const thisYear = vnParts(now).year;
  const changeYears = changes.map((c) => Number(c.date.slice(0, 4)));
  const first = Math.min(thisYear, ...targets, ...changeYears);
  const last = Math.max(thisYear, ...targets);
  // In the order they were recorded: a recognition takes the decision's date, which may precede the proposal's entry.
  const sorted = changes.filter((c) => ids.has(c.villageId));
  const years: RoadmapYear[] = [];
  for (let year = first; year <= last; year++) {
    const planned = targets.filter((t) => t <= year).length;
    if (year > thisYear) {
      years.push({ year, planned, actual: null });
      continue;
    }
    const end = `${year}-12-31`;
    const state = new Map<string, RegistryStatus>();
    for (const c of sorted) if (c.date <= end) state.set(c.villageId, c.to);
    years.push({ year, planned, actual: [...state.values()].filter(isDrugFree).length });
  }
  return years;
}

/** A certificate number when the commune does not type one: sequence within the year, as `05/GCN-2026`. */
export function certificateNumber(sequence: number, date: string): string {
  return `${String(sequence).padStart(2, '0')}/GCN-${date.slice(0, 4)}`;
}

// Roles (DESIGN.md §6) ---------------------------------------------------------------------------------------------

/** Commune admins write the registry; province viewers read it; a village head reads its own village. */
export function canReadRegistry(actor: Pick<Actor, 'role'>): boolean {
  return ['system', 'province_viewer', 'commune_admin', 'village_head'].includes(actor.role);
}
export function canManageRegistry(actor: Actor, communeId: string): boolean {
  return actor.role === 'system' || (actor.role === 'commune_admin' && actor.communeId === communeId);
}
/** The criteria list is the province's rule: kept by the system administrators for each province. */
export function canEditCriteria(actor: Actor): boolean {
  return actor.role === 'system';
}
/** Periodic reports: the commune's admins and the province viewers above them. */
export function canReadReports(actor: Pick<Actor, 'role'>): boolean {
  return ['system', 'province_viewer', 'commune_admin'].includes(actor.role);
}

// Periodic reports ------------------------------------------------------------------------------------------------

export const reportPeriodKinds = ['quarter', 'half', 'year'] as const;
export type ReportPeriodKind = (typeof reportPeriodKinds)[number];

/** A quarter (`2026-Q4`), a half (`2026-H2`) or a year (`2026`): the periods a commune reports on. */
export const reportPeriodKey = z
  .string()
  .max(20)
  .refine((k) => (reportPeriodKinds as readonly string[]).includes(parsePeriod(k)?.kind ?? ''), 'invalid period');

export type ReportCell = string | number | null;
export interface ReportColumn {
  key: string;
  label: string;
  kind: 'text' | 'number' | 'percent' | 'date' | 'year';
}
/**
 * One table of a report. Each part of the report comes from a provider; a part whose data lives in a feature not yet
 * merged is an empty section with a note saying so.
 */
export interface ReportSection {
  key: string;
  title: string;
  note: string | null;
  columns: ReportColumn[];
  rows: Record<string, ReportCell>[];
  total: Record<string, ReportCell> | null;
}
