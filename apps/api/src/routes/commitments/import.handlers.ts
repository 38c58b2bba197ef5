import { createHash, randomInt } from 'node:crypto';
import { AppError, campaignTarget, importStep, newReceiptCode, validatePaperRows, vnDateStart } from '@vungxanh/domain';
import { getCampaign, insertPaperEntries, isUniqueViolation, unitKeysOf, type EntryInsert } from '@vungxanh/db';
import { auditContext } from '../../lib/audit.ts';
import type { Handler } from '../../lib/openapi.ts';
import { manageableCommune } from '../../lib/scope.ts';
import { readTable } from '../../lib/tabular.ts';
import type * as routes from './commitments.routes.ts';

/** Midnight of a Vietnamese calendar day, as an instant. */
const vietnamMidnight = (day: string) => new Date(vnDateStart(day));

export const importPaper: Handler<typeof routes.importPaper> = async (c) => {
  const { db } = c.get('deps');
  const form = c.req.valid('form');
  const campaign = await getCampaign(db, form.campaignId);
  if (!campaign) throw new AppError(404, 'not_found');
  const commune = await manageableCommune(c, campaign.communeId);
  if (form.communeId && form.communeId !== commune.id) throw new AppError(404, 'not_found');
  const file = form.file;
  if (!(file instanceof File))
    throw new AppError(422, 'validation_failed', {}, [{ path: 'file', message: 'required' }]);
  const target = campaignTarget(campaign.kind);
  const results = validatePaperRows(
    campaign.kind,
    await readTable(file),
    await unitKeysOf(db, commune.id, target),
    campaign,
  );
  const valid = results.flatMap((r) => (r.value ? [r.value] : []));
  const invalid = results.length - valid.length;
  const report = {
    mode: form.mode,
    valid: valid.length,
    invalid,
    rows: results.map((r) => ({
      row: r.row,
      signerName: r.signerName,
      action: r.value ? ('create' as const) : ('error' as const),
      errors: r.errors,
    })),
  };
  const step = importStep(form.mode, valid.length, invalid);
  if (step === 'report') return c.json({ ...report, imported: false, created: 0, updated: 0 }, 200);
  if (step === 'refuse') {
    throw new AppError(
      422,
      'import_has_errors',
      {},
      results.flatMap((r) => r.errors.map((e) => ({ path: `row ${r.row}.${e.path}`, message: e.message }))),
    );
  }
  const now = new Date();
  const rows = (): EntryInsert[] =>
    valid.map((v) => {
      const id = crypto.randomUUID();
      const signedAt = vietnamMidnight(v.signedOn);
      return {
        id,
        communeId: commune.id,
        campaignId: campaign.id,
        kind: campaign.kind,
        campaignVersion: campaign.version,
        villageId: target === 'village' ? v.unitId : null,
        schoolId: target === 'school' ? v.unitId : null,
        organizationId: target === 'organization' ? v.unitId : null,
        signerName: v.signerName,
        address: v.address,
        members: v.members,
        phone: v.phone,
        guardianName: v.guardianName,
        signatureKind: 'paper',
        signature: null,
        consentAt: signedAt,
        signedAt,
        channel: 'paper',
        code: newReceiptCode(randomInt),
        payloadHash: createHash('sha256')
          .update(JSON.stringify({ id, ...v }))
          .digest('hex'),
        createdAt: now,
      };
    });
  const auditEntry = {
    ...auditContext(c),
    entity: 'commitment_entry',
    entityId: campaign.id,
    action: 'import',
    communeId: commune.id,
    summary: JSON.stringify({ campaignId: campaign.id, created: valid.length, skipped: invalid, mode: form.mode }),
  };
  // Receipt codes are random: a clash with a stored one fails the whole batch, so draw them again once.
  let created: number;
  try {
    created = await insertPaperEntries(db, rows(), auditEntry);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    created = await insertPaperEntries(db, rows(), auditEntry);
  }
  return c.json({ ...report, imported: true, created, updated: 0 }, 200);
};
