import { cleanText } from './text.ts';

/**
 * Reading a spreadsheet as officials make them: title rows and merged cells above the header row,
 * dates typed as text, names typed with combining marks. One set of rules for every import
 * (paper commitments, villages, questions).
 */

/** The most data rows one import takes; a bigger file is refused with this figure in the message. */
export const maxImportRows = 50_000;

/** How many rows from the top are searched for the header row (title rows, a blank line, notes). */
const headerSearchRows = 30;

/** One row of a sheet as read: its number in the file (1-based, as Excel shows it) and its cells. */
export interface SheetRow {
  row: number;
  cells: string[];
}

/** A table found in a sheet: the header labels as the user typed them, and the data rows below. */
export interface FoundTable {
  /** The row number of the header row in the file. */
  headerRow: number;
  header: string[];
  rows: SheetRow[];
}

/**
 * Finds the header row: among the first rows, the first one with the most cells that name a known
 * field (`field` maps a header label to a field or null), with at least one. Title rows merged
 * across the columns ("DANH SÁCH HỘ KÝ CAM KẾT NĂM 2026") name no field and are passed over.
 * Without `field`, the first non-empty row is the header. Returns null when no row qualifies.
 */
export function findTable(rows: readonly SheetRow[], field?: (header: string) => string | null): FoundTable | null {
  const filled = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (filled.length === 0) return null;
  let best = -1;
  let bestScore = 0;
  if (!field) best = 0;
  else {
    for (let i = 0; i < Math.min(filled.length, headerSearchRows); i++) {
      const known = new Set(filled[i]!.cells.map((c) => field(c)).filter((f) => f !== null));
      if (known.size > bestScore) {
        bestScore = known.size;
        best = i;
      }
    }
  }
  if (best < 0) return null;
  const headerRow = filled[best]!;
  return {
    headerRow: headerRow.row,
    header: headerRow.cells.map((c) => cleanText(c)),
    rows: filled.slice(best + 1).map((r) => ({ row: r.row, cells: r.cells.map(cleanCell) })),
  };
}

/** What every imported text cell goes through: NFC (no combining marks), trimmed, single spaces. */
export function cleanCell(cell: string): string {
  return cleanText(cell);
}

const excelEpoch = Date.UTC(1899, 11, 30);

/**
 * A date cell as YYYY-MM-DD, or null when it is not a date: accepts YYYY-MM-DD, dd/mm/yyyy,
 * d/m/yyyy and d/m/yy (also with "-" or "." between the parts), and an Excel date serial
 * (a date cell read as a number). Two-digit years are 20yy. Dates that do not exist (31/02) are null.
 */
export function parseSheetDate(text: string): string | null {
  const s = cleanCell(text);
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(s))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (match[3]!.length === 2) y += 2000;
  } else if (/^\d{5}(\.\d+)?$/.test(s)) {
    const serial = Math.floor(Number(s));
    // 1/1/2000 … 31/12/2099: other numbers are not dates someone signed on.
    if (serial < 36526 || serial > 73050) return null;
    return new Date(excelEpoch + serial * 86_400_000).toISOString().slice(0, 10);
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900 || y > 2100) return null;
  return date.toISOString().slice(0, 10);
}

/** YYYY-MM-DD → dd/mm/yyyy, the way a date is typed in a sheet and shown in messages. */
export function sheetDateText(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * What a cell should hold, for a message saying what to type. Each names a sentence in
 * @vungxanh/i18n (`imports.expect.*`), with `params` filled in.
 */
export type ExpectRule =
  | 'required'
  | 'text120'
  | 'text200'
  | 'date'
  | 'dateInCampaign'
  | 'unit'
  | 'members'
  | 'phone'
  | 'count'
  | 'villageKind'
  | 'uniqueName';

/**
 * One problem in one row, before it is put in words: the row number in the file, the field, the
 * column as the user labelled it (null when the file has no such column), the cell as found, and
 * what to type instead.
 */
export interface RowIssue {
  row: number;
  field: string;
  column: string | null;
  found: string;
  expect: ExpectRule;
  params?: Record<string, string | number>;
}

/**
 * The records of a found table, keyed by field: for each known column its cell, and the labels
 * the user gave each field's column.
 */
export function tableRecords(
  table: FoundTable,
  field: (header: string) => string | null,
): { columns: Record<string, string>; records: { row: number; fields: Record<string, string> }[] } {
  const columns: Record<string, string> = {};
  const indexes: [number, string][] = [];
  table.header.forEach((label, i) => {
    const f = field(label);
    if (f && !(f in columns)) {
      columns[f] = label;
      indexes.push([i, f]);
    }
  });
  return {
    columns,
    records: table.rows.map((r) => {
      const fields: Record<string, string> = {};
      for (const [i, f] of indexes) fields[f] = r.cells[i] ?? '';
      return { row: r.row, fields };
    }),
  };
}
