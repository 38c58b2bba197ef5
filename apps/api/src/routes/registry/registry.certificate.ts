import { periodLabel } from '@vungxanh/domain';
import type { DecisionRow } from '@vungxanh/db';
import type { Locale } from '@vungxanh/i18n';
import { formatDate } from '@vungxanh/i18n/format';
import { resources } from '@vungxanh/i18n/server';
import { placeOf } from '../../lib/official-document.ts';
import { fill, officialHeading, renderPdf } from '../../lib/pdf.ts';

interface CertificateInput {
  locale: Locale;
  provinceName: string;
  communeName: string;
  villageName: string;
  villageKind: 'thon' | 'to_dan_pho';
  decision: Pick<DecisionRow, 'number' | 'date' | 'periodKey' | 'certificateNumber' | 'kind'>;
}

const red = '#a3161a';

/**
 * The certificate of a drug-free village, laid out as the commune's certificates are: national heading, title, the
 * decision it rests on, the village, the period, then the certificate number and the signature block left blank for
 * the chairperson's signature and seal. In the console's language; the certificate keeps its own face.
 */
export function certificatePdf(input: CertificateInput): Promise<Buffer> {
  const { decision, locale } = input;
  const words = resources[locale].documents;
  const t = words.certificate;
  const model = t.models[input.villageKind];
  const committee = fill(words.official.committee, { name: input.communeName });
  const period = periodLabel(decision.periodKey, locale);
  const params = {
    model,
    number: decision.number,
    date: formatDate(decision.date),
    commune: input.communeName,
    period: period.charAt(0).toLowerCase() + period.slice(1),
  };
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [70, 60, 70, 50],
    info: { title: `${t.title} ${model}: ${input.villageName}`, author: input.communeName },
    background: (_page, size) => ({
      canvas: [
        { type: 'rect', x: 24, y: 24, w: size.width - 48, h: size.height - 48, lineWidth: 3, lineColor: red },
        { type: 'rect', x: 32, y: 32, w: size.width - 64, h: size.height - 64, lineWidth: 0.8, lineColor: red },
      ],
    }),
    content: [
      ...officialHeading({
        locale,
        authority: input.provinceName,
        issuer: committee,
        place: placeOf(input.communeName),
        date: decision.date,
      }),
      { text: t.title.toUpperCase(), fontSize: 30, bold: true, color: red, alignment: 'center', margin: [0, 4, 0, 2] },
      { text: `“${model.toUpperCase()}”`, fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 14] },
      { text: fill(t.basis, params), italics: true, alignment: 'center', margin: [40, 0, 40, 10] },
      { text: committee.toUpperCase(), bold: true, alignment: 'center' },
      { text: t.certifies.toUpperCase(), bold: true, alignment: 'center', margin: [0, 0, 0, 8] },
      { text: input.villageName, fontSize: 22, bold: true, color: red, alignment: 'center', margin: [0, 0, 0, 6] },
      {
        text: fill(decision.kind === 'maintaining' ? t.maintained : t.achieved, params),
        alignment: 'center',
        fontSize: 13,
        margin: [0, 0, 0, 20],
      },
      {
        columns: [
          { width: '45%', text: fill(t.number, { number: decision.certificateNumber }), margin: [0, 24, 0, 0] },
          {
            width: '55%',
            alignment: 'center',
            stack: [
              { text: words.official.onBehalf.toUpperCase(), bold: true },
              { text: words.official.chair.toUpperCase(), bold: true },
              { text: words.official.signHint, italics: true, fontSize: 9, margin: [0, 2, 0, 0] },
            ],
          },
        ],
      },
    ],
  });
}
