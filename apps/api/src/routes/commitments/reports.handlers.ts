import ExcelJS from 'exceljs';
import { AppError, retentionCutoff, vietnamToday } from '@vungxanh/domain';
import {
  entriesForExport,
  getCampaign,
  getUnit,
  purgeEntries,
  retentionMonthsOf,
  setRetentionMonths,
} from '@vungxanh/db';
import { audit, auditContext, summarize } from '../../lib/audit.ts';
import { commitmentCoverageFor, commitmentSummaryFor } from '../../use-cases/coverage.ts';
import type { Handler } from '../../lib/openapi.ts';
import { communeParam, manageableCommune, readableCommune } from '../../lib/scope.ts';
import type * as routes from './commitments.routes.ts';

/** Figures, exports and privacy of a commune's commitments. */

const exportColumns = [
  ['code', 'Mã phiếu', 12],
  ['campaign', 'Đợt cam kết', 36],
  ['unit', 'Thôn / trường / đơn vị', 24],
  ['signerName', 'Họ tên', 26],
  ['address', 'Địa chỉ, số nhà', 24],
  ['members', 'Số nhân khẩu', 10],
  ['phone', 'Điện thoại', 14],
  ['channel', 'Kênh', 10],
  ['status', 'Tình trạng', 12],
  ['reason', 'Lý do', 24],
  ['signedAt', 'Ngày ký', 12],
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
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('cam-ket');
  sheet.columns = exportColumns.map(([key, header, width]) => ({ key, header, width }));
  for (const { entry: e, campaignTitle, unitName } of rows)
    sheet.addRow({
      code: e.code,
      campaign: campaignTitle,
      unit: unitName ?? '',
      signerName: e.signerName,
      address: e.address,
      members: e.members ?? '',
      phone: e.phone ?? '',
      channel: e.channel,
      status: e.status,
      reason: e.reason ?? '',
      signedAt: vietnamToday(e.signedAt),
    });
  sheet.getRow(1).font = { bold: true };
  const buffer = await book.xlsx.writeBuffer();
  await audit(c, {
    entity: 'commitment_entry',
    action: 'export',
    communeId: commune.id,
    summary: summarize({ rows: rows.length, ...q }),
  });
  c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  c.header('Content-Disposition', `attachment; filename="vungxanh-cam-ket.xlsx"`);
  return c.body(new Uint8Array(buffer as ArrayBuffer), 200) as never;
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
