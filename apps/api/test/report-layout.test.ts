import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportPdf } from '../src/routes/reports/reports.files.ts';
import type { Report } from '../src/use-cases/report.ts';
import { pdfTextItems, type PdfTextItem } from './pdf-text.ts';

/**
 * The report PDF's layout, held against a fixture: every run of text at its place on the page, so a change to the
 * official form (heading, number, title, Nơi nhận, signature block) or to the tables shows up here. A person checks
 * the form on `fixtures/report-page-1.png` (rendered once with pdftoppm); after a deliberate change to the layout,
 * run this file with UPDATE_LAYOUT=1 (and REPORT_PDF, see `layout`), look at the new rendering, and commit both.
 */
const fixture = new URL('./fixtures/report-layout.json', import.meta.url);

const columns = (unit: string) => [
  { key: 'unit', label: unit, kind: 'text' as const },
  { key: 'activities', label: 'Số hoạt động', kind: 'number' as const },
  { key: 'commitments', label: 'Số phiếu cam kết', kind: 'number' as const },
  { key: 'ratio', label: 'Tỉ lệ', kind: 'percent' as const },
  { key: 'last', label: 'Lần gần nhất', kind: 'date' as const },
];

const report: Report = {
  commune: { id: 'c1', name: 'Xã Gia Viễn' },
  periodKey: '2026-Q1',
  periodLabel: 'Quý I/2026',
  periodLine: 'Quý I/2026 (từ 01/01/2026 đến 31/03/2026)',
  generatedAt: '2026-04-02T03:00:00.000Z',
  sections: [
    {
      key: 'coverage',
      title: 'Tuyên truyền theo thôn, tổ dân phố',
      note: null,
      columns: columns('Thôn'),
      rows: [
        { unit: 'Thôn Đồng Tâm', activities: 12, commitments: 20021, ratio: 0.954, last: '2026-03-28' },
        { unit: 'Thôn Hưng Thịnh', activities: 3, commitments: 148, ratio: 0.007, last: '2026-02-14' },
        { unit: 'Tổ dân phố Bình Minh', activities: 0, commitments: 0, ratio: 0, last: null },
      ],
      total: { unit: '2/3 thôn', activities: 15, commitments: 20169, ratio: 0.62, last: null },
    },
    {
      key: 'registry',
      title: 'Lộ trình thôn không ma túy',
      note: 'Số liệu do Công an xã nhập.',
      columns: [
        { key: 'unit', label: 'Thôn', kind: 'text' },
        { key: 'year', label: 'Năm mục tiêu', kind: 'year' },
      ],
      rows: [{ unit: 'Thôn Đồng Tâm', year: 2035 }],
      total: null,
    },
  ],
};

async function layout(): Promise<PdfTextItem[]> {
  const pdf = await reportPdf(report, {
    locale: 'vi',
    provinceName: 'Tỉnh Ninh Bình',
    communeName: 'Xã Gia Viễn',
    number: '12/BC-UBND',
    signerName: 'Nguyễn Văn An',
  });
  // For the picture: UPDATE_LAYOUT=1 REPORT_PDF=/tmp/r.pdf, then `pdftoppm -png -r 50 -f 1 -l 1 /tmp/r.pdf …`.
  if (process.env.REPORT_PDF) writeFileSync(process.env.REPORT_PDF, pdf);
  return pdfTextItems(new Uint8Array(pdf));
}

describe('the report PDF layout', () => {
  it('puts every run of text where the fixture has it (within 0.5 pt)', async () => {
    const items = await layout();
    if (process.env.UPDATE_LAYOUT || !existsSync(fixture))
      writeFileSync(fixture, `[\n${items.map((i) => JSON.stringify([i.page, i.x, i.y, i.text])).join(',\n')}\n]\n`);
    const expected = (JSON.parse(readFileSync(fixture, 'utf8')) as [number, number, number, string][]).map(
      ([page, x, y, text]) => ({ page, x, y, text }),
    );
    expect(items.map((i) => `${i.page}:${i.text}`)).toEqual(expected.map((i) => `${i.page}:${i.text}`));
    items.forEach((item, n) => {
      const want = expected[n]!;
      expect(Math.abs(item.x - want.x), `x of “${item.text}”`).toBeLessThanOrEqual(0.5);
      expect(Math.abs(item.y - want.y), `y of “${item.text}”`).toBeLessThanOrEqual(0.5);
    });
  });

  it('keeps the official form’s places: issuer left, nation right, title centred, Nơi nhận left, signer right', async () => {
    // A phrase is found as consecutive words and placed by its first word.
    const items = await layout();
    const at = (phrase: string) => {
      const words = phrase.split(' ');
      const i = items.findIndex((_, k) => words.every((w, j) => items[k + j]?.text === w));
      expect(i, phrase).toBeGreaterThanOrEqual(0);
      return items[i]!;
    };
    const width = 595.3; // A4 in points
    expect(at('ỦY BAN NHÂN DÂN XÃ GIA VIỄN').x).toBeLessThan(width / 2 - 100);
    expect(at('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').x).toBeGreaterThan(width / 2 - 80);
    // Số and the issuer sit above the title; the date line is on the nation's side, at the number's height.
    expect(at('Số:').y).toBeGreaterThan(at('BÁO CÁO').y);
    expect(at('Gia Viễn, ngày 02 tháng 04 năm 2026').x).toBeGreaterThan(width / 2 - 40);
    expect(Math.abs(at('Gia Viễn, ngày').y - at('Số:').y)).toBeLessThan(4);
    // Centred between the margins (30 mm left, 15 mm right): its left edge half its width (~60 pt) left of 319 pt.
    expect(at('BÁO CÁO').x).toBeGreaterThan(270);
    expect(at('BÁO CÁO').x).toBeLessThan(310);
    const last = items.at(-1)!;
    expect(at('Nơi nhận:').x).toBeLessThan(width / 2 - 100);
    expect(at('Nguyễn Văn An').x).toBeGreaterThan(width / 2);
    expect(at('Nơi nhận:').page).toBe(last.page);
    expect(at('20.021').x).toBeGreaterThan(at('Thôn Đồng Tâm').x);
    expect(items.some((i) => i.text.includes('2035'))).toBe(true);
    expect(items.some((i) => i.text.includes('2.035'))).toBe(false);
  });
});
