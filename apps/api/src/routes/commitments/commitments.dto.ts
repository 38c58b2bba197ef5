import type { Context } from 'hono';
import { AppError, canManageUnits } from '@vungxanh/domain';
import type { CampaignRow, EntryRow } from '@vungxanh/db';
import type { AppEnv } from '../../lib/context.ts';
import { readableCommune } from '../../lib/scope.ts';
import { requireAuth } from '../../lib/session.ts';

export const campaignDto = (c: CampaignRow) => ({
  id: c.id,
  communeId: c.communeId,
  kind: c.kind,
  year: c.year,
  title: c.title,
  text: c.text,
  version: c.version,
  legalBasis: c.legalBasis,
  opensOn: c.opensOn,
  closesOn: c.closesOn,
  demo: c.demo,
});

export const entryDto = (e: EntryRow, campaignTitle: string, unitName: string | null) => ({
  id: e.id,
  campaignId: e.campaignId,
  campaignTitle,
  kind: e.kind,
  campaignVersion: e.campaignVersion,
  villageId: e.villageId,
  schoolId: e.schoolId,
  organizationId: e.organizationId,
  unitName,
  signerName: e.signerName,
  address: e.address,
  members: e.members,
  phone: e.phone,
  guardianName: e.guardianName,
  signatureKind: e.signatureKind,
  channel: e.channel,
  status: e.status,
  code: e.code,
  reason: e.reason,
  duplicateOfId: e.duplicateOfId,
  reviewedAt: e.reviewedAt?.toISOString() ?? null,
  signedAt: e.signedAt.toISOString(),
  createdAt: e.createdAt.toISOString(),
  purged: e.purgedAt !== null,
});

/**
 * Who reviews a commune's entries: its admins all of them, a village head the household entries
 * of their own village. Outside the commune: 404; other roles inside it: 403.
 */
export async function reviewScope(c: Context<AppEnv>, communeId: string) {
  const { actor } = requireAuth(c);
  const commune = await readableCommune(c, communeId);
  if (canManageUnits(actor, commune.id)) return { commune, villageId: null as string | null };
  if (actor.role === 'village_head' && actor.villageId && actor.communeId === commune.id)
    return { commune, villageId: actor.villageId };
  throw new AppError(403, 'forbidden');
}
