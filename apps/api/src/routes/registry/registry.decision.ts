import { periodLabel } from '@vungxanh/domain';
import type { DecisionRow } from '@vungxanh/db';
import type { Locale } from '@vungxanh/i18n';
import { resources } from '@vungxanh/i18n/server';
import { fill, officialPdf, placeOf } from '../../lib/official-document.ts';
import type { PdfContent } from '../../lib/pdf.ts';

interface DecisionInput {
  locale: Locale;
  provinceName: string;
  communeName: string;
  villageName: string;
  villageKind: 'thon' | 'to_dan_pho';
  decision: Pick<DecisionRow, 'number' | 'date' | 'periodKey' | 'certificateNumber' | 'kind'>;
  signerName: string | null;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The recognition decision (Quyết định công nhận) as an official document of Nghị định 30/2020/NĐ-CP: the commune's
 * People's Committee with the decision's số and ký hiệu, the national heading with place and date, "QUYẾT ĐỊNH" and
 * its title, the deciding authority, its grounds, the articles, "Nơi nhận" and the chairperson's signature block.
 */
export function decisionPdf(input: DecisionInput): Promise<Buffer> {
  const { decision, locale } = input;
  const t = resources[locale].documents;
  const model = t.decision.models[input.villageKind];
  const period = lowerFirst(periodLabel(decision.periodKey, locale));
  const title = fill(t.decision.title, { model, period });
  const article = (text: string): PdfContent => ({ text, alignment: 'justify', margin: [28, 0, 0, 6] });
  const params = {
    village: input.villageName,
    commune: input.communeName,
    model,
    period,
    certificate: decision.certificateNumber,
  };
  return officialPdf(
    {
      locale,
      authority: input.provinceName,
      issuer: fill(t.official.committee, { name: input.communeName }),
      number: decision.number,
      symbol: 'QĐ-UBND',
      place: placeOf(input.communeName),
      date: decision.date,
      kind: t.decision.kind,
      title,
      body: [
        {
          text: fill(t.decision.authority, { commune: input.communeName.toUpperCase() }),
          bold: true,
          alignment: 'center',
          margin: [0, 0, 0, 10],
        },
        { text: fill(t.decision.basis, params), italics: true, margin: [28, 0, 0, 4] },
        { text: fill(t.decision.request, params), italics: true, margin: [28, 0, 0, 10] },
        { text: t.decision.decides, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
        article(fill(decision.kind === 'maintaining' ? t.decision.article1Maintaining : t.decision.article1, params)),
        article(fill(t.decision.article2, params)),
        article(fill(t.decision.article3, params)),
      ],
      recipients: [t.official.asAbove, t.official.filed],
      signer: { title: t.official.chair, name: input.signerName },
    },
    { title: `${t.decision.kind} ${decision.number}: ${title}`, author: input.communeName },
  );
}
