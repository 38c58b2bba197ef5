import type { Locale } from '@vungxanh/i18n';
import { formatDate } from '@vungxanh/i18n/format';
import { resources } from '@vungxanh/i18n/server';
import { fill, renderPdf, type PdfContent } from './pdf.ts';

/**
 * An administrative document in the form of Nghị định 30/2020/NĐ-CP (Phụ lục I): the issuing body and its number and
 * symbol on the left, the national name and motto on the right with place and date under them, the document type and
 * its title, the body, then "Nơi nhận" on the left and the signer's capacity, title and name on the right. Set in Tinos
 * (Times New Roman metrics) at 13 pt on A4 with the decree's margins.
 */
export interface OfficialForm {
  locale: Locale;
  /** The body above the issuer, e.g. the province ("Tỉnh Ninh Bình"). */
  authority: string;
  /** The issuing body, e.g. "Ủy ban nhân dân xã Gia Viễn". */
  issuer: string;
  /** Số and ký hiệu, e.g. "12/BC-UBND"; with the number missing the office writes it in by hand. */
  number: string | null;
  /** The symbol after the number when none is given: "BC-UBND" for a report, "QĐ-UBND" for a decision. */
  symbol: string;
  place: string;
  date: Date | string;
  /** The document type in capitals ("BÁO CÁO", "QUYẾT ĐỊNH"), and its title (trích yếu). */
  kind: string;
  title: string;
  body: PdfContent[];
  recipients: readonly string[];
  /** "TM. Ủy ban nhân dân" when the chairperson signs for the committee; none when signing in their own name. */
  signer: { capacity?: string; title: string; name: string | null };
}

const mm = (x: number) => (x * 72) / 25.4;
// Nghị định 30/2020, Phụ lục I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
const margins: [number, number, number, number] = [mm(30), mm(20), mm(15), mm(20)];
const rule = (width: number) => ({
  canvas: [{ type: 'line' as const, x1: 0, y1: 1, x2: width, y2: 1, lineWidth: 0.6 }],
  alignment: 'center' as const,
  margin: [0, 1, 0, 4] as [number, number, number, number],
});

export { fill };

/** "Xã Gia Viễn" → "Gia Viễn": official papers name the place without its kind. */
export const placeOf = (communeName: string) => communeName.replace(/^(xã|phường|đặc khu)\s+/i, '');

/** The number line: "Số: 12/BC-UBND", or "Số:      /BC-UBND" left for the clerk to fill in. */
export const numberLine = (label: string, number: string | null, symbol: string) =>
  number ? `${label} ${number}` : `${label}\u2002\u2002\u2002\u2002\u2002/${symbol}`;

export function officialContent(form: OfficialForm): PdfContent[] {
  const t = resources[form.locale].documents.official;
  const [day, month, year] = formatDate(form.date).split('/');
  return [
    {
      columns: [
        {
          width: '42%',
          alignment: 'center',
          stack: [
            { text: form.authority.toUpperCase(), fontSize: 12 },
            { text: form.issuer.toUpperCase(), bold: true, fontSize: 12 },
            { ...rule(60), margin: [0, 1, 0, 6] },
            { text: numberLine(t.number, form.number, form.symbol) },
          ],
        },
        {
          width: '58%',
          alignment: 'center',
          stack: [
            { text: t.nation, bold: true, fontSize: 12 },
            { text: t.motto, bold: true },
            { ...rule(160), margin: [0, 1, 0, 6] },
            { text: fill(t.dateLine, { place: form.place, day: day!, month: month!, year: year! }), italics: true },
          ],
        },
      ],
      margin: [0, 0, 0, 18],
    },
    { text: form.kind.toUpperCase(), bold: true, fontSize: 14, alignment: 'center' },
    { text: form.title, bold: true, alignment: 'center', margin: [30, 0, 30, 0] },
    { ...rule(100), margin: [0, 2, 0, 14] },
    ...form.body,
    {
      columns: [
        {
          width: '45%',
          stack: [
            { text: t.recipients, bold: true, italics: true, fontSize: 12 },
            ...form.recipients.map((r, i) => ({
              text: `- ${r}${i === form.recipients.length - 1 ? '.' : ';'}`,
              fontSize: 11,
            })),
          ],
        },
        {
          width: '55%',
          alignment: 'center',
          stack: [
            ...(form.signer.capacity ? [{ text: form.signer.capacity.toUpperCase(), bold: true }] : []),
            { text: form.signer.title.toUpperCase(), bold: true },
            { text: t.signHint, italics: true, fontSize: 11, margin: [0, 0, 0, 56] },
            { text: form.signer.name ?? '', bold: true },
          ],
        },
      ],
      margin: [0, 18, 0, 0],
      unbreakable: true,
    },
  ];
}

/** Renders an official document (see `OfficialForm`) as PDF. */
export function officialPdf(form: OfficialForm, info: { title: string; author: string }): Promise<Buffer> {
  return renderPdf({
    pageSize: 'A4',
    pageMargins: margins,
    info,
    content: officialContent(form),
    defaultStyle: { font: 'Tinos', fontSize: 13, lineHeight: 1.15 },
    // The decree numbers pages from the second one, at the top centre.
    header: (page) =>
      page > 1 ? { text: String(page), alignment: 'center', fontSize: 13, margin: [0, 24, 0, 0] } : null,
  });
}
