import {
  AppError,
  checkRecognitionCriteria,
  checkTransition,
  checkVillageActive,
  checklistComplete,
  evaluateCriteria,
  needsDecision,
  vnDate,
  type ComputedFacts,
  type Criterion,
  type TransitionInput,
} from '@vungxanh/domain';
import {
  applyTransition,
  criteriaFor,
  enteredCriteriaValues,
  getChange,
  isUniqueViolation,
  registryVillageRows,
  type AuditEntry,
  type CriterionRow,
  type Db,
} from '@vungxanh/db';
import { summarize } from '../lib/audit.ts';
import { recognitionFacts } from './coverage.ts';

/** Use cases of the drug-free village registry: the criteria that apply, a village's checklist, its moves. */

interface Commune {
  id: string;
  provinceId: string;
  targetFrequency: 'monthly' | 'quarterly';
}

const noFacts: ComputedFacts = { villageOutreach: null, householdCommitment: null, mailboxBoard: null };

export const toCriterion = (r: CriterionRow): Criterion => ({
  key: r.key,
  labelVi: r.labelVi,
  labelEn: r.labelEn,
  source: r.source,
  computedKey: r.computedKey,
  target: r.target,
  maxCount: r.maxCount,
  basis: r.basis,
  toCheck: r.toCheck,
  active: r.active,
});

/** The criteria a commune's villages are checked against: its province's list, or the defaults. */
export async function communeCriteria(db: Db, commune: Commune) {
  return (await criteriaFor(db, commune.provinceId)).items.map(toCriterion);
}

/** One village's checklist for a recognition period: computed facts and entered counts against the criteria. */
export async function villageChecklist(db: Db, commune: Commune, villageId: string, periodKey: string, now: number) {
  const [criteria, facts, entered] = await Promise.all([
    communeCriteria(db, commune),
    recognitionFacts(db, commune, periodKey, now),
    enteredCriteriaValues(db, [villageId], periodKey),
  ]);
  const values = entered[villageId] ?? {};
  return { criteria, values, checklist: evaluateCriteria(criteria, facts[villageId] ?? noFacts, values) };
}

/** The villages' computed facts for a period, with the empty facts for a village that has none. */
export const factsOf = (facts: Record<string, ComputedFacts>, villageId: string) => facts[villageId] ?? noFacts;

/**
 * Moves a village along the registry workflow, once per `requestId`: a repeat answers the first move (409 when it
 * named another village). The move must be allowed from the current status (`checkTransition`), an inactive
 * village only leaves the workflow (`checkVillageActive`), a proposal needs the entered checklist complete, and a
 * recognition against unmet computed criteria needs the committee's written reason (`checkRecognitionCriteria`),
 * kept on the decision and in the audit row, which is written in the move's transaction. Answers the period the
 * village screen should show.
 */
export async function transitionVillage(
  db: Db,
  input: {
    commune: Commune;
    village: { id: string; active: boolean };
    request: TransitionInput;
    accountId: string;
    audit: Pick<AuditEntry, 'accountId' | 'username' | 'ip'>;
    now: number;
  },
): Promise<{ periodKey: string | null }> {
  const { commune, village, request, now } = input;
  const repeat = async () => {
    const first = await getChange(db, request.requestId);
    if (!first) return null;
    if (first.villageId !== village.id) throw new AppError(409, 'conflict');
    return { periodKey: first.periodKey };
  };
  const answered = await repeat();
  if (answered) return answered;

  const from = (await registryVillageRows(db, commune.id, [village.id]))[0]!.status;
  checkTransition(from, request, now);
  checkVillageActive(village.active, request.to);
  const override = checkRecognitionCriteria(
    request,
    needsDecision(request.to)
      ? (await villageChecklist(db, commune, village.id, request.periodKey!, now)).checklist
      : [],
  );
  if (request.to === 'proposed') {
    const entered = await enteredCriteriaValues(db, [village.id], request.periodKey!);
    if (!checklistComplete(await communeCriteria(db, commune), entered[village.id] ?? {}))
      throw new AppError(422, 'registry_checklist_incomplete');
  }
  const decision =
    needsDecision(request.to) && request.decision
      ? {
          kind: request.to,
          number: request.decision.number,
          date: request.decision.date,
          certificateNumber: request.decision.certificateNumber ?? null,
          override,
        }
      : null;
  let result;
  try {
    result = await applyTransition(db, {
      requestId: request.requestId,
      communeId: commune.id,
      villageId: village.id,
      from,
      to: request.to,
      periodKey: request.periodKey ?? null,
      effectiveOn: decision?.date ?? vnDate(now),
      note: request.note ?? null,
      accountId: input.accountId,
      decision,
      audit: {
        ...input.audit,
        entity: 'registry_village',
        entityId: village.id,
        communeId: commune.id,
        action: request.to,
        summary: summarize({
          from,
          to: request.to,
          periodKey: request.periodKey,
          decision: request.decision,
          note: request.note,
          override: override ?? undefined,
        }),
      },
    });
  } catch (err) {
    // Two copies of one retried request raced: the other one wrote it, so answer as a repeat.
    if (isUniqueViolation(err)) {
      const again = await repeat();
      if (again) return again;
    }
    throw err;
  }
  if (!result.ok) throw new AppError(409, result.reason === 'stale' ? 'registry_stale' : 'registry_decision_exists');
  return { periodKey: request.periodKey ?? null };
}
