import type ExcelJS from 'exceljs';
import { VN_OFFSET_MS } from '@vungxanh/domain';
import { excelFormats } from '@vungxanh/i18n/format';
import { loadJsZip } from './lazy-modules.ts';

/** How a column's values are written: real numbers and dates with Vietnamese formats, never dates as text. */
export type CellKind = 'text' | 'integer' | 'decimal' | 'percent' | 'date' | 'dateTime' | 'year';
export type CellValue = string | number | Date | null | undefined;

const ymd = /^(\d{4})-(\d{2})-(\d{2})$/;

const numFmt: Record<Exclude<CellKind, 'text'>, string> = {
  integer: excelFormats.integer,
  decimal: excelFormats.decimal,
  percent: excelFormats.percent,
  date: excelFormats.date,
  dateTime: excelFormats.dateTime,
  year: excelFormats.year,
};

/**
 * Excel keeps no time zone: a cell's date is the wall clock it shows. A calendar date (YYYY-MM-DD) is that day;
 * an instant is shown at its Vietnam time.
 */
function excelDate(value: string | number | Date, kind: 'date' | 'dateTime'): Date | null {
  if (typeof value === 'string') {
    const day = ymd.exec(value);
    if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  }
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) return null;
  const shown = ms + VN_OFFSET_MS;
  return new Date(kind === 'date' ? shown - (shown % 86_400_000) : shown);
}

/** Writes one value into a cell as its kind says. */
export function putCell(cell: ExcelJS.Cell, value: CellValue, kind: CellKind = 'text') {
  if (value === null || value === undefined || value === '') {
    cell.value = null;
    return;
  }
  if (kind === 'text') {
    cell.value = value instanceof Date ? value.toISOString() : String(value);
    return;
  }
  if (kind === 'date' || kind === 'dateTime') {
    const date = excelDate(value, kind);
    cell.value = date ?? String(value);
  } else {
    cell.value = typeof value === 'number' ? value : Number.isFinite(Number(value)) ? Number(value) : String(value);
  }
  cell.numFmt = numFmt[kind];
}

export interface Column<K extends string = string> {
  key: K;
  header: string;
  width?: number;
  kind?: CellKind;
}

/** A sheet holding one table: a bold header row, then one row per record, each cell of its column's kind. */
export function addTable<K extends string>(
  book: ExcelJS.Workbook,
  name: string,
  columns: readonly Column<K>[],
  rows: Iterable<Partial<Record<K, CellValue>>>,
): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width ?? 14;
    const cell = sheet.getCell(1, i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
  });
  let r = 1;
  for (const record of rows) {
    r += 1;
    const row = sheet.getRow(r);
    columns.forEach((c, i) => putCell(row.getCell(i + 1), record[c.key], c.kind));
  }
  return sheet;
}

/** OWASP's CSV-injection list: a cell starting with one of these is read as a formula by spreadsheet programs. */
export const formulaLike = (text: string) => /^[=+\-@\t\r]/.test(text);

// ExcelJS cannot write the `quotePrefix` style: such cells are marked with a protection flag that nothing else sets
// (hidden only matters for formulas on a protected sheet), and the flag is turned into quotePrefix in styles.xml.
const marker: Partial<ExcelJS.Protection> = { locked: true, hidden: true };

/**
 * The workbook as XLSX bytes, with every text cell that looks like a formula neutralised: Excel's quote prefix
 * (the hidden apostrophe of a typed `'=…`) makes it text for good, while the cell shows exactly what was written.
 */
export async function xlsxBytes(book: ExcelJS.Workbook): Promise<Uint8Array> {
  let marked = 0;
  for (const sheet of book.worksheets)
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (typeof cell.value === 'string' && formulaLike(cell.value)) {
          cell.style = { ...cell.style, protection: marker };
          marked += 1;
        }
      }),
    );
  const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
  if (marked === 0) return bytes;
  const zip = await (await loadJsZip()).loadAsync(bytes);
  const styles = await zip.file('xl/styles.xml')!.async('string');
  zip.file(
    'xl/styles.xml',
    styles.replace(
      /<xf ([^>]*?) ?applyProtection="1"([^>]*)>((?:(?!<\/xf>).)*?)<protection hidden="1"\/>/g,
      '<xf $1 quotePrefix="1"$2>$3',
    ),
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
