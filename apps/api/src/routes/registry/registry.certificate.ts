import { periodLabel, vnDateStart } from '@vungxanh/domain';
import type { DecisionRow } from '@vungxanh/db';
import { officialHeading, renderPdf } from '../../lib/pdf.ts';

interface CertificateInput {
  provinceName: string;
  communeName: string;
  villageName: string;
  villageKind: 'thon' | 'to_dan_pho';
  decision: Pick<DecisionRow, 'number' | 'date' | 'periodKey' | 'certificateNumber' | 'kind'>;
}

const dmy = (date: string) => date.split('-').reverse().join('/');
// "Phường Gia Viên" → "Gia Viên": official papers name the place without its kind.
const placeOf = (communeName: string) => communeName.replace(/^(xã|phường|đặc khu)\s+/i, '');
const red = '#a3161a';

/**
 * The certificate of a drug-free village, laid out as the commune's certificates are: national heading, title, the
 * decision it rests on, the village, the period, then the certificate number and the signature block left blank for
 * the chairperson's signature and seal.
 */
export function certificatePdf(input: CertificateInput): Promise<Buffer> {
  const { decision } = input;
  const model = input.villageKind === 'thon' ? 'Thôn không ma túy' : 'Tổ dân phố không ma túy';
  const action = decision.kind === 'maintaining' ? 'duy trì đạt' : 'đạt';
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [70, 60, 70, 50],
    info: { title: `Giấy chứng nhận ${model}: ${input.villageName}`, author: input.communeName },
    background: (_page, size) => ({
      canvas: [
        { type: 'rect', x: 24, y: 24, w: size.width - 48, h: size.height - 48, lineWidth: 3, lineColor: red },
        { type: 'rect', x: 32, y: 32, w: size.width - 64, h: size.height - 64, lineWidth: 0.8, lineColor: red },
      ],
    }),
    content: [
      ...officialHeading({
        authority: input.provinceName,
        issuer: `Ủy ban nhân dân ${input.communeName}`,
        place: placeOf(input.communeName),
        date: new Date(vnDateStart(decision.date)),
      }),
      { text: 'GIẤY CHỨNG NHẬN', fontSize: 30, bold: true, color: red, alignment: 'center', margin: [0, 4, 0, 2] },
      { text: `“${model.toUpperCase()}”`, fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 14] },
      {
        text: `Căn cứ Quyết định số ${decision.number} ngày ${dmy(decision.date)} của Ủy ban nhân dân ${input.communeName} về việc công nhận “${model}”,`,
        italics: true,
        alignment: 'center',
        margin: [40, 0, 40, 10],
      },
      { text: `ỦY BAN NHÂN DÂN ${input.communeName.toUpperCase()}`, bold: true, alignment: 'center' },
      { text: 'CHỨNG NHẬN', bold: true, alignment: 'center', margin: [0, 0, 0, 8] },
      { text: input.villageName, fontSize: 22, bold: true, color: red, alignment: 'center', margin: [0, 0, 0, 6] },
      {
        text: `${action} tiêu chí “${model}” ${periodLabel(decision.periodKey, 'vi').toLowerCase()}.`,
        alignment: 'center',
        fontSize: 13,
        margin: [0, 0, 0, 20],
      },
      {
        columns: [
          { width: '45%', text: `Số: ${decision.certificateNumber}`, margin: [0, 24, 0, 0] },
          {
            width: '55%',
            alignment: 'center',
            stack: [
              { text: 'TM. ỦY BAN NHÂN DÂN', bold: true },
              { text: 'CHỦ TỊCH', bold: true },
              { text: '(Ký, ghi rõ họ tên và đóng dấu)', italics: true, fontSize: 9, margin: [0, 2, 0, 0] },
            ],
          },
        ],
      },
    ],
  });
}
