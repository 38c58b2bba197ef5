import { vnDateTimeText } from '@vungxanh/domain';
import type { ContestRow, RoundRow } from '@vungxanh/db';
import { officialHeading, renderPdf, type PdfContent } from '../../lib/pdf.ts';

/**
 * The A4 poster for the cultural-house board or a Zalo photo: what the contest is, when each round
 * runs (Vietnam time), a large QR and the steps to take part, in plain Vietnamese.
 */
export function posterPdf(opts: {
  contest: ContestRow;
  rounds: readonly RoundRow[];
  hostName: string;
  provinceName: string;
  url: string;
  qrDataUrl: string;
}) {
  const { contest, rounds } = opts;
  const who =
    contest.scope === 'province'
      ? `Dành cho mọi người dân, học sinh, cán bộ trên địa bàn ${opts.provinceName}.`
      : `Dành cho mọi người dân, học sinh, cán bộ trên địa bàn ${opts.hostName}.`;
  const roundRows: PdfContent[][] = rounds.map((r) => [
    { text: r.name, bold: true },
    `Từ ${vnDateTimeText(r.startsAt)}\nđến ${vnDateTimeText(r.endsAt)}`,
    `${r.questionCount} câu, ${Math.round(r.timeLimitSeconds / 60)} phút, tối đa ${r.attemptsAllowed} lượt`,
  ]);
  const steps = [
    'Quét mã QR bằng camera điện thoại hoặc Zalo (hoặc gõ đường link bên dưới).',
    'Đăng ký một lần: họ tên, năm sinh, số điện thoại và thôn, trường hoặc cơ quan của bạn. Người dưới 16 tuổi cần cha mẹ (người giám hộ) đồng ý.',
    'Giữ kỹ mã khôi phục được cấp khi đăng ký: đổi điện thoại vẫn thi tiếp được.',
    'Khi đợt thi mở, bấm “Bắt đầu” và trả lời trong thời gian quy định. Kết quả xếp hạng công khai trên trang cuộc thi.',
  ];
  const content: PdfContent[] = [
    ...officialHeading({
      authority: opts.hostName,
      issuer: 'Ban Tổ chức cuộc thi',
      place: opts.hostName,
      date: new Date(),
    }),
    { text: 'MỜI THAM GIA CUỘC THI', bold: true, fontSize: 16, alignment: 'center', margin: [0, 4, 0, 6] },
    { text: contest.title, bold: true, fontSize: 22, alignment: 'center', color: '#14532d', margin: [0, 0, 0, 8] },
    { text: who, alignment: 'center', margin: [0, 0, 0, 14] },
    rounds.length
      ? {
          table: { widths: ['22%', '40%', '38%'], body: [['Đợt thi', 'Thời gian', 'Cách thi'], ...roundRows] },
          layout: 'lightHorizontalLines',
          margin: [0, 0, 0, 14],
        }
      : { text: 'Thời gian các đợt thi sẽ được thông báo sau.', italics: true, margin: [0, 0, 0, 14] },
    {
      columns: [
        { width: 230, stack: [{ image: opts.qrDataUrl, width: 220 }] },
        {
          width: '*',
          stack: [
            { text: 'Cách tham gia', bold: true, fontSize: 14, margin: [0, 0, 0, 6] },
            { ol: steps, margin: [0, 0, 0, 10] },
            { text: 'Đường link:', bold: true },
            { text: opts.url, fontSize: 13, color: '#14532d' },
          ],
        },
      ],
    },
    {
      text: 'Cuộc thi không hỏi bất kỳ điều gì về việc sử dụng ma túy của bạn. Thông tin đăng ký chỉ dùng để tổ chức cuộc thi và trao giải.',
      italics: true,
      fontSize: 9,
      margin: [0, 16, 0, 0],
    },
  ];
  return renderPdf({ info: { title: `Áp phích - ${contest.title}` }, content });
}
