import {
  isDrugFree,
  activityTypes,
  periodLabel,
  periodRange,
  tipStatuses,
  vnDate,
  type ReportSection,
} from '@vungxanh/domain';
import {
  activitiesByType,
  contestSummary,
  decisionsBetween,
  registryVillageRows,
  tipKeyOf,
  tipStatusRows,
  type Db,
} from '@vungxanh/db';
import type { Locale } from '@vungxanh/i18n';
import { resources } from '@vungxanh/i18n/server';
import { formatDate } from '@vungxanh/i18n/format';
import { commitmentSummaryFor, coverageFor } from './coverage.ts';

export interface ReportContext {
  db: Db;
  commune: { id: string; name: string; provinceId: string };
  periodKey: string;
  locale: Locale;
}

/** Builds one part of the report. Each provider reads its own feature's data for the commune and period. */
export type SectionProvider = (ctx: ReportContext) => Promise<ReportSection>;

const words = (locale: Locale) => resources[locale].registry.reports;
const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));

/** Coverage by village, from the same computation as the dashboard (`coverageFor`). */
const coverage: SectionProvider = async ({ db, commune, periodKey, locale }) => {
  const t = words(locale);
  const [result] = await coverageFor(db, [commune.id], periodKey, { series: false });
  const names = new Map(result!.units.villages.map((v) => [v.id, v.name]));
  const rows = result!.result.villages.map((v) => ({
    village: names.get(v.villageId) ?? '',
    reached: v.reached ? t.yes : t.no,
    activities: v.activities,
    lastActivity: v.lastActivityDate,
  }));
  const figure = result!.result.figures.villageOutreach;
  return {
    key: 'coverage',
    title: t.sections.coverage,
    note: null,
    columns: [
      { key: 'village', label: t.columns.village, kind: 'text' },
      { key: 'reached', label: t.columns.reached, kind: 'text' },
      { key: 'activities', label: t.columns.activities, kind: 'number' },
      { key: 'lastActivity', label: t.columns.lastActivity, kind: 'date' },
    ],
    rows,
    total: {
      village: t.total,
      reached: fill(t.reachedOf, { n: figure.numerator, total: figure.denominator }),
      activities: rows.reduce((s, r) => s + r.activities, 0),
      lastActivity: null,
    },
  };
};

/** Activities by type: one row per type, zeros included, so periods compare line by line. */
const activities: SectionProvider = async ({ db, commune, periodKey, locale }) => {
  const t = words(locale);
  const p = periodRange(periodKey);
  const counted = new Map(
    (await activitiesByType(db, commune.id, vnDate(p.start), vnDate(p.end))).map((r) => [r.type, r]),
  );
  const rows = activityTypes.map((type) => ({
    type: t.activityTypes[type],
    count: counted.get(type)?.count ?? 0,
    participants: counted.get(type)?.participants ?? 0,
  }));
  return {
    key: 'activities',
    title: t.sections.activities,
    note: null,
    columns: [
      { key: 'type', label: t.columns.type, kind: 'text' },
      { key: 'count', label: t.columns.count, kind: 'number' },
      { key: 'participants', label: t.columns.participants, kind: 'number' },
    ],
    rows,
    total: {
      type: t.total,
      count: rows.reduce((s, r) => s + r.count, 0),
      participants: rows.reduce((s, r) => s + r.participants, 0),
    },
  };
};

/** Registry status of every active village, with the decision taken in the period if any. */
const registry: SectionProvider = async ({ db, commune, periodKey, locale }) => {
  const t = words(locale);
  const statuses = resources[locale].registry.statuses;
  const p = periodRange(periodKey);
  const [villages, decisions] = await Promise.all([
    registryVillageRows(db, commune.id),
    decisionsBetween(db, commune.id, vnDate(p.start), vnDate(p.end)),
  ]);
  const decided = new Map(decisions.map((d) => [d.villageId, d]));
  const active = villages.filter((v) => v.active);
  const rows = active.map((v) => ({
    village: v.name,
    status: statuses[v.status],
    targetYear: v.roadmapTargetYear,
    decision: decided.get(v.id)?.number ?? null,
    decisionDate: decided.get(v.id)?.date ?? null,
  }));
  const drugFree = active.filter((v) => isDrugFree(v.status));
  return {
    key: 'registry',
    title: t.sections.registry,
    note: null,
    columns: [
      { key: 'village', label: t.columns.village, kind: 'text' },
      { key: 'status', label: t.columns.status, kind: 'text' },
      { key: 'targetYear', label: t.columns.targetYear, kind: 'year' },
      { key: 'decision', label: t.columns.decision, kind: 'text' },
      { key: 'decisionDate', label: t.columns.decisionDate, kind: 'date' },
    ],
    rows,
    total: {
      village: t.total,
      status: `${statuses.recognized} / ${statuses.maintaining}: ${drugFree.length}/${active.length}`,
      targetYear: null,
      decision: decisions.length,
      decisionDate: null,
    },
  };
};

/** What `commitmentSummary(db, communeId, year)` of the commitments feature answers. */
export interface CommitmentSummaryRow {
  kind: 'household' | 'organization' | 'school' | 'student' | 'village';
  status: 'submitted' | 'verified' | 'rejected' | 'duplicate';
  count: number;
}
/** What `contestSummary(db, communeId, fromMs, toMs)` of the contests feature answers, one row per round. */
export interface ContestSummaryRow {
  title: string;
  roundName: string;
  startsAt: number;
  endsAt: number;
  participants: number;
  attempts: number;
  submitted: number;
}

/** Commitments of the campaign year by kind and status. */
export function commitmentsSection(summary: readonly CommitmentSummaryRow[], locale: Locale): ReportSection {
  const t = words(locale);
  const rows = summary.map((r) => ({
    kind: t.commitmentKinds[r.kind],
    status: t.commitmentStatuses[r.status],
    count: r.count,
  }));
  return {
    key: 'commitments',
    title: t.sections.commitments,
    note: null,
    columns: [
      { key: 'kind', label: t.columns.kind, kind: 'text' },
      { key: 'status', label: t.columns.status, kind: 'text' },
      { key: 'count', label: t.columns.entries, kind: 'number' },
    ],
    rows,
    total: { kind: t.total, status: null, count: rows.reduce((n, r) => n + r.count, 0) },
  };
}

/** Contest rounds that overlap the period. */
export function contestsSection(summary: readonly ContestSummaryRow[], locale: Locale): ReportSection {
  const t = words(locale);
  const rows = summary.map((r) => ({
    contest: `${r.title}: ${r.roundName}`,
    from: vnDate(r.startsAt),
    to: vnDate(r.endsAt - 1),
    participants: r.participants,
    attempts: r.attempts,
    submitted: r.submitted,
  }));
  return {
    key: 'contests',
    title: t.sections.contests,
    note: null,
    columns: [
      { key: 'contest', label: t.columns.contest, kind: 'text' },
      { key: 'from', label: t.columns.from, kind: 'date' },
      { key: 'to', label: t.columns.to, kind: 'date' },
      { key: 'participants', label: t.columns.participants, kind: 'number' },
      { key: 'attempts', label: t.columns.attempts, kind: 'number' },
      { key: 'submitted', label: t.columns.submitted, kind: 'number' },
    ],
    rows,
    total: {
      contest: t.total,
      from: null,
      to: null,
      participants: rows.reduce((n, r) => n + r.participants, 0),
      attempts: rows.reduce((n, r) => n + r.attempts, 0),
      submitted: rows.reduce((n, r) => n + r.submitted, 0),
    },
  };
}

// Commitments count for the campaign year the period ends in, as on the coverage dashboard.
const commitments: SectionProvider = async ({ db, commune, periodKey, locale }) =>
  commitmentsSection(await commitmentSummaryFor(db, commune.id, periodKey), locale);
const contests: SectionProvider = async ({ db, commune, periodKey, locale }) => {
  const p = periodRange(periodKey);
  return contestsSection(await contestSummary(db, commune.id, p.start, p.end), locale);
};

/**
 * Tips received in the period, counted by status. Counts only: a tip's content opens in the commune police's browser
 * and nowhere else (docs/tip-box.md); those who read reports may read these figures (`canReadTipFigures`).
 */
const tips: SectionProvider = async ({ db, commune, periodKey, locale }) => {
  const t = words(locale);
  const p = periodRange(periodKey);
  const [received, key] = await Promise.all([
    tipStatusRows(db, commune.id, vnDate(p.start), vnDate(p.end - 1)),
    tipKeyOf(db, commune.id),
  ]);
  const rows = tipStatuses.map((status) => ({
    status: t.tipStatuses[status],
    count: received.filter((r) => r.status === status).length,
  }));
  return {
    key: 'tips',
    title: t.sections.tips,
    note: key ? t.tipsNote : t.tipsClosed,
    columns: [
      { key: 'status', label: t.columns.status, kind: 'text' },
      { key: 'count', label: t.columns.count, kind: 'number' },
    ],
    rows,
    total: { status: t.total, count: received.length },
  };
};

/** The report's parts, in the order they are printed. */
export const sections: SectionProvider[] = [coverage, activities, commitments, contests, registry, tips];

/** A commune's periodic report (the screen, its PDF and XLSX): every feature's section for the period. */
export async function buildReport(ctx: ReportContext) {
  const p = periodRange(ctx.periodKey);
  const t = words(ctx.locale);
  return {
    commune: { id: ctx.commune.id, name: ctx.commune.name },
    periodKey: ctx.periodKey,
    periodLabel: periodLabel(ctx.periodKey, ctx.locale),
    periodLine: fill(t.periodLine, {
      period: periodLabel(ctx.periodKey, ctx.locale),
      from: formatDate(p.start),
      to: formatDate(p.end - 1),
    }),
    generatedAt: new Date().toISOString(),
    sections: await Promise.all(sections.map((provide) => provide(ctx))),
  };
}
export type Report = Awaited<ReturnType<typeof buildReport>>;
