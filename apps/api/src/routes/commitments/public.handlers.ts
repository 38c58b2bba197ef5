import { createHash, randomInt } from 'node:crypto';
import type { Context } from 'hono';
import {
  AppError,
  canonicalEntry,
  entryProblems,
  entryUnit,
  isCampaignOpen,
  newReceiptCode,
  normalizeReceiptCode,
  signedUnit,
  vietnamToday,
  type EntryInput,
} from '@vungxanh/domain';
import {
  getCampaign,
  getCommune,
  getEntry,
  getEntryUnit,
  insertEntry,
  isUniqueViolation,
  listCampaigns,
  receiptByCode,
  retentionMonthsOf,
  signingUnits,
  type CampaignRow,
  type EntryRow,
} from '@vungxanh/db';
import type { AppEnv } from '../../lib/context.ts';
import { clientIp } from '../../lib/client-ip.ts';
import { deviceKiosk } from '../../lib/device.ts';
import type { Handler } from '../../lib/openapi.ts';
import { docLocale } from '../../lib/doc-locale.ts';
import { pdfAnswer } from '../../lib/pdf.ts';
import { receiptPdf as renderReceipt } from './commitments.pdf.ts';
import type * as routes from './public.routes.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
/** A device may stamp its clock a little ahead of ours. */
const clockSkewMs = 10 * 60_000;

export const campaigns: Handler<typeof routes.publicCampaigns> = async (c) => {
  const { communeId } = c.req.valid('query');
  const { db } = c.get('deps');
  const commune = await getCommune(db, communeId);
  if (!commune) throw new AppError(404, 'not_found');
  const [open, units, retentionMonths] = await Promise.all([
    listCampaigns(db, commune.id, { openOn: vietnamToday() }),
    signingUnits(db, commune.id),
    retentionMonthsOf(db, commune.id),
  ]);
  return c.json(
    {
      communeName: commune.name,
      retentionMonths,
      campaigns: open.map(({ demo: _d, communeId: _c, createdAt: _a, updatedAt: _u, ...rest }) => rest),
      ...units,
    },
    200,
  );
};

const reply = (e: EntryRow, campaign: CampaignRow) => ({
  id: e.id,
  code: e.code,
  status: e.status,
  campaignTitle: campaign.title,
  year: campaign.year,
  kind: campaign.kind,
  signedAt: e.signedAt.toISOString(),
});

/** The unit the entry names must be an active one of the campaign's commune. */
async function checkUnit(c: Context<AppEnv>, campaign: CampaignRow, input: EntryInput) {
  const named = entryUnit(campaign.kind, input);
  const unit = await getEntryUnit(c.get('deps').db, named);
  if (!unit || unit.communeId !== campaign.communeId || !unit.active)
    throw new AppError(422, 'validation_failed', {}, [{ path: `${named.kind}Id`, message: 'unknown in this commune' }]);
}

export const submit: Handler<typeof routes.submit> = async (c) => {
  const { db, limits } = c.get('deps');
  const wait = limits.publicWrite.hit(`commitment:${clientIp(c)}`);
  if (wait) throw new AppError(429, 'rate_limited', { retryAfter: wait });
  const input = c.req.valid('json');
  const kiosk = await deviceKiosk(c);
  const hash = sha(canonicalEntry(input));

  // A stored entry with the same hash names the same campaign, so both lookups go at once.
  const [existing, campaign] = await Promise.all([getEntry(db, input.id), getCampaign(db, input.campaignId)]);
  const replay = (stored: EntryRow | null) => {
    if (!stored) return null;
    if (stored.payloadHash !== hash) throw new AppError(409, 'commitment_id_conflict');
    return c.json(reply(stored, campaign!), 200);
  };
  const first = replay(existing);
  if (first) return first;

  if (!campaign) throw new AppError(422, 'validation_failed', {}, [{ path: 'campaignId', message: 'unknown' }]);
  const problems = entryProblems(campaign.kind, input);
  if (problems.length) throw new AppError(422, 'validation_failed', {}, problems);
  const now = new Date();
  const signedAt = input.signedAt ? new Date(input.signedAt) : now;
  if (signedAt.getTime() > now.getTime() + clockSkewMs)
    throw new AppError(422, 'validation_failed', {}, [{ path: 'signedAt', message: 'in the future' }]);
  // An entry signed offline on the last open day still counts when it arrives later.
  if (!isCampaignOpen(campaign, vietnamToday(signedAt))) throw new AppError(422, 'commitment_campaign_closed');
  await checkUnit(c, campaign, input);
  if (kiosk && kiosk.communeId !== campaign.communeId)
    throw new AppError(422, 'validation_failed', {}, [{ path: 'campaignId', message: 'not this kiosk’s commune' }]);

  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const row = await insertEntry(db, {
        id: input.id,
        communeId: campaign.communeId,
        campaignId: campaign.id,
        kind: campaign.kind,
        campaignVersion: campaign.version,
        villageId: input.villageId ?? null,
        schoolId: input.schoolId ?? null,
        organizationId: input.organizationId ?? null,
        signerName: input.signerName.normalize('NFC').replace(/\s+/g, ' ').trim(),
        address: input.address,
        members: input.members ?? null,
        phone: input.phone ?? null,
        guardianName: input.guardianName ?? null,
        signatureKind: input.signature.kind,
        signature: input.signature.kind === 'drawn' ? input.signature.dataUrl : input.signature.name,
        consentAt: signedAt,
        signedAt,
        channel: kiosk ? 'kiosk' : 'online',
        kioskId: kiosk?.id ?? null,
        code: newReceiptCode(randomInt),
        payloadHash: hash,
      });
      return c.json(reply(row, campaign), 201);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // Either the same id arrived twice at once (answer as a replay) or the code was taken (draw again).
      const raced = replay(await getEntry(db, input.id));
      if (raced) return raced;
    }
  }
  throw new AppError(409, 'conflict');
};

export const receipt: Handler<typeof routes.receipt> = async (c) => {
  const code = normalizeReceiptCode(c.req.valid('param').code);
  const row = code ? await receiptByCode(c.get('deps').db, code) : null;
  if (!row) throw new AppError(404, 'commitment_receipt_unknown');
  return c.json({ ...row, signedAt: row.signedAt.toISOString() }, 200);
};

/** Where a receipt is checked; the QR codes point here. */
export function checkUrl(c: Context<AppEnv>, code: string) {
  const origin = c.get('deps').config.PUBLIC_ORIGIN ?? new URL(c.req.url).origin;
  return `${origin}/commitment/check?code=${encodeURIComponent(code)}`;
}

export const receiptPdf: Handler<typeof routes.receiptPdf> = async (c) => {
  const { db } = c.get('deps');
  const entry = await getEntry(db, c.req.valid('param').id);
  const code = normalizeReceiptCode(c.req.valid('query').code ?? '');
  if (!entry || !code || entry.code !== code || entry.purgedAt) throw new AppError(404, 'not_found');
  const campaign = (await getCampaign(db, entry.campaignId))!;
  const commune = (await getCommune(db, entry.communeId))!;
  const unit = await getEntryUnit(db, signedUnit(entry));
  const pdf = await renderReceipt({
    campaign,
    entry,
    communeName: commune.name,
    unitName: unit?.name ?? '',
    checkUrl: checkUrl(c, entry.code),
    retentionMonths: await retentionMonthsOf(db, commune.id),
    locale: docLocale(c),
  });
  return pdfAnswer(c, pdf, `cam-ket-${entry.code}.pdf`, { inline: true, private: true });
};
