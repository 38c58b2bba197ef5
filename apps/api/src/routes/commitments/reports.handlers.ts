import { newWorkbook } from '../../lib/lazy-modules.ts';
import { AppError, retentionCutoff, vietnamToday } from '@vungxanh/domain';
import {
  entriesForExport,
  getCampaign,
  getUnit,
  purgeEntries,
  retentionMonthsOf,
  setRetentionMonths,
} from '@vungxanh/db';
import { resources } from '@vungxanh/i18n/server';
import { audit, auditContext, summarize } from '../../lib/audit.ts';
import { docLocale } from '../../lib/doc-locale.ts';
import { addTable, xlsxBytes } from '../../lib/xlsx.ts';
import { commitmentCoverageFor, commitmentSummaryFor } from '../../use-cases/coverage.ts';
import type { Handler } from '../../lib/openapi.ts';
import { communeParam, manageableCommune, readableCommune } from '../../lib/scope.ts';
import type * as routes from './commitments.routes.ts';

/** Figures, exports and privacy of a commune's commitments. */

const exportColumns = [
  ['code', 12, 'text'],
  ['campaign', 36, 'text'],
  ['unit', 24, 'text'],
  ['signerName', 26, 'text'],
  ['address', 24, 'text'],
  ['members', 10, 'integer'],
  ['phone', 14, 'text'],
  ['channel', 12, 'text'],
  ['status', 14, 'text'],
  ['reason', 24, 'text'],
  ['signedAt', 12, 'date'],
] as const;

export const exportEntries: Handler<typeof routes.exportEntries> = async (c) => {
  const q = c.req.valid('query');
  const commune = await manageableCommune(c, communeParam(c, q.communeId));
  const { db } = c.get('deps');
  // Another commune's campaign or village is not found here, as everywhere (not an empty sheet).
  const campaign = q.campaignId ? await getCampaign(db, q.campaignId) : null;
  const village = q.villageId ? await getUnit(db, 'villages', q.villageId) : null;
  if ((q.campaignId && campaign?.communeId !== commune.id) || (q.villageId && village?.communeId !== commune.id))
    throw new AppError(404, 'not_found');
  const rows = await entriesForExport(db, { ...q, communeId: commune.id });
  // Labels in the console's language (`lang`), not codes; dates and counts as real cells.
  const t = resources[docLocale(c)].documents;
  const book = await newWorkbook();
  const columns = exportColumns.map(([key, width, kind]) => ({ key, header: t.columns[key], width, kind }));
  addTable(
    book,
    t.sheets.commitments,
    columns,
    rows.map(({ entry: e, campaignTitle, unitName }) => ({
      code: e.code,
      campaign: campaignTitle,
      unit: unitName ?? '',
      signerName: e.signerName,
      address: e.address,
      members: e.members,
      phone: e.phone,
      channel: t.values.channels[e.channel],
      status: t.values.entryStatuses[e.status],
      reason: e.reason,
      signedAt: vietnamToday(e.signedAt),
    })),
  );
  const buffer = await xlsxBytes(book);
  await audit(c, {
    entity: 'commitment_entry',
    action: 'export',
    communeId: commune.id,
    summary: summarize({ rows: rows.length, ...q }),
  });
  c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  c.header('Content-Disposition', `attachment; filename="vungxanh-cam-ket.xlsx"`);
  return c.body(new Uint8Array(buffer), 200) as never;
};

export const coverage: Handler<typeof routes.coverage> = async (c) => {
  const q = c.req.valid('query');
  const commune = await readableCommune(c, communeParam(c, q.communeId));
  return c.json({ year: q.year, ...(await commitmentCoverageFor(c.get('deps').db, commune.id, q.year)) }, 200);
};

export const summary: Handler<typeof routes.summary> = async (c) => {
  const q = c.req.valid('query');
  const commune = await readableCommune(c, communeParam(c, q.communeId));
  return c.json({ items: await commitmentSummaryFor(c.get('deps').db, commune.id, q.year) }, 200);
};

export const getPrivacy: Handler<typeof routes.getPrivacy> = async (c) => {
  const commune = await readableCommune(c, communeParam(c, c.req.valid('query').communeId));
  return c.json({ communeId: commune.id, retentionMonths: await retentionMonthsOf(c.get('deps').db, commune.id) }, 200);
};

export const setPrivacy: Handler<typeof routes.setPrivacy> = async (c) => {
  const input = c.req.valid('json');
  const commune = await manageableCommune(c, communeParam(c, input.communeId));
  await setRetentionMonths(c.get('deps').db, commune.id, input.retentionMonths, {
    ...auditContext(c),
    entity: 'commitment_settings',
    entityId: commune.id,
    action: 'update',
    communeId: commune.id,
    summary: summarize({ retentionMonths: input.retentionMonths }),
  });
  return c.json({ communeId: commune.id, retentionMonths: input.retentionMonths }, 200);
};

export const purge: Handler<typeof routes.purge> = async (c) => {
  const commune = await manageableCommune(c, communeParam(c, c.req.valid('json').communeId));
  const { db } = c.get('deps');
  const before = retentionCutoff(new Date(), await retentionMonthsOf(db, commune.id));
  const purged = await purgeEntries(db, commune.id, before, {
    ...auditContext(c),
    entity: 'commitment_entry',
    action: 'purge',
    communeId: commune.id,
  });
  return c.json({ purged, before: before.toISOString() }, 200);
};
