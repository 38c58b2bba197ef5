import { AppError, duplicateOfProblem, reviewStatus, type ReviewInput } from '@vungxanh/domain';
import { getEntry, reviewEntry, type AuditEntry, type Db, type EntryRow } from '@vungxanh/db';
import { summarize } from '../lib/audit.ts';

/** Who reviews: their account, the village they are held to (null for a commune's admins), the audit's who. */
export interface Reviewer {
  accountId: string;
  villageId: string | null;
  audit: Pick<AuditEntry, 'accountId' | 'username' | 'ip'>;
}

/**
 * Verifies, rejects or marks as a duplicate one entry the reviewer already may see (the caller checked it): the
 * status, the reviewer and the audit row are written together. A duplicate points at an entry to keep
 * (`duplicateOfProblem`): another one is 422, one that is itself a duplicate 409.
 */
export async function reviewCommitmentEntry(
  db: Db,
  input: { entry: EntryRow; decision: ReviewInput; reviewer: Reviewer; now: Date },
): Promise<EntryRow> {
  const { entry, decision, reviewer } = input;
  if (decision.decision === 'duplicate') {
    const original = await getEntry(db, decision.duplicateOfId);
    const problem = duplicateOfProblem(entry, original, reviewer.villageId);
    if (problem === 'not_an_original')
      throw new AppError(422, 'validation_failed', {}, [{ path: 'duplicateOfId', message: 'not an entry to keep' }]);
    if (problem === 'duplicate_chain') throw new AppError(409, 'commitment_duplicate_chain');
  }
  return reviewEntry(
    db,
    entry.id,
    {
      status: reviewStatus[decision.decision],
      reason: decision.decision === 'reject' ? decision.reason : null,
      duplicateOfId: decision.decision === 'duplicate' ? decision.duplicateOfId : null,
      reviewerId: reviewer.accountId,
      reviewedAt: input.now,
    },
    {
      ...reviewer.audit,
      entity: 'commitment_entry',
      entityId: entry.id,
      action: decision.decision,
      communeId: entry.communeId,
      summary: summarize({ code: entry.code, before: entry.status, ...decision }),
    },
  );
}
