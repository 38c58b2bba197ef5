import { AppError, entryInReviewScope, nextVersion, proposeDuplicates, signedUnit } from '@vungxanh/domain';
import {
  duplicateCandidates,
  getCampaign,
  getEntry,
  getEntryUnit,
  getUnit,
  insertCampaign,
  listCampaigns as selectCampaigns,
  listEntries as selectEntries,
  retentionMonthsOf,
  updateCampaign as writeCampaign,
} from '@vungxanh/db';
import type { Context } from 'hono';
import type { AppEnv } from '../../lib/context.ts';
import { auditContext, summarize } from '../../lib/audit.ts';
import { toPage, type Handler } from '../../lib/openapi.ts';
import { docLocale } from '../../lib/doc-locale.ts';
import { communeParam, manageableCommune, readableCommune } from '../../lib/scope.ts';
import { requireAuth } from '../../lib/session.ts';
import { pdfAnswer } from '../../lib/pdf.ts';
import { reviewCommitmentEntry } from '../../use-cases/review-entry.ts';
import { reviewEntries } from '../../use-cases/review-entries.ts';
import { blankFormPdf } from './commitments.pdf.ts';
import { campaignDto, entryDto, reviewScope } from './commitments.dto.ts';
import type * as routes from './commitments.routes.ts';

export { importPaper, paperTemplate } from './import.handlers.ts';
export { coverage, exportEntries, getPrivacy, purge, setPrivacy, summary } from './reports.handlers.ts';

export const listCampaigns: Handler<typeof routes.listCampaigns> = async (c) => {
  const q = c.req.valid('query');
  const commune = await readableCommune(c, communeParam(c, q.communeId));
  const rows = await selectCampaigns(c.get('deps').db, commune.id, q.year ? { year: q.year } : {});
  return c.json({ items: rows.map(campaignDto) }, 200);
};

export const createCampaign: Handler<typeof routes.createCampaign> = async (c) => {
  const input = c.req.valid('json');
  const commune = await manageableCommune(c, input.communeId);
  const row = await insertCampaign(
    c.get('deps').db,
    { ...input, communeId: commune.id },
    {
      ...auditContext(c),
      entity: 'commitment_campaign',
      action: 'create',
      communeId: commune.id,
      summary: summarize({ kind: input.kind, year: input.year, title: input.title }),
    },
  );
  return c.json(campaignDto(row), 201);
};

async function campaignOf(c: Context<AppEnv>, id: string) {
  const campaign = await getCampaign(c.get('deps').db, id);
  if (!campaign) throw new AppError(404, 'not_found');
  return campaign;
}

export const updateCampaign: Handler<typeof routes.updateCampaign> = async (c) => {
  const campaign = await campaignOf(c, c.req.valid('param').id);
  await manageableCommune(c, campaign.communeId);
  const patch = c.req.valid('json');
  const merged = { opensOn: patch.opensOn ?? campaign.opensOn, closesOn: patch.closesOn ?? campaign.closesOn };
  if (merged.opensOn > merged.closesOn)
    throw new AppError(422, 'validation_failed', {}, [{ path: 'closesOn', message: 'must not be before opensOn' }]);
  const version = nextVersion(campaign, patch.text);
  const row = await writeCampaign(
    c.get('deps').db,
    campaign.id,
    { ...patch, version },
    {
      ...auditContext(c),
      entity: 'commitment_campaign',
      entityId: campaign.id,
      action: 'update',
      communeId: campaign.communeId,
      summary: summarize({ ...patch, text: patch.text ? `(version ${version})` : undefined }),
    },
  );
  return c.json(campaignDto(row), 200);
};

export const blankForm: Handler<typeof routes.blankForm> = async (c) => {
  const campaign = await campaignOf(c, c.req.valid('param').id);
  const commune = await readableCommune(c, campaign.communeId);
  const { db } = c.get('deps');
  const { villageId } = c.req.valid('query');
  const village = villageId ? await getUnit(db, 'villages', villageId) : null;
  if (villageId && (!village || village.communeId !== commune.id)) throw new AppError(404, 'not_found');
  const pdf = await blankFormPdf({
    campaign,
    communeName: commune.name,
    unitName: village?.name ?? null,
    retentionMonths: await retentionMonthsOf(db, commune.id),
    locale: docLocale(c),
  });
  return pdfAnswer(c, pdf, `phieu-cam-ket-${campaign.year}.pdf`, { inline: true });
};

/** The filter a reviewer may use: a village head is held to their village's household entries. */
async function scopedFilter(
  c: Context<AppEnv>,
  q: { communeId?: string | undefined; villageId?: string | undefined; kind?: string | undefined },
) {
  const scope = await reviewScope(c, communeParam(c, q.communeId));
  if (scope.villageId && q.villageId && q.villageId !== scope.villageId) throw new AppError(404, 'not_found');
  return {
    scope,
    filter: {
      communeId: scope.commune.id,
      villageId: scope.villageId ?? q.villageId,
      kind: scope.villageId ? ('household' as const) : (q.kind as never),
    },
  };
}

export const listEntries: Handler<typeof routes.listEntries> = async (c) => {
  const q = c.req.valid('query');
  const { filter } = await scopedFilter(c, q);
  const { items, total } = await selectEntries(c.get('deps').db, {
    ...filter,
    campaignId: q.campaignId,
    status: q.status,
    ...toPage(q),
  });
  return c.json(
    {
      items: items.map((r) => entryDto(r.entry, r.campaignTitle, r.unitName)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    },
    200,
  );
};

/** An entry the caller reviews, with its campaign title and unit name; 404 outside their scope. */
async function reviewable(c: Context<AppEnv>, id: string) {
  const { db } = c.get('deps');
  const entry = await getEntry(db, id);
  if (!entry) throw new AppError(404, 'not_found');
  const scope = await reviewScope(c, entry.communeId);
  if (!entryInReviewScope(entry, scope.villageId)) throw new AppError(404, 'not_found');
  const [campaign, unit] = await Promise.all([getCampaign(db, entry.campaignId), getEntryUnit(db, signedUnit(entry))]);
  return { entry, scope, campaignTitle: campaign!.title, unitName: unit?.name ?? null };
}

export const getEntryDetail: Handler<typeof routes.getEntry> = async (c) => {
  const { entry, campaignTitle, unitName } = await reviewable(c, c.req.valid('param').id);
  const { db } = c.get('deps');
  const candidates = await duplicateCandidates(db, {
    communeId: entry.communeId,
    campaignId: entry.campaignId,
    villageId: entry.villageId ?? undefined,
  });
  const group = proposeDuplicates(
    candidates.some((x) => x.id === entry.id)
      ? candidates
      : [...candidates, { ...entry, createdAt: entry.createdAt.toISOString() }],
  ).find((p) => p.originalId === entry.id || p.duplicateIds.includes(entry.id));
  const others = group ? [group.originalId, ...group.duplicateIds].filter((id) => id !== entry.id) : [];
  const possibleDuplicates = (await Promise.all(others.map((id) => getEntry(db, id))))
    .filter((e) => e !== null)
    .map((e) => ({ id: e.id, code: e.code, signerName: e.signerName }));
  return c.json({ ...entryDto(entry, campaignTitle, unitName), signature: entry.signature, possibleDuplicates }, 200);
};

export const reviewEntry: Handler<typeof routes.reviewEntry> = async (c) => {
  const { actor } = requireAuth(c);
  const { entry, scope, campaignTitle, unitName } = await reviewable(c, c.req.valid('param').id);
  const row = await reviewCommitmentEntry(c.get('deps').db, {
    entry,
    decision: c.req.valid('json'),
    reviewer: { accountId: actor.accountId, villageId: scope.villageId, audit: auditContext(c) },
    now: new Date(),
  });
  return c.json(entryDto(row, campaignTitle, unitName), 200);
};

/** POST /api/commitments/entries/bulk-review: one decision for the ticked entries or a whole filter. */
export const bulkReview: Handler<typeof routes.bulkReview> = async (c) => {
  const { actor } = requireAuth(c);
  const request = c.req.valid('json');
  const { filter } = await scopedFilter(c, { communeId: request.communeId, ...request.filter });
  const result = await reviewEntries(c.get('deps').db, {
    filter: { ...filter, campaignId: request.filter?.campaignId },
    request,
    reviewerId: actor.accountId,
    audit: auditContext(c),
    locale: c.get('locale'),
  });
  return c.json(result, 200);
};

export const duplicates: Handler<typeof routes.duplicates> = async (c) => {
  const q = c.req.valid('query');
  const { filter } = await scopedFilter(c, q);
  const { db } = c.get('deps');
  const proposals = proposeDuplicates(
    await duplicateCandidates(db, { ...filter, campaignId: q.campaignId }).then((rows) =>
      filter.kind === 'household' && filter.villageId ? rows.filter((r) => r.villageId === filter.villageId) : rows,
    ),
  );
  if (proposals.length === 0) return c.json({ items: [] }, 200);
  const { items } = await selectEntries(db, { ...filter, campaignId: q.campaignId, limit: 100_000, offset: 0 });
  const byId = new Map(items.map((r) => [r.entry.id, entryDto(r.entry, r.campaignTitle, r.unitName)]));
  return c.json(
    {
      items: proposals.map((p) => ({
        original: byId.get(p.originalId)!,
        duplicates: p.duplicateIds.map((id) => byId.get(id)!),
      })),
    },
    200,
  );
};
