import type { Locale } from '@vungxanh/i18n';
import { resources } from '@vungxanh/i18n/server';
import { fill, officialHeading, renderPdf, type PdfContent } from '../../lib/pdf.ts';

interface PosterHotline {
  labelVi: string;
  labelEn: string;
  number: string;
}

/**
 * The village board's poster (the seeds' "bảng niêm yết đường dây nóng" with the digital mailbox beside it): a large
 * QR to the commune's tip box, three steps, the promise of what is kept, 113 for emergencies and the hotlines.
 */
export function tipPosterPdf(opts: {
  communeName: string;
  villageName: string | null;
  url: string;
  typedUrl: string;
  qrDataUrl: string;
  hotlines: readonly PosterHotline[];
  locale: Locale;
}) {
  const { locale } = opts;
  const t = resources[locale].documents.tipPoster;
  const place = opts.villageName
    ? fill(t.place, { village: opts.villageName, commune: opts.communeName })
    : fill(t.commune, { commune: opts.communeName });
  const hotlineRows: PdfContent[][] = opts.hotlines.map((h) => [
    locale === 'vi' ? h.labelVi : h.labelEn,
    { text: h.number, bold: true, fontSize: 15 },
  ]);
  const content: PdfContent[] = [
    ...officialHeading({
      authority: opts.communeName,
      issuer: fill(t.issuer, { commune: opts.communeName }),
      place: opts.communeName,
      date: new Date(),
      locale,
    }),
    { text: t.title, bold: true, fontSize: 22, alignment: 'center', color: '#14532d', margin: [0, 4, 0, 4] },
    { text: t.subtitle, fontSize: 14, alignment: 'center', margin: [0, 0, 0, 4] },
    { text: place, alignment: 'center', margin: [0, 0, 0, 12] },
    {
      columns: [
        { width: 230, stack: [{ image: opts.qrDataUrl, width: 220 }] },
        {
          width: '*',
          stack: [
            { text: t.stepsTitle, bold: true, fontSize: 14, margin: [0, 0, 0, 6] },
            { ol: [t.steps.scan, t.steps.write, t.steps.keep], margin: [0, 0, 0, 10] },
            { text: t.link, bold: true },
            { text: opts.typedUrl, fontSize: 14, color: '#14532d' },
          ],
        },
      ],
    },
    { text: t.secret, margin: [0, 12, 0, 10] },
    { text: t.emergency, bold: true, fontSize: 18, color: '#b91c1c', alignment: 'center', margin: [0, 0, 0, 10] },
    { text: t.hotlinesTitle, bold: true, fontSize: 14, margin: [0, 0, 0, 4] },
    hotlineRows.length
      ? { table: { widths: ['*', 'auto'], body: hotlineRows }, layout: 'lightHorizontalLines' }
      : { text: t.noHotlines, italics: true },
  ];
  return renderPdf({ info: { title: fill(t.fileTitle, { place }) }, content });
}
