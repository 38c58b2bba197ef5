import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError, findTable, maxImportRows, type ImportRecord, type SheetRow } from '@vungxanh/domain';
import type { Locale } from '@vungxanh/i18n';
import { newWorkbook } from './lazy-modules.ts';

/** The largest file an import takes (the upload body limit of `/import` routes is the same). */
export const maxImportBytes = 16 * 1024 * 1024;

/** Rows a file may hold above its header row (titles, notes) on top of the data-row limit. */
const headerSlack = 30;

const count = (n: number, locale: Locale) => n.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-US');

/**
 * The one reader of every import (paper commitments, villages, questions): the first sheet of an
 * XLSX file or a UTF-8 CSV, as rows numbered as Excel shows them. A merged cell reads as its
 * range's value in every cell it covers. Refuses a file over 16 MB or over 50,000 data rows, saying so.
 */
export async function readSheet(file: File, locale: Locale): Promise<SheetRow[]> {
  if (file.size > maxImportBytes) throw new AppError(413, 'import_file_too_large');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const isXlsx = bytes[0] === 0x50 && bytes[1] === 0x4b; // a ZIP container: "PK"
  const tooMany = (found: number) =>
    new AppError(422, 'import_too_many_rows', { found: count(found, locale), max: count(maxImportRows, locale) });
  const rows = isXlsx ? await readXlsx(bytes, tooMany) : readCsv(bytes);
  const filled = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (filled.length > maxImportRows + headerSlack) throw tooMany(filled.length - 1);
  return filled;
}

/** The data rows below the header row, after the header row is found with `field`, at most 50,000. */
export function limitRows(rows: number, locale: Locale) {
  if (rows > maxImportRows)
    throw new AppError(422, 'import_too_many_rows', { found: count(rows, locale), max: count(maxImportRows, locale) });
}

/**
 * Reads a file into records keyed by the header row's labels, with each record's row number.
 * `field` names the known columns, so that title rows above the header are passed over.
 */
export async function readTable(
  file: File,
  locale: Locale,
  field?: (header: string) => string | null,
): Promise<{ records: ImportRecord[]; rowNumbers: number[] }> {
  const table = findTable(await readSheet(file, locale), field);
  if (!table) throw new AppError(422, 'import_invalid_file');
  limitRows(table.rows.length, locale);
  return {
    records: table.rows.map((r) => Object.fromEntries(table.header.map((h, i) => [h, r.cells[i] ?? '']))),
    rowNumbers: table.rows.map((r) => r.row),
  };
}

function readCsv(bytes: Uint8Array): SheetRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new AppError(422, 'import_invalid_file');
  }
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  if (parsed.errors.some((e) => e.type === 'Quotes')) throw new AppError(422, 'import_invalid_file');
  return parsed.data.map((cells, i) => ({ row: i + 1, cells }));
}

async function readXlsx(bytes: Uint8Array, tooMany: (found: number) => AppError): Promise<SheetRow[]> {
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new AppError(422, 'import_invalid_file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError(422, 'import_invalid_file');
  if (sheet.actualRowCount > maxImportRows + headerSlack) throw tooMany(sheet.actualRowCount - 1);
  const rows: SheetRow[] = [];
  const columns = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let i = 1; i <= columns; i++) cells.push(cellText(row.getCell(i).value));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    return '';
  }
  return String(value);
}
