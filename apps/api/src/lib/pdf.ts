import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { VN_TIME_ZONE } from '@vungxanh/domain';

const require = createRequire(import.meta.url);
const font = (file: string) => require.resolve(`@expo-google-fonts/be-vietnam-pro/${file}`);

// Be Vietnam Pro: a full TTF drawn for Vietnamese, so every letter and tone mark is embedded (STACK.md, trap 6).
const faces = {
  normal: font('400Regular/BeVietnamPro_400Regular.ttf'),
  bold: font('700Bold/BeVietnamPro_700Bold.ttf'),
  italics: font('400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf'),
  bolditalics: font('700Bold_Italic/BeVietnamPro_700Bold_Italic.ttf'),
};
pdfmake.setFonts({ BeVietnamPro: faces });
// Documents load no URL and no local file other than the font: images come in as data URLs.
const fontFiles = new Set(Object.values(faces));
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => fontFiles.has(path));

export type PdfContent = Content;
export type PdfDocument = TDocumentDefinitions;

/** Renders a pdfmake document with the project's Vietnamese font as the default. */
export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  const withDefaults: PdfDocument = {
    pageSize: 'A4',
    pageMargins: [56, 48, 56, 48],
    ...doc,
    defaultStyle: { font: 'BeVietnamPro', fontSize: 11, lineHeight: 1.25, ...doc.defaultStyle },
  };
  return pdfmake.createPdf(withDefaults).getBuffer();
}

/**
 * The national heading of Vietnamese official papers (Nghị định 30/2020/NĐ-CP, Phụ lục I):
 * the issuing body on the left, the country's name and motto on the right, then place and date.
 */
export function officialHeading(opts: { authority: string; issuer: string; place: string; date: Date }): Content[] {
  const d = new Intl.DateTimeFormat('vi-VN', {
    timeZone: VN_TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(opts.date);
  const part = (t: string) => d.find((p) => p.type === t)?.value ?? '';
  return [
    {
      columns: [
        {
          width: '40%',
          stack: [
            { text: opts.authority.toUpperCase(), fontSize: 10 },
            { text: opts.issuer.toUpperCase(), bold: true, fontSize: 10 },
          ],
          alignment: 'center',
        },
        {
          width: '60%',
          stack: [
            { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 10 },
            { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, fontSize: 11 },
            { canvas: [{ type: 'line', x1: 75, y1: 2, x2: 215, y2: 2, lineWidth: 0.6 }] },
          ],
          alignment: 'center',
        },
      ],
    },
    {
      text: `${opts.place}, ngày ${part('day')} tháng ${part('month')} năm ${part('year')}`,
      italics: true,
      alignment: 'right',
      margin: [0, 8, 0, 12],
      fontSize: 10,
    },
  ];
}
