import ExcelJS from 'exceljs';
import { vnParts, type ReportCell, type ReportSection } from '@vungxanh/domain';
import { officialHeading, renderPdf, type PdfContent } from '../../lib/pdf.ts';
import type { Report } from './reports.sections.ts';

interface Heading {
  provinceName: string;
  communeName: string;
  title: string;
}

const placeOf = (communeName: string) => communeName.replace(/^(xã|phường|đặc khu)\s+/i, '');
const dmy = (d: string) => d.split('-').reverse().join('/');
const vnToday = (iso: string) => vnParts(Date.parse(iso));
const show = (cell: ReportCell, kind: string) =>
  cell === null ? '' : kind === 'date' && typeof cell === 'string' ? dmy(cell) : cell;

/** Excel forbids some characters in sheet names and cuts them at 31. */
const sheetName = (i: number, title: string) => `${i + 1}. ${title}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/**
 * The report as XLSX: one sheet per table, each opening with the official heading (issuing body on the left, national
 * name and motto on the right, place and date), the report's title and period, then the table with its total row.
 */
export async function reportXlsx(report: Report, heading: Heading): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Vùng Xanh';
  const date = vnToday(report.generatedAt);
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
    right(1, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
    left(2, `ỦY BAN NHÂN DÂN ${heading.communeName.toUpperCase()}`, true);
    right(2, 'Độc lập - Tự do - Hạnh phúc', { bold: true });
    right(3, `${placeOf(heading.communeName)}, ngày ${date.day} tháng ${date.month} năm ${date.year}`, {
      italic: true,
    });
    for (const [row, text, bold] of [
      [5, heading.title, true],
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
    for (const r of section.rows) {
      row += 1;
      section.columns.forEach((c, j) => (sheet.getRow(row).getCell(j + 1).value = show(r[c.key] ?? null, c.kind)));
    }
    if (section.total) {
      row += 1;
      section.columns.forEach((c, j) => {
        const cell = sheet.getRow(row).getCell(j + 1);
        cell.value = show(section.total![c.key] ?? null, c.kind);
        cell.font = { bold: true };
      });
    }
  });
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}

function pdfTable(section: ReportSection): PdfContent {
  const cols = section.columns;
  const cell = (value: ReportCell, kind: string, bold = false) => ({
    text: String(show(value, kind)),
    bold,
    alignment: kind === 'number' ? ('right' as const) : ('left' as const),
  });
  return {
    table: {
      headerRows: 1,
      widths: cols.map((c) => (c.kind === 'text' ? '*' : 'auto')),
      body: [
        cols.map((c) => ({ text: c.label, bold: true })),
        ...section.rows.map((r) => cols.map((c) => cell(r[c.key] ?? null, c.kind))),
        ...(section.total ? [cols.map((c) => cell(section.total![c.key] ?? null, c.kind, true))] : []),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
    margin: [0, 0, 0, 12],
  };
}

/** The report as PDF: official heading, title, period, then each table under its title. */
export function reportPdf(report: Report, heading: Heading): Promise<Buffer> {
  return renderPdf({
    info: { title: `${heading.title} ${report.periodLabel}`, author: heading.communeName },
    content: [
      ...officialHeading({
        authority: heading.provinceName,
        issuer: `Ủy ban nhân dân ${heading.communeName}`,
        place: placeOf(heading.communeName),
        date: new Date(report.generatedAt),
      }),
      { text: heading.title, bold: true, fontSize: 13, alignment: 'center' },
      { text: report.periodLine, alignment: 'center', margin: [0, 2, 0, 14] },
      ...report.sections.flatMap((s, i): PdfContent[] => [
        { text: `${i + 1}. ${s.title}`, bold: true, margin: [0, 6, 0, 4] },
        ...(s.note ? [{ text: s.note, italics: true, fontSize: 9, margin: [0, 0, 0, 6] } as PdfContent] : []),
        ...(s.columns.length > 0 ? [pdfTable(s)] : []),
      ]),
    ],
  });
}
