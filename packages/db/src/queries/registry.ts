import { and, asc, desc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { Criterion, DecisionKind, RegistryStatus, StatusChange } from '@vungxanh/domain';
import { certificateNumber, isDrugFree } from '@vungxanh/domain';
import type { Db } from '../client.ts';
import type { AuditEntry } from './audit.ts';
import {
  auditLog,
  criteriaValues,
  recognitionDecisions,
  registryChanges,
  registryCriteria,
  registryVillages,
  villages,
} from '../schema/index.ts';

export type CriterionRow = typeof registryCriteria.$inferSelect;
export type DecisionRow = typeof recognitionDecisions.$inferSelect;
export type ChangeRow = typeof registryChanges.$inferSelect;

/**
 * The criteria that apply in a province: its own list if it keeps one, else the defaults. `inherited` says which.
 * Without a province (the system's view of the defaults) the defaults.
 */
export async function criteriaFor(db: Db, provinceId: string | null) {
  if (provinceId) {
    const own = await db
      .select()
      .from(registryCriteria)
      .where(eq(registryCriteria.provinceId, provinceId))
      .orderBy(asc(registryCriteria.sortOrder));
    if (own.length > 0) return { items: own, inherited: false };
  }
  const defaults = await db
    .select()
    .from(registryCriteria)
    .where(isNull(registryCriteria.provinceId))
    .orderBy(asc(registryCriteria.sortOrder));
  return { items: defaults, inherited: provinceId !== null };
}

/** Replaces a province's list (or the defaults) in one transaction; entered values keep their criterion keys. */
export async function replaceCriteria(db: Db, provinceId: string | null, list: readonly Criterion[]) {
  await db.transaction(async (tx) => {
    await tx
      .delete(registryCriteria)
      .where(provinceId ? eq(registryCriteria.provinceId, provinceId) : isNull(registryCriteria.provinceId));
    await tx.insert(registryCriteria).values(list.map((c, i) => ({ ...c, provinceId, sortOrder: i })));
  });
  return criteriaFor(db, provinceId);
}

/** A province going back to the defaults. */
export async function clearProvinceCriteria(db: Db, provinceId: string) {
  await db.delete(registryCriteria).where(eq(registryCriteria.provinceId, provinceId));
}

/** The commune's villages with their registry status (no row: not started) and latest decision. */
export async function registryVillageRows(db: Db, communeId: string, villageIds?: readonly string[]) {
  const rows = await db
    .select({
      id: villages.id,
      name: villages.name,
      kind: villages.kind,
      active: villages.active,
      roadmapTargetYear: villages.roadmapTargetYear,
      status: registryVillages.status,
      periodKey: registryVillages.periodKey,
      updatedAt: registryVillages.updatedAt,
    })
    .from(villages)
    .leftJoin(registryVillages, eq(registryVillages.villageId, villages.id))
    .where(and(eq(villages.communeId, communeId), villageIds ? inArray(villages.id, [...villageIds]) : undefined))
    .orderBy(asc(villages.sortKey));
  const decisions = await db
    .select()
    .from(recognitionDecisions)
    .where(eq(recognitionDecisions.communeId, communeId))
    .orderBy(desc(recognitionDecisions.date), desc(recognitionDecisions.createdAt));
  const latest = new Map<string, DecisionRow>();
  for (const d of decisions) if (!latest.has(d.villageId)) latest.set(d.villageId, d);
  return rows.map((r) => ({
    ...r,
    status: (r.status ?? 'not_started') as RegistryStatus,
    lastDecision: latest.get(r.id) ?? null,
  }));
}

export async function villageDecisions(db: Db, villageId: string) {
  return db
    .select()
    .from(recognitionDecisions)
    .where(eq(recognitionDecisions.villageId, villageId))
    .orderBy(desc(recognitionDecisions.date));
}

export async function villageChanges(db: Db, villageId: string) {
  return db
    .select()
    .from(registryChanges)
    .where(eq(registryChanges.villageId, villageId))
    .orderBy(desc(registryChanges.at), sql`rowid desc`);
}

export async function getDecision(db: Db, id: string) {
  return (await db.select().from(recognitionDecisions).where(eq(recognitionDecisions.id, id)))[0] ?? null;
}

/** Decisions of a commune whose date falls in [from, to) (Vietnam dates). */
export async function decisionsBetween(db: Db, communeId: string, from: string, to: string) {
  return db
    .select()
    .from(recognitionDecisions)
    .where(
      and(
        eq(recognitionDecisions.communeId, communeId),
        sql`${recognitionDecisions.date} >= ${from}`,
        sql`${recognitionDecisions.date} < ${to}`,
      ),
    )
    .orderBy(asc(recognitionDecisions.date));
}

/** The status history of a commune, for the roadmap chart. */
export async function communeStatusChanges(db: Db, communeId: string): Promise<StatusChange[]> {
  const rows = await db
    .select({ villageId: registryChanges.villageId, date: registryChanges.effectiveOn, to: registryChanges.to })
    .from(registryChanges)
    .where(eq(registryChanges.communeId, communeId))
    .orderBy(asc(registryChanges.at), sql`rowid`);
  return rows;
}

/** Villages recognised drug-free and not lost, per commune (what the coverage indicator `drugFree` counts). */
export async function drugFreeVillageIds(db: Db, communeIds: readonly string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = Object.fromEntries(communeIds.map((id) => [id, []]));
  if (communeIds.length === 0) return out;
  const rows = await db
    .select({
      communeId: registryVillages.communeId,
      villageId: registryVillages.villageId,
      status: registryVillages.status,
    })
    .from(registryVillages)
    .where(inArray(registryVillages.communeId, [...communeIds]));
  for (const r of rows) if (isDrugFree(r.status)) out[r.communeId]!.push(r.villageId);
  return out;
}

/** Entered counts for these villages in a period: `result[villageId][criterionKey]`. */
export async function enteredCriteriaValues(db: Db, villageIds: readonly string[], periodKey: string) {
  const out: Record<string, Record<string, { value: number; note: string }>> = {};
  if (villageIds.length === 0) return out;
  const rows = await db
    .select()
    .from(criteriaValues)
    .where(and(inArray(criteriaValues.villageId, [...villageIds]), eq(criteriaValues.periodKey, periodKey)));
  for (const r of rows) (out[r.villageId] ??= {})[r.criterionKey] = { value: r.value, note: r.note };
  return out;
}

/** Writes entered counts for one village and period, all or nothing; a second write of a key replaces it. */
export async function saveCriteriaValues(
  db: Db,
  target: { communeId: string; villageId: string; periodKey: string; accountId: string | null },
  values: readonly { key: string; value: number; note: string }[],
) {
  const now = new Date();
  await db.batch(
    values.map((v) =>
      db
        .insert(criteriaValues)
        .values({ ...target, criterionKey: v.key, value: v.value, note: v.note, updatedAt: now })
        .onConflictDoUpdate({
          target: [criteriaValues.villageId, criteriaValues.periodKey, criteriaValues.criterionKey],
          set: { value: v.value, note: v.note, accountId: target.accountId, updatedAt: now },
        }),
    ) as [never, ...never[]],
  );
}

export async function getChange(db: Db, id: string) {
  return (await db.select().from(registryChanges).where(eq(registryChanges.id, id)))[0] ?? null;
}

export interface TransitionWrite {
  requestId: string;
  communeId: string;
  villageId: string;
  from: RegistryStatus;
  to: RegistryStatus;
  periodKey: string | null;
  effectiveOn: string;
  note: string | null;
  accountId: string | null;
  decision: {
    kind: DecisionKind;
    number: string;
    date: string;
    certificateNumber: string | null;
    override: { reason: string; criteria: string[] } | null;
  } | null;
  /** The audit row, written with the change or not at all. */
  audit: AuditEntry;
}

/**
 * Writes a status change, its decision if any, the new status and the audit row, in one transaction. Answers `stale` when the
 * village moved since the caller read it, and `duplicate_decision` when the period already has a decision.
 */
export async function applyTransition(db: Db, w: TransitionWrite) {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: registryVillages.status })
      .from(registryVillages)
      .where(eq(registryVillages.villageId, w.villageId));
    if ((current?.status ?? 'not_started') !== w.from) return { ok: false as const, reason: 'stale' as const };
    let decisionId: string | null = null;
    if (w.decision) {
      const [taken] = await tx
        .select({ id: recognitionDecisions.id })
        .from(recognitionDecisions)
        .where(and(eq(recognitionDecisions.villageId, w.villageId), eq(recognitionDecisions.periodKey, w.periodKey!)));
      if (taken) return { ok: false as const, reason: 'duplicate_decision' as const };
      const year = w.decision.date.slice(0, 4);
      const [seq] = await tx
        .select({ n: sql<number>`count(*)` })
        .from(recognitionDecisions)
        .where(and(eq(recognitionDecisions.communeId, w.communeId), like(recognitionDecisions.date, `${year}-%`)));
      const certificate = w.decision.certificateNumber ?? certificateNumber(Number(seq?.n ?? 0) + 1, w.decision.date);
      const [d] = await tx
        .insert(recognitionDecisions)
        .values({
          communeId: w.communeId,
          villageId: w.villageId,
          periodKey: w.periodKey!,
          kind: w.decision.kind,
          number: w.decision.number,
          date: w.decision.date,
          certificateNumber: certificate,
          overrideReason: w.decision.override?.reason ?? null,
          overrideCriteria: w.decision.override?.criteria ?? null,
        })
        .returning({ id: recognitionDecisions.id });
      decisionId = d!.id;
    }
    await tx.insert(registryChanges).values({
      id: w.requestId,
      communeId: w.communeId,
      villageId: w.villageId,
      from: w.from,
      to: w.to,
      periodKey: w.periodKey,
      effectiveOn: w.effectiveOn,
      decisionId,
      note: w.note,
      accountId: w.accountId,
      at: new Date(),
    });
    const periodKey = w.periodKey ?? null;
    await tx
      .insert(registryVillages)
      .values({ villageId: w.villageId, communeId: w.communeId, status: w.to, periodKey })
      .onConflictDoUpdate({
        target: registryVillages.villageId,
        set: { status: w.to, periodKey, updatedAt: new Date() },
      });
    await tx.insert(auditLog).values({ ...w.audit, at: new Date() });
    return { ok: true as const, decisionId };
  });
}

/** Each village's registry status where one is recorded (villages without a row have not started). */
export async function registryStatusByVillage(db: Db, communeIds: readonly string[]) {
  const rows = await db
    .select({ villageId: registryVillages.villageId, status: registryVillages.status })
    .from(registryVillages)
    .where(inArray(registryVillages.communeId, [...communeIds]));
  return new Map(rows.map((r) => [r.villageId, r.status as RegistryStatus]));
}
