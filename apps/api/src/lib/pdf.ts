import { createRequire } from 'node:module';
import type { Context } from 'hono';
import type pdfmakeType from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Locale } from '@vungxanh/i18n';
import { formatDate } from '@vungxanh/i18n/format';
import { resources } from '@vungxanh/i18n/server';
import { documentHeaders } from '../middleware/security.ts';
import type { AppEnv } from './context.ts';

const require = createRequire(import.meta.url);
const faceOf = (pkg: string, name: string) => {
  const font = (weight: string, style: string) =>
    require.resolve(`@expo-google-fonts/${pkg}/${weight}${style}/${name}_${weight}${style}.ttf`);
  return {
    normal: font('400Regular', ''),
    bold: font('700Bold', ''),
    italics: font('400Regular', '_Italic'),
    bolditalics: font('700Bold', '_Italic'),
  };
};

// Full TTFs drawn for Vietnamese, so every letter and tone mark is embedded (STACK.md, trap 6). Be Vietnam Pro for
// certificates, receipts and posters; Tinos, metric-compatible with Times New Roman, for official documents.
const faces = { BeVietnamPro: faceOf('be-vietnam-pro', 'BeVietnamPro'), Tinos: faceOf('tinos', 'Tinos') };
const fontFiles = new Set(Object.values(faces).flatMap((f) => Object.values(f)));

// pdfmake is loaded on the first document, not at start (it took about 2 s to import on a busy machine).
let loaded: Promise<typeof pdfmakeType> | undefined;
const pdfmake = () =>
  (loaded ??= import('pdfmake').then(({ default: maker }) => {
    maker.setFonts(faces);
    // Documents load no URL and no local file other than the fonts: images come in as data URLs.
    maker.setUrlAccessPolicy(() => false);
    maker.setLocalAccessPolicy((path) => fontFiles.has(path));
    return maker;
  }));

export type PdfContent = Content;

/** A document's words with their {{placeholders}} filled in. */
export const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
export type PdfDocument = TDocumentDefinitions;

/**
 * A PDF as the answer: saved as `filename`, or shown in the browser (`inline`) as a document with the headers
 * a rendered document gets; `private` ones (a signer's copy) are never stored by a cache.
 */
export function pdfAnswer(
  c: Context<AppEnv>,
  bytes: Uint8Array,
  filename: string,
  opts: { inline?: boolean; private?: boolean } = {},
) {
  c.header('Content-Type', 'application/pdf');
  c.header('Content-Disposition', `${opts.inline ? 'inline' : 'attachment'}; filename="${filename}"`);
  if (opts.private) c.header('Cache-Control', 'no-store');
  if (opts.inline) documentHeaders(c);
  return c.body(new Uint8Array(bytes), 200) as never;
}

/** Renders a pdfmake document with the project's Vietnamese font as the default. */
export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  const withDefaults: PdfDocument = {
    pageSize: 'A4',
    pageMargins: [56, 48, 56, 48],
    ...doc,
    defaultStyle: { font: 'BeVietnamPro', fontSize: 11, lineHeight: 1.25, ...doc.defaultStyle },
  };
  return (await pdfmake()).createPdf(withDefaults).getBuffer();
}

/**
 * The national heading of Vietnamese official papers (Nghị định 30/2020/NĐ-CP, Phụ lục I):
 * the issuing body on the left, the country's name and motto on the right, then place and date.
 */
export function officialHeading(opts: {
  authority: string;
  issuer: string;
  place: string;
  date: Date | string;
  locale?: Locale;
}): Content[] {
  const t = resources[opts.locale ?? 'vi'].documents.official;
  const [day, month, year] = formatDate(opts.date).split('/');
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
            { text: t.nation, bold: true, fontSize: 10 },
            { text: t.motto, bold: true, fontSize: 11 },
            { canvas: [{ type: 'line', x1: 75, y1: 2, x2: 215, y2: 2, lineWidth: 0.6 }] },
          ],
          alignment: 'center',
        },
      ],
    },
    {
      text: fill(t.dateLine, { place: opts.place, day: day!, month: month!, year: year! }),
      italics: true,
      alignment: 'right',
      margin: [0, 8, 0, 12],
      fontSize: 10,
    },
  ];
}
