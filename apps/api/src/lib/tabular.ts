import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError, type ImportRecord } from '@vungxanh/domain';

const maxRows = 5_000;

/** Reads the first sheet of an XLSX file or a UTF-8 CSV into records keyed by the header row. */
export async function readTable(file: File): Promise<ImportRecord[]> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const isXlsx = bytes[0] === 0x50 && bytes[1] === 0x4b; // a ZIP container: "PK"
  const rows = isXlsx ? await readXlsx(bytes) : readCsv(bytes);
  const [header, ...data] = rows.filter((r) => r.some((cell) => cell.trim() !== ''));
  if (!header || data.length > maxRows) throw new AppError(422, 'import_invalid_file');
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ''])));
}

function readCsv(bytes: Uint8Array): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new AppError(422, 'import_invalid_file');
  }
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  if (parsed.errors.some((e) => e.type === 'Quotes')) throw new AppError(422, 'import_invalid_file');
  return parsed.data;
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new AppError(422, 'import_invalid_file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError(422, 'import_invalid_file');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let i = 1; i <= sheet.columnCount; i++) values.push(cellText(row.getCell(i).value));
    rows.push(values);
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
