import type { Context } from 'hono';
import {
  AppError,
  allowedTransitions,
  canManageRegistry,
  canReadRegistry,
  checklistComplete,
  checklistSummary,
  deadlineState,
  decidedLate,
  evaluateCriteria,
  nextDueRecognitionPeriod,
  periodLabel,
  recognitionPeriodChoices,
  registryStatuses,
  roadmapProgress,
  type RegistryStatus,
} from '@vungxanh/domain';
import {
  communeStatusChanges,
  enteredCriteriaValues,
  getCommune,
  getDecision,
  getProvince,
  getUnit,
  registryVillageRows,
  villageChanges,
  villageDecisions,
  type DecisionRow,
} from '@vungxanh/db';
import type { AppEnv } from '../../lib/context.ts';
import { audit, auditContext, summarize } from '../../lib/audit.ts';
import type { Handler } from '../../lib/openapi.ts';
import { communeParam, readableCommune } from '../../lib/scope.ts';
import { requireAuth } from '../../lib/session.ts';
import { docLocale } from '../../lib/doc-locale.ts';
import { pdfAnswer } from '../../lib/pdf.ts';
import { certificatePdf } from './registry.certificate.ts';
import { decisionPdf } from './registry.decision.ts';
import { recognitionFacts } from '../../use-cases/coverage.ts';
import {
  communeCriteria,
  enterCriteriaValues,
  factsOf,
  transitionVillage,
  villageChecklist,
} from '../../use-cases/registry.ts';
import type * as routes from './registry.routes.ts';

type Commune = NonNullable<Awaited<ReturnType<typeof getCommune>>>;
type Ctx = Context<AppEnv>;

const decisionDto = (d: DecisionRow, locale: 'vi' | 'en') => ({
  id: d.id,
  villageId: d.villageId,
  periodKey: d.periodKey,
  periodLabel: periodLabel(d.periodKey, locale),
  kind: d.kind,
  number: d.number,
  date: d.date,
  certificateNumber: d.certificateNumber,
  late: decidedLate(d.periodKey, d.date),
  override: d.overrideReason ? { reason: d.overrideReason, criteria: d.overrideCriteria ?? [] } : null,
});

/** The commune if the caller may read its registry: 404 outside their scope, 403 for roles without the registry. */
async function registryCommune(c: Ctx, communeId: string) {
  const commune = await readableCommune(c, communeId);
  if (!canReadRegistry(requireAuth(c).actor)) throw new AppError(403, 'forbidden');
  return commune;
}

/** A village the caller may read in the registry; a village head reads only its own (others are 404). */
async function readableVillage(c: Ctx, id: string) {
  const village = await getUnit(c.get('deps').db, 'villages', id);
  if (!village) throw new AppError(404, 'not_found');
  const commune = await registryCommune(c, village.communeId);
  const { actor } = requireAuth(c);
  if (actor.role === 'village_head' && actor.villageId !== village.id) throw new AppError(404, 'not_found');
  return { village, commune };
}

async function managedVillage(c: Ctx, id: string) {
  const found = await readableVillage(c, id);
  if (!canManageRegistry(requireAuth(c).actor, found.commune.id)) throw new AppError(403, 'forbidden');
  return found;
}

/** Everything the village screen shows for one period; every write answers with it too. */
async function villageView(c: Ctx, villageId: string, commune: Commune, periodKey: string) {
  const { db } = c.get('deps');
  const locale = c.get('locale');
  const now = Date.now();
  const [{ criteria, values, checklist }, rows, decisions, changes] = await Promise.all([
    villageChecklist(db, commune, villageId, periodKey, now),
    registryVillageRows(db, commune.id, [villageId]),
    villageDecisions(db, villageId),
    villageChanges(db, villageId),
  ]);
  const row = rows[0]!;
  return {
    village: {
      id: row.id,
      communeId: commune.id,
      name: row.name,
      active: row.active,
      roadmapTargetYear: row.roadmapTargetYear,
    },
    status: row.status,
    allowed: [...allowedTransitions(row.status)],
    periodKey,
    periodLabel: periodLabel(periodKey, locale),
    deadline: deadlineState(periodKey, now),
    checklist,
    summary: checklistSummary(checklist),
    complete: checklistComplete(criteria, values),
    decisions: decisions.map((d) => decisionDto(d, locale)),
    changes: changes.map((ch) => ({
      id: ch.id,
      from: ch.from,
      to: ch.to,
      periodKey: ch.periodKey,
      effectiveOn: ch.effectiveOn,
      note: ch.note,
      at: ch.at.toISOString(),
    })),
    canManage: canManageRegistry(requireAuth(c).actor, commune.id),
  };
}

export const list: Handler<typeof routes.list> = async (c) => {
  const q = c.req.valid('query');
  const commune = await registryCommune(c, communeParam(c, q.communeId));
  const { actor } = requireAuth(c);
  const { db } = c.get('deps');
  const locale = c.get('locale');
  const now = Date.now();
  const periodKey = q.periodKey ?? nextDueRecognitionPeriod(now);
  const onlyOwn = actor.role === 'village_head' ? [actor.villageId ?? ''] : undefined;
  const [criteria, facts, rows, changes] = await Promise.all([
    communeCriteria(db, commune),
    recognitionFacts(db, commune, periodKey, now),
    registryVillageRows(db, commune.id, onlyOwn),
    communeStatusChanges(db, commune.id),
  ]);
  const entered = await enteredCriteriaValues(
    db,
    rows.map((r) => r.id),
    periodKey,
  );
  const counts = Object.fromEntries(registryStatuses.map((s) => [s, 0])) as Record<RegistryStatus, number>;
  for (const r of rows) if (r.active) counts[r.status] += 1;
  const villages = rows.map((r) => ({
    id: r.id,
    name: r.name,
    active: r.active,
    roadmapTargetYear: r.roadmapTargetYear,
    status: r.status,
    periodKey: r.periodKey,
    allowed: [...allowedTransitions(r.status)],
    lastDecision: r.lastDecision ? decisionDto(r.lastDecision, locale) : null,
    checklist: checklistSummary(evaluateCriteria(criteria, factsOf(facts, r.id), entered[r.id] ?? {})),
    deadline: r.status === 'proposed' && r.periodKey ? deadlineState(r.periodKey, now) : null,
  }));
  const periods = [...new Set([...recognitionPeriodChoices(now), periodKey])].map((key) => ({
    key,
    label: periodLabel(key, locale),
  }));
  return c.json(
    {
      commune: { id: commune.id, name: commune.name },
      periodKey,
      periodLabel: periodLabel(periodKey, locale),
      periods,
      deadline: deadlineState(periodKey, now),
      canManage: canManageRegistry(actor, commune.id),
      counts,
      villages,
      roadmap: roadmapProgress(rows, onlyOwn ? changes.filter((ch) => onlyOwn.includes(ch.villageId)) : changes, now),
    },
    200,
  );
};

export const village: Handler<typeof routes.village> = async (c) => {
  const { village: v, commune } = await readableVillage(c, c.req.valid('param').id);
  const periodKey = c.req.valid('query').periodKey ?? nextDueRecognitionPeriod(Date.now());
  return c.json(await villageView(c, v.id, commune, periodKey), 200);
};

export const saveCriteria: Handler<typeof routes.saveCriteria> = async (c) => {
  const { village: v, commune } = await managedVillage(c, c.req.valid('param').id);
  const input = c.req.valid('json');
  await enterCriteriaValues(c.get('deps').db, {
    commune,
    villageId: v.id,
    periodKey: input.periodKey,
    values: input.values,
    accountId: requireAuth(c).actor.accountId,
    audit: auditContext(c),
  });
  return c.json(await villageView(c, v.id, commune, input.periodKey), 200);
};

export const transition: Handler<typeof routes.transition> = async (c) => {
  const { village: v, commune } = await managedVillage(c, c.req.valid('param').id);
  const { actor } = requireAuth(c);
  const moved = await transitionVillage(c.get('deps').db, {
    commune,
    village: v,
    request: c.req.valid('json'),
    accountId: actor.accountId,
    audit: auditContext(c),
    now: Date.now(),
  });
  return c.json(await villageView(c, v.id, commune, moved.periodKey ?? nextDueRecognitionPeriod(Date.now())), 200);
};

export const certificate: Handler<typeof routes.certificate> = async (c) => {
  const { db } = c.get('deps');
  const decision = await getDecision(db, c.req.valid('param').id);
  if (!decision) throw new AppError(404, 'not_found');
  const { village: v, commune } = await readableVillage(c, decision.villageId);
  const province = await getProvince(db, commune.provinceId);
  const pdf = await certificatePdf({
    locale: docLocale(c),
    provinceName: province?.name ?? '',
    communeName: commune.name,
    villageName: v.name,
    villageKind: v.kind,
    decision,
  });
  await audit(c, {
    entity: 'recognition_decision',
    entityId: decision.id,
    communeId: commune.id,
    action: 'export',
    summary: summarize({ format: 'pdf', certificate: decision.certificateNumber }),
  });
  return pdfAnswer(c, pdf, `giay-chung-nhan-${decision.date}.pdf`);
};

/** The decision as an official document, in the console's language (`lang`), Vietnamese by default. */
export const decisionDocument: Handler<typeof routes.decisionDocument> = async (c) => {
  const { db } = c.get('deps');
  const decision = await getDecision(db, c.req.valid('param').id);
  if (!decision) throw new AppError(404, 'not_found');
  const { village: v, commune } = await readableVillage(c, decision.villageId);
  const province = await getProvince(db, commune.provinceId);
  const pdf = await decisionPdf({
    locale: docLocale(c),
    provinceName: province?.name ?? '',
    communeName: commune.name,
    villageName: v.name,
    villageKind: v.kind,
    decision,
    signerName: c.req.valid('query').signer || null,
  });
  await audit(c, {
    entity: 'recognition_decision',
    entityId: decision.id,
    communeId: commune.id,
    action: 'export',
    summary: summarize({ format: 'pdf', number: decision.number }),
  });
  return pdfAnswer(c, pdf, `quyet-dinh-${decision.date}.pdf`);
};
