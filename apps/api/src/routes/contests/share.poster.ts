import type { ContestRow, RoundRow } from '@vungxanh/db';
import type { Locale } from '@vungxanh/i18n';
import { formatDate, formatTime } from '@vungxanh/i18n/format';
import { resources } from '@vungxanh/i18n/server';
import { fill, officialHeading, renderPdf, type PdfContent } from '../../lib/pdf.ts';

/**
 * The A4 poster for the cultural-house board or a Zalo photo: what the contest is, when each round
 * runs (Vietnam time), a large QR and the steps to take part, in plain words in the console's language.
 */
export function posterPdf(opts: {
  contest: ContestRow;
  rounds: readonly RoundRow[];
  hostName: string;
  provinceName: string;
  url: string;
  qrDataUrl: string;
  locale: Locale;
}) {
  const { contest, rounds, locale } = opts;
  const t = resources[locale].documents.contestPoster;
  // "08:00 ngày 01/12/2026" or "08:00, 01/12/2026": the shared formatter's Vietnam time in the language's phrase.
  const when = (at: Date) => fill(t.at, { time: formatTime(at), date: formatDate(at) });
  const who = fill(t.forAll, { place: contest.scope === 'province' ? opts.provinceName : opts.hostName });
  const roundRows: PdfContent[][] = rounds.map((r) => [
    { text: r.name, bold: true },
    fill(t.from, { start: when(r.startsAt), end: when(r.endsAt) }),
    fill(t.rules, {
      questions: r.questionCount,
      minutes: Math.round(r.timeLimitSeconds / 60),
      attempts: r.attemptsAllowed,
    }),
  ]);
  const content: PdfContent[] = [
    ...officialHeading({
      authority: opts.hostName,
      issuer: resources[locale].documents.contestCertificate.organizer,
      place: opts.hostName,
      date: new Date(),
      locale,
    }),
    { text: t.invite, bold: true, fontSize: 16, alignment: 'center', margin: [0, 4, 0, 6] },
    { text: contest.title, bold: true, fontSize: 22, alignment: 'center', color: '#14532d', margin: [0, 0, 0, 8] },
    { text: who, alignment: 'center', margin: [0, 0, 0, 14] },
    rounds.length
      ? {
          table: { widths: ['22%', '40%', '38%'], body: [[t.round, t.when, t.how], ...roundRows] },
          layout: 'lightHorizontalLines',
          margin: [0, 0, 0, 14],
        }
      : { text: t.noRounds, italics: true, margin: [0, 0, 0, 14] },
    {
      columns: [
        { width: 230, stack: [{ image: opts.qrDataUrl, width: 220 }] },
        {
          width: '*',
          stack: [
            { text: t.stepsTitle, bold: true, fontSize: 14, margin: [0, 0, 0, 6] },
            { ol: [t.steps.scan, t.steps.register, t.steps.keep, t.steps.start], margin: [0, 0, 0, 10] },
            { text: t.link, bold: true },
            { text: opts.url, fontSize: 13, color: '#14532d' },
          ],
        },
      ],
    },
    {
      text: t.privacy,
      italics: true,
      fontSize: 9,
      margin: [0, 16, 0, 0],
    },
  ];
  return renderPdf({ info: { title: fill(t.fileTitle, { title: contest.title }) }, content });
}
