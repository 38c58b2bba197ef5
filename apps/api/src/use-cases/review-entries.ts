import { AppError, bulkReviewMax, reviewStatus, type BulkReviewInput, type CampaignKind } from '@vungxanh/domain';
import { bulkReviewEntries, type AuditEntry, type Db } from '@vungxanh/db';
import { formatNumber } from '@vungxanh/i18n/format';
import type { Locale } from '@vungxanh/i18n';
import { summarize } from '../lib/audit.ts';

export interface ReviewEntriesResult {
  decision: 'verify' | 'reject';
  /** Pending entries now verified or rejected. */
  changed: number;
  /** Named or matching entries left as they were (already reviewed, or not the caller's). */
  unchanged: number;
}

/**
 * Verifies or rejects many pending commitment entries in one transaction, audited once with the
 * count: the ids ticked on a page, or every entry matching the reviewer's filter. `filter` is
 * already held to the caller's scope (commune; a village head's village). Only pending entries
 * change; a filter that now matches another number than the reviewer confirmed changes nothing.
 */
export async function reviewEntries(
  db: Db,
  input: {
    filter: { communeId: string; campaignId?: string | undefined; villageId?: string | undefined; kind?: CampaignKind };
    request: BulkReviewInput;
    reviewerId: string;
    audit: Omit<AuditEntry, 'entity' | 'action' | 'summary' | 'communeId'>;
    locale: Locale;
  },
): Promise<ReviewEntriesResult> {
  const { request, filter, locale } = input;
  const ids = request.ids ? [...new Set(request.ids)] : null;
  let matching = 0;
  const changed = await bulkReviewEntries(
    db,
    filter,
    ids,
    {
      status: reviewStatus[request.decision],
      reason: request.decision === 'reject' ? request.reason! : null,
      reviewerId: input.reviewerId,
      reviewedAt: new Date(),
    },
    (n) => ({
      ...input.audit,
      entity: 'commitment_entry',
      action: request.decision,
      communeId: filter.communeId,
      summary: summarize({ entries: n, reason: request.reason }),
    }),
    (pending) => {
      matching = pending;
      if (pending > bulkReviewMax)
        throw new AppError(422, 'bulk_review_too_many', { max: formatNumber(bulkReviewMax, locale) });
      if (!ids && request.expected !== undefined && pending !== request.expected)
        throw new AppError(409, 'bulk_review_changed', {
          found: formatNumber(pending, locale),
          expected: formatNumber(request.expected, locale),
        });
    },
  );
  return { decision: request.decision, changed, unchanged: (ids ? ids.length : matching) - changed };
}
