import { campaignTarget, lawById, type CampaignKind } from '@vungxanh/domain';
import type { CampaignRow, EntryRow } from '@vungxanh/db';
import { officialHeading, renderPdf, type PdfContent } from '../../lib/pdf.ts';

const statusVi = {
  submitted: 'Đã nhận, chờ xác nhận',
  verified: 'Đã xác nhận',
  rejected: 'Không hợp lệ',
  duplicate: 'Trùng',
};

const unitLabel: Record<ReturnType<typeof campaignTarget>, string> = {
  village: 'Thôn, tổ dân phố',
  school: 'Trường',
  organization: 'Cơ quan, doanh nghiệp',
};

function body(campaign: CampaignRow): PdfContent[] {
  const basis = campaign.legalBasis.map((id) => lawById(id)?.title ?? id).join('; ');
  return [
    { text: campaign.title.toUpperCase(), bold: true, fontSize: 14, alignment: 'center', margin: [0, 0, 0, 4] },
    {
      text: `Mẫu số ${campaign.version} · Căn cứ: ${basis}`,
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

function consentLine(communeName: string, retentionMonths: number): PdfContent {
  return {
    text: `Người ký đồng ý để ${communeName} lưu các thông tin trong phiếu chỉ để xác nhận và thống kê việc ký cam kết; sau ${retentionMonths} tháng, họ tên, địa chỉ, số điện thoại và chữ ký được xóa, chỉ giữ số liệu tổng hợp (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15).`,
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
}) {
  const { campaign, entry } = opts;
  const rows: [string, string][] = [
    ['Người ký', entry.signerName],
    [unitLabel[campaignTarget(campaign.kind)], opts.unitName],
  ];
  if (entry.address) rows.push(['Địa chỉ, số nhà', entry.address]);
  if (entry.members !== null) rows.push(['Số nhân khẩu', String(entry.members)]);
  if (entry.guardianName) rows.push(['Cha mẹ (người giám hộ)', entry.guardianName]);
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
      }),
      ...body(campaign),
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
              { text: `Mã phiếu: ${entry.code}`, bold: true, fontSize: 13 },
              { text: `Tình trạng: ${statusVi[entry.status]}` },
              { text: `Kiểm tra tại: ${opts.checkUrl}`, fontSize: 9 },
              { qr: opts.checkUrl, fit: 96, margin: [0, 6, 0, 0] },
            ],
          },
          {
            width: 220,
            alignment: 'center',
            stack: [{ text: 'Người ký', bold: true }, signature, { text: entry.signerName }],
          },
        ],
      },
      consentLine(opts.communeName, opts.retentionMonths),
    ],
  });
}

/** A blank form for paper signing: the text, then numbered lines whose columns match the import file's headers. */
export function blankFormPdf(opts: {
  campaign: CampaignRow;
  communeName: string;
  unitName: string | null;
  retentionMonths: number;
}) {
  const kind: CampaignKind = opts.campaign.kind;
  const household = kind === 'household';
  const header = [
    'STT',
    'Họ tên',
    household ? 'Số nhà' : 'Địa chỉ',
    ...(household ? ['Số nhân khẩu'] : []),
    ...(kind === 'student' ? ['Phụ huynh'] : []),
    'Điện thoại',
    'Ngày ký',
    'Chữ ký',
  ];
  const blank = Array.from({ length: 14 }, (_, i) => header.map((_, j) => (j === 0 ? String(i + 1) : ' ')));
  return renderPdf({
    info: { title: `${opts.campaign.title} - phiếu giấy` },
    content: [
      ...officialHeading({
        authority: opts.communeName,
        issuer: opts.unitName ?? opts.communeName,
        place: opts.communeName,
        date: new Date(),
      }),
      ...body(opts.campaign),
      {
        text: `${unitLabel[campaignTarget(kind)]}: ${opts.unitName ?? '..............................'}`,
        bold: true,
        margin: [0, 10, 0, 6],
      },
      {
        table: {
          headerRows: 1,
          widths: header.map((h) => (h === 'Họ tên' ? '*' : h === 'STT' ? 22 : 'auto')),
          heights: (row: number) => (row === 0 ? 14 : 24),
          body: [header.map((h) => ({ text: h, bold: true, fontSize: 9 })), ...blank],
        },
        fontSize: 9,
      },
      consentLine(opts.communeName, opts.retentionMonths),
    ],
  });
}
