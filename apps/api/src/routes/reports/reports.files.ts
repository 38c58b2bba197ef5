import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../lib/lazy-modules.ts';
import type { ReportCell, ReportColumn, ReportSection } from '@vungxanh/domain';
import type { Locale } from '@vungxanh/i18n';
import { formatDate, formatNumber, formatPercent, formatYear } from '@vungxanh/i18n/format';
import { resources } from '@vungxanh/i18n/server';
import { fill, officialPdf } from '../../lib/official-document.ts';
import type { PdfContent } from '../../lib/pdf.ts';
import { putCell, xlsxBytes, type CellKind } from '../../lib/xlsx.ts';
import type { Report } from '../../use-cases/report.ts';

export interface Heading {
  locale: Locale;
  provinceName: string;
  communeName: string;
  /** Số and ký hiệu as the office gave it ("12/BC-UBND"), or none: the form leaves the number blank. */
  number: string | null;
  signerName: string | null;
}

// "Xã Gia Viễn" → "Gia Viễn": official papers name the place without its kind.
export const placeOf = (communeName: string) => communeName.replace(/^(xã|phường|đặc khu)\s+/i, '');
const words = (locale: Locale) => resources[locale].documents;

const cellKind: Record<ReportColumn['kind'], CellKind> = {
  text: 'text',
  number: 'integer',
  percent: 'percent',
  date: 'date',
  year: 'year',
};

/** A report cell as read on paper, with the one formatter the screens use. */
function shown(cell: ReportCell, kind: ReportColumn['kind'], locale: Locale): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return kind === 'date' ? formatDate(cell) : cell;
  if (kind === 'year') return formatYear(cell);
  return kind === 'percent' ? formatPercent(cell, locale) : formatNumber(cell, locale);
}

/** Excel forbids some characters in sheet names and cuts them at 31. */
const sheetName = (i: number, title: string) => `${i + 1}. ${title}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/**
 * The report as XLSX: one sheet per table, each opening with the official heading (issuing body on the left, national
 * name and motto on the right, place and date), the report's title and period, then the table with its total row.
 * Counts are number cells and dates date cells, shown in Vietnamese formats.
 */
export async function reportXlsx(report: Report, heading: Heading): Promise<Uint8Array> {
  const t = words(heading.locale);
  const book = await newWorkbook();
  book.creator = 'Vùng Xanh';
  const [day, month, year] = formatDate(report.generatedAt).split('/') as [string, string, string];
  const title = fill(t.report.title, { period: report.periodLabel });
  report.sections.forEach((section, i) => {
    const sheet = book.addWorksheet(sheetName(i, section.title));
    const width = Math.max(section.columns.length, 4);
    const left = (row: number, text: string, bold = false) => {
      sheet.mergeCells(row, 1, row, 2);
      const cell = sheet.getCell(row, 1);
      cell.value = text;
      cell.font = { bold };
      cell.alignment = { horizontal: 'center' };
    };
    const right = (row: number, text: string, options: Partial<ExcelJS.Font> = {}) => {
      sheet.mergeCells(row, 3, row, width);
      const cell = sheet.getCell(row, 3);
      cell.value = text;
      cell.font = options;
      cell.alignment = { horizontal: 'center' };
    };
    left(1, heading.provinceName.toUpperCase());
    right(1, t.official.nation, { bold: true });
    left(2, fill(t.official.committee, { name: heading.communeName }).toUpperCase(), true);
    right(2, t.official.motto, { bold: true });
    right(3, fill(t.official.dateLine, { place: placeOf(heading.communeName), day, month, year }), { italic: true });
    for (const [row, text, bold] of [
      [5, `${t.report.kind} ${title}`.toUpperCase(), true],
      [6, report.periodLine, false],
      [7, section.title, true],
    ] as const) {
      sheet.mergeCells(row, 1, row, width);
      const cell = sheet.getCell(row, 1);
      cell.value = text;
      cell.font = { bold, size: row === 5 ? 13 : 11 };
      cell.alignment = { horizontal: 'center' };
    }
    let row = 9;
    if (section.note) {
      sheet.mergeCells(8, 1, 8, width);
      sheet.getCell(8, 1).value = section.note;
      sheet.getCell(8, 1).font = { italic: true };
    }
    if (section.columns.length === 0) return;
    const header = sheet.getRow(row);
    section.columns.forEach((c, j) => {
      header.getCell(j + 1).value = c.label;
      header.getCell(j + 1).font = { bold: true };
      sheet.getColumn(j + 1).width = c.kind === 'text' ? 34 : 18;
    });
    const put = (values: Record<string, ReportCell>, bold: boolean) => {
      row += 1;
      section.columns.forEach((c, j) => {
        const cell = sheet.getRow(row).getCell(j + 1);
        const value = values[c.key] ?? null;
        // A total's label ("1/2 thôn") stays text even in a number column.
        putCell(cell, value, typeof value === 'string' && c.kind !== 'date' ? 'text' : cellKind[c.kind]);
        if (bold) cell.font = { bold: true };
      });
    };
    for (const r of section.rows) put(r, false);
    if (section.total) put(section.total, true);
  });
  return xlsxBytes(book);
}

function pdfTable(section: ReportSection, locale: Locale): PdfContent {
  const cols = section.columns;
  const cell = (value: ReportCell, kind: ReportColumn['kind'], bold = false) => ({
    text: shown(value, kind, locale),
    bold,
    alignment: kind === 'number' || kind === 'percent' ? ('right' as const) : ('left' as const),
  });
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: cols.map((c) => (c.kind === 'text' ? '*' : 'auto')),
      body: [
        cols.map((c) => ({ text: c.label, bold: true })),
        ...section.rows.map((r) => cols.map((c) => cell(r[c.key] ?? null, c.kind))),
        ...(section.total ? [cols.map((c) => cell(section.total![c.key] ?? null, c.kind, true))] : []),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 11,
    margin: [0, 0, 0, 10],
  };
}

/**
 * The report as an official document (Nghị định 30/2020/NĐ-CP): issuing body with số and ký hiệu, national heading,
 * place and date, "BÁO CÁO" and its title, an opening line, each table under its title, "Nơi nhận" and the chairperson's
 * signature block.
 */
export function reportPdf(report: Report, heading: Heading): Promise<Buffer> {
  const t = words(heading.locale);
  const committee = fill(t.official.committee, { name: heading.communeName });
  const title = fill(t.report.title, { period: report.periodLabel });
  return officialPdf(
    {
      locale: heading.locale,
      authority: heading.provinceName,
      issuer: committee,
      number: heading.number,
      symbol: 'BC-UBND',
      place: placeOf(heading.communeName),
      date: report.generatedAt,
      kind: t.report.kind,
      title,
      body: [
        {
          text: fill(t.report.intro, { commune: heading.communeName, period: report.periodLine }),
          alignment: 'justify',
          margin: [0, 0, 0, 8],
        },
        ...report.sections.flatMap((s, i): PdfContent[] => [
          { text: `${i + 1}. ${s.title}`, bold: true, margin: [0, 4, 0, 4] },
          ...(s.note ? [{ text: s.note, italics: true, fontSize: 11, margin: [0, 0, 0, 6] } as PdfContent] : []),
          ...(s.columns.length > 0 ? [pdfTable(s, heading.locale)] : []),
        ]),
      ],
      recipients: [fill(t.report.toProvince, { province: heading.provinceName }), t.official.filed],
      signer: { capacity: t.official.onBehalf, title: t.official.chair, name: heading.signerName },
    },
    { title: `${title}`, author: heading.communeName },
  );
}
