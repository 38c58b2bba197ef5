import { createHash, randomInt } from 'node:crypto';
import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import {
  AppError,
  campaignTarget,
  entryUnitIds,
  importStep,
  newReceiptCode,
  paperColumns,
  paperEntryKey,
  validatePaperRows,
  vnDate,
  vnDateStart,
  type ImportMode,
} from '@vungxanh/domain';
import {
  getCampaign,
  insertPaperEntries,
  isUniqueViolation,
  storedEntryKeys,
  unitKeysOf,
  type EntryInsert,
} from '@vungxanh/db';
import type { Locale } from '@vungxanh/i18n';
import { importIssueMessage, importsMessage, resources } from '@vungxanh/i18n/server';
import { newWorkbook } from '../../lib/lazy-modules.ts';
import { auditContext } from '../../lib/audit.ts';
import type { AppEnv } from '../../lib/context.ts';
import { docLocale } from '../../lib/doc-locale.ts';
import { handleError } from '../../lib/errors.ts';
import type { Handler } from '../../lib/openapi.ts';
import { communeParam, manageableCommune, readableCommune } from '../../lib/scope.ts';
import { limitRows, readSheet } from '../../lib/tabular.ts';
import type * as routes from './commitments.routes.ts';

/** Midnight of a Vietnamese calendar day, as an instant. */
const vietnamMidnight = (day: string) => new Date(vnDateStart(day));

/** Where a long import is: reading the file, checking its rows, writing them. */
export interface ImportProgress {
  phase: 'read' | 'check' | 'write';
  done: number;
  total: number;
}

type Progress = (p: ImportProgress) => void | Promise<void>;

/**
 * Checks and, by the mode, writes a file of signed paper forms: each bad row is a sentence in the
 * caller's language; a row already stored (the same file uploaded again) is recognised by signer,
 * unit, day and kind, and created no second time.
 */
async function importPaperFile(
  c: Context<AppEnv>,
  form: { campaignId: string; communeId?: string | undefined; mode: ImportMode; file: unknown },
  progress: Progress,
) {
  const { db } = c.get('deps');
  const locale = c.get('locale');
  const campaign = await getCampaign(db, form.campaignId);
  if (!campaign) throw new AppError(404, 'not_found');
  const commune = await manageableCommune(c, campaign.communeId);
  if (form.communeId && form.communeId !== commune.id) throw new AppError(404, 'not_found');
  const file = form.file;
  if (!(file instanceof File))
    throw new AppError(422, 'validation_failed', {}, [{ path: 'file', message: 'required' }]);
  const target = campaignTarget(campaign.kind);
  await progress({ phase: 'read', done: 0, total: 0 });
  const sheet = await readSheet(file, locale);
  const [units, stored] = await Promise.all([unitKeysOf(db, commune.id, target), storedEntryKeys(db, campaign.id)]);
  const storedKeys = new Set(
    stored.map((s) =>
      paperEntryKey(campaign.kind, {
        unitId: s.unitId,
        signerName: s.signerName,
        signedOn: vnDate(s.signedAt.getTime()),
      }),
    ),
  );
  const checked = validatePaperRows(campaign.kind, sheet, units, campaign, storedKeys);
  if (!checked) throw new AppError(422, 'import_no_header');
  const { results, columns } = checked;
  limitRows(results.length, locale);
  await progress({ phase: 'check', done: results.length, total: results.length });
  const labels = columnLabels(campaign.kind, locale);
  const errorsOf = (r: (typeof results)[number]) =>
    r.issues.map((i) => ({
      path: i.field,
      message: importIssueMessage(i, locale, columns[i.field] ?? labels[i.field]),
    }));
  const fresh = results.flatMap((r) => (r.value && !r.exists ? [r.value] : []));
  const existing = results.filter((r) => r.exists).length;
  const invalid = results.filter((r) => !r.value).length;
  const report = {
    mode: form.mode,
    valid: results.length - invalid,
    invalid,
    existing,
    rows: results.map((r) => ({
      row: r.row,
      signerName: r.signerName,
      action: !r.value ? ('error' as const) : r.exists ? ('exists' as const) : ('create' as const),
      errors: errorsOf(r),
      ...(r.exists
        ? {
            note:
              r.exists.sameAsRow === null
                ? importsMessage('exists', locale, { row: r.row })
                : importsMessage('repeated', locale, { row: r.row, first: r.exists.sameAsRow }),
          }
        : {}),
    })),
  };
  const step = importStep(form.mode, fresh.length, invalid);
  if (step === 'report') return { ...report, imported: false, created: 0, updated: 0 };
  if (step === 'refuse') {
    throw new AppError(
      422,
      'import_has_errors',
      {},
      results.flatMap((r) => errorsOf(r).map((e) => ({ path: `row ${r.row}.${e.path}`, message: e.message }))),
    );
  }
  const now = new Date();
  const rows = (): EntryInsert[] =>
    fresh.map((v) => {
      const id = crypto.randomUUID();
      const signedAt = vietnamMidnight(v.signedOn);
      return {
        id,
        communeId: commune.id,
        campaignId: campaign.id,
        kind: campaign.kind,
        campaignVersion: campaign.version,
        ...entryUnitIds(campaign.kind, v.unitId),
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
    summary: JSON.stringify({
      campaignId: campaign.id,
      created: fresh.length,
      existing,
      skipped: invalid,
      mode: form.mode,
    }),
  };
  const written = (done: number) => progress({ phase: 'write', done, total: fresh.length });
  // Receipt codes are random: a clash with a stored one fails the whole batch, so draw them again once.
  let created: number;
  try {
    created = await insertPaperEntries(db, rows(), auditEntry, written);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    created = await insertPaperEntries(db, rows(), auditEntry, written);
  }
  return { ...report, imported: true, created, updated: 0 };
}

/**
 * POST /api/commitments/import. A caller that accepts `application/x-ndjson` (the console) gets
 * one JSON line per step of a long import, `{ "progress": … }`, then `{ "result": … }` or
 * `{ "error": … , "status": … }`; any other caller gets the report as one JSON answer.
 */
export const importPaper: Handler<typeof routes.importPaper> = async (c) => {
  const form = c.req.valid('form');
  if (!(c.req.header('accept') ?? '').includes('application/x-ndjson'))
    return c.json(await importPaperFile(c, form, () => {}), 200);
  c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
  c.header('Cache-Control', 'no-store');
  return stream(c, async (s) => {
    const line = async (value: unknown) => {
      await s.write(`${JSON.stringify(value)}\n`);
    };
    try {
      const result = await importPaperFile(c, form, (p) => line({ progress: p }));
      await line({ result });
    } catch (err) {
      const res = handleError(err instanceof Error ? err : new Error(String(err)), c);
      await line({ status: res.status, error: await res.json() });
    }
  }) as never;
};

/** The template's label of each column, in the caller's language. */
function columnLabels(kind: Parameters<typeof paperColumns>[0], locale: Locale): Record<string, string> {
  const m = resources[locale].imports;
  return { ...m.columns, unit: m.unitColumns[campaignTarget(kind)] };
}

/** GET /api/commitments/import/template: a title row, the header row and one example row, in the console's language. */
export const paperTemplate: Handler<typeof routes.paperTemplate> = async (c) => {
  const { db } = c.get('deps');
  const locale = docLocale(c);
  const { campaignId, communeId } = c.req.valid('query');
  const commune = await readableCommune(c, communeParam(c, communeId));
  const campaign = campaignId ? await getCampaign(db, campaignId) : null;
  if (campaignId && (!campaign || campaign.communeId !== commune.id)) throw new AppError(404, 'not_found');
  const kind = campaign?.kind ?? 'household';
  const labels = columnLabels(kind, locale);
  const columns = paperColumns(kind);
  const m = resources[locale].imports;
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('Phieu');
  ws.addRow([campaign ? campaign.title : resources[locale].commitments.kinds[kind]]);
  ws.mergeCells(1, 1, 1, columns.length);
  ws.getRow(1).font = { bold: true, size: 13 };
  ws.addRow(columns.map((f) => labels[f]));
  ws.getRow(2).font = { bold: true };
  const example: Record<string, string> = {
    signerName: 'Nguyễn Văn An',
    unit: m.example,
    address: kind === 'household' ? 'Số 12' : '',
    members: '4',
    guardianName: 'Nguyễn Thị Bình',
    phone: '',
    signedOn: '01/04/2026',
  };
  ws.addRow(columns.map((f) => example[f] ?? ''));
  columns.forEach((_, i) => (ws.getColumn(i + 1).width = 24));
  // Dates stay text as typed (01/04/2026), so Excel does not turn them into the computer's format.
  ws.getColumn(columns.indexOf('signedOn') + 1).numFmt = '@';
  ws.getColumn(columns.indexOf('phone') + 1).numFmt = '@';
  const bytes = await wb.xlsx.writeBuffer();
  c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  c.header('Content-Disposition', `attachment; filename="mau-nhap-phieu-cam-ket.xlsx"`);
  return c.body(new Uint8Array(bytes as ArrayBuffer), 200) as never;
};
