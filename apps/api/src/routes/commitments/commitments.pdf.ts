import { campaignTarget, lawById, type CampaignKind } from '@vungxanh/domain';
import type { CampaignRow, EntryRow } from '@vungxanh/db';
import type { Locale } from '@vungxanh/i18n';
import { resources } from '@vungxanh/i18n/server';
import { fill, officialHeading, renderPdf, type PdfContent } from '../../lib/pdf.ts';

/**
 * The commitment papers: the signer's copy and the blank paper form. Their labels follow the language asked for
 * (the kiosk's or the console's); the campaign's own title and text are printed as the commune wrote them.
 */
const words = (locale: Locale) => resources[locale].documents.commitmentPaper;

function body(campaign: CampaignRow, locale: Locale): PdfContent[] {
  const basis = campaign.legalBasis.map((id) => lawById(id)?.title ?? id).join('; ');
  return [
    { text: campaign.title.toUpperCase(), bold: true, fontSize: 14, alignment: 'center', margin: [0, 0, 0, 4] },
    {
      text: fill(words(locale).form, { version: campaign.version, basis }),
      italics: true,
      fontSize: 9,
      alignment: 'center',
      margin: [0, 0, 0, 12],
    },
    ...campaign.text
      .split('\n')
      .map((line) => ({ text: line, margin: [0, 0, 0, 4] as [number, number, number, number] })),
  ];
}

function consentLine(communeName: string, retentionMonths: number, locale: Locale): PdfContent {
  return {
    text: fill(words(locale).consent, { commune: communeName, months: retentionMonths }),
    fontSize: 9,
    italics: true,
    margin: [0, 10, 0, 0],
  };
}

/** The signer's copy: the text signed, their details, signature, receipt code and a QR of the check page. */
export function receiptPdf(opts: {
  campaign: CampaignRow;
  entry: EntryRow;
  communeName: string;
  unitName: string;
  checkUrl: string;
  retentionMonths: number;
  locale: Locale;
}) {
  const { campaign, entry, locale } = opts;
  const w = words(locale);
  const rows: [string, string][] = [
    [w.signer, entry.signerName],
    [w.units[campaignTarget(campaign.kind)], opts.unitName],
  ];
  if (entry.address) rows.push([w.address, entry.address]);
  if (entry.members !== null) rows.push([w.members, String(entry.members)]);
  if (entry.guardianName) rows.push([w.guardian, entry.guardianName]);
  const signature: PdfContent =
    entry.signatureKind === 'drawn' && entry.signature
      ? { image: entry.signature, fit: [200, 80] }
      : { text: entry.signature ?? '', italics: true, fontSize: 14 };
  return renderPdf({
    info: { title: `${campaign.title} - ${entry.code}` },
    content: [
      ...officialHeading({
        authority: opts.communeName,
        issuer: opts.unitName,
        place: opts.communeName,
        date: entry.signedAt,
        locale,
      }),
      ...body(campaign, locale),
      {
        table: { widths: ['35%', '65%'], body: rows.map(([k, v]) => [{ text: k, bold: true }, v]) },
        layout: 'lightHorizontalLines',
        margin: [0, 12, 0, 8],
      },
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: fill(w.code, { code: entry.code }), bold: true, fontSize: 13 },
              { text: fill(w.status, { status: w.statuses[entry.status] }) },
              { text: fill(w.checkAt, { url: opts.checkUrl }), fontSize: 9 },
              { qr: opts.checkUrl, fit: 96, margin: [0, 6, 0, 0] },
            ],
          },
          {
            width: 220,
            alignment: 'center',
            stack: [{ text: w.signer, bold: true }, signature, { text: entry.signerName }],
          },
        ],
      },
      consentLine(opts.communeName, opts.retentionMonths, locale),
    ],
  });
}

/** A blank form for paper signing: the text, then numbered lines whose columns match the import file's headers. */
export function blankFormPdf(opts: {
  campaign: CampaignRow;
  communeName: string;
  unitName: string | null;
  retentionMonths: number;
  locale: Locale;
}) {
  const { locale } = opts;
  const w = words(locale);
  const kind: CampaignKind = opts.campaign.kind;
  const household = kind === 'household';
  const header = [
    w.columns.no,
    w.columns.name,
    household ? w.columns.houseNo : w.columns.address,
    ...(household ? [w.columns.members] : []),
    ...(kind === 'student' ? [w.columns.guardian] : []),
    w.columns.phone,
    w.columns.signedOn,
    w.columns.signature,
  ];
  const blank = Array.from({ length: 14 }, (_, i) => header.map((_, j) => (j === 0 ? String(i + 1) : ' ')));
  return renderPdf({
    info: { title: fill(w.blankTitle, { title: opts.campaign.title }) },
    content: [
      ...officialHeading({
        authority: opts.communeName,
        issuer: opts.unitName ?? opts.communeName,
        place: opts.communeName,
        date: new Date(),
        locale,
      }),
      ...body(opts.campaign, locale),
      {
        text: `${w.units[campaignTarget(kind)]}: ${opts.unitName ?? '..............................'}`,
        bold: true,
        margin: [0, 10, 0, 6],
      },
      {
        table: {
          headerRows: 1,
          widths: header.map((h) => (h === w.columns.name ? '*' : h === w.columns.no ? 22 : 'auto')),
          heights: (row: number) => (row === 0 ? 14 : 24),
          body: [header.map((h) => ({ text: h, bold: true, fontSize: 9 })), ...blank],
        },
        fontSize: 9,
      },
      consentLine(opts.communeName, opts.retentionMonths, locale),
    ],
  });
}
