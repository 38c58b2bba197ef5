import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { seedRegistryCriteria } from '@vungxanh/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, ORIGIN, world } from './harness.ts';
import { pdfText } from './pdf-text.ts';
import { putCell, xlsxBytes } from '../src/lib/xlsx.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
let h: H;
let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  h = await createHarness();
  w = await world(h);
});
afterAll(() => h.cleanup());

const download = (path: string, headers: Record<string, string> = {}) =>
  h.app.request(path, { headers: { origin: ORIGIN, cookie: w.cookies.commune_admin, ...headers } });

describe('documents in the console language', () => {
  it('is Vietnamese without an explicit lang, whatever the browser says', async () => {
    const res = await download(`/api/reports/pdf?communeId=${w.communeA.id}&periodKey=2026-Q1`, {
      'accept-language': 'en-US,en;q=0.9',
    });
    expect(res.status).toBe(200);
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('Tuyên truyền theo thôn, tổ dân phố');
    expect(text).not.toContain('Outreach by village');
  });

  it('is English when the console passes lang=en, and refuses another language', async () => {
    const res = await download(`/api/reports/xlsx?communeId=${w.communeA.id}&periodKey=2026-Q1&lang=en`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets[0]!.getCell(9, 1).value).toBe('Village');
    expect((await download(`/api/reports/xlsx?communeId=${w.communeA.id}&periodKey=2026-Q1&lang=fr`)).status).toBe(422);
  });
});

describe('the report as an official document', () => {
  it('has the number, national heading, type and title, recipients and signer, in Tinos', async () => {
    const res = await download(
      `/api/reports/pdf?communeId=${w.communeA.id}&periodKey=2026-Q1&number=12/BC-UBND&signer=${encodeURIComponent('Nguyễn Văn An')}`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = await pdfText(bytes);
    for (const part of [
      'Số: 12/',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
      'Nơi nhận:',
      'Lưu: VT',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nguyễn Văn An',
      'Số phiếu cam kết',
    ])
      expect(text).toContain(part);
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+Tinos/);
  });
});

/** Takes village A to a recognition with decision 25/QĐ-UBND (overriding its unmet computed criteria). */
async function recognisedDecision() {
  await seedRegistryCriteria(h.db);
  const cookie = w.cookies.commune_admin;
  const path = `/api/registry/villages/${w.villageA.id}`;
  const move = (body: object) =>
    h.call('POST', `${path}/transitions`, { cookie, body: { requestId: randomUUID(), ...body } });
  await move({ to: 'building' });
  const values = ['newUsers', 'underManagement', 'crimePoints', 'dealers', 'drugPlants'].map((key) => ({
    key,
    value: 0,
    note: 'Công an xã',
  }));
  await h.call('PUT', `${path}/criteria`, { cookie, body: { periodKey: 'RP6-2026-03', values } });
  await move({ to: 'proposed', periodKey: 'RP6-2026-03' });
  const res = await move({
    to: 'recognized',
    periodKey: 'RP6-2026-03',
    decision: { number: '25/QĐ-UBND', date: '2026-03-04' },
    override: { reason: 'Ban chỉ đạo quyết định sau khi kiểm tra thực tế.' },
  });
  expect(res.status).toBe(200);
  return res.body.decisions[0] as { id: string; certificateNumber: string };
}

describe('the recognition decision as an official document', () => {
  it('has its number, heading, place and date, articles, recipients and signer, in Tinos; English with lang=en', async () => {
    const decision = await recognisedDecision();
    const signer = encodeURIComponent('Trần Thị Bình');
    const res = await download(`/api/registry/decisions/${decision.id}/pdf?signer=${signer}`, {
      'accept-language': 'en',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = await pdfText(bytes);
    // The PDF breaks lines after a slash, so numbers are compared without spaces.
    const compact = text.replace(/\s+/g, '');
    expect(compact).toContain('Số:25/QĐ-UBND');
    expect(compact).toContain('ngày04tháng03năm2026');
    expect(compact).toContain(`Giấychứngnhậnsố${decision.certificateNumber}`);
    for (const part of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'QUYẾT ĐỊNH',
      'Về việc công nhận thôn không ma túy kỳ công nhận 6 tháng',
      `CHỦ TỊCH ỦY BAN NHÂN DÂN ${w.communeA.name.toUpperCase()}`,
      'QUYẾT ĐỊNH:',
      `Điều 1. Công nhận ${w.villageA.name} đạt danh hiệu “thôn không ma túy”`,
      'Điều 3.',
      'Nơi nhận:',
      'Như Điều 3;',
      'Lưu: VT.',
      'CHỦ TỊCH',
      'Trần Thị Bình',
    ])
      expect(compact).toContain(part.replace(/\s+/g, ''));
    // The chairperson signs in their own name: no "TM." line.
    expect(text).not.toContain('TM.');
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+Tinos/);

    const en = await pdfText(
      new Uint8Array(await (await download(`/api/registry/decisions/${decision.id}/pdf?lang=en`)).arrayBuffer()),
    );
    expect(en).toContain('DECISION');
    expect(en).toContain('Article 1.');
    expect(en).not.toContain('QUYẾT ĐỊNH');

    const certificate = await pdfText(
      new Uint8Array(
        await (await download(`/api/registry/decisions/${decision.id}/certificate?lang=en`)).arrayBuffer(),
      ),
    );
    expect(certificate).toContain('CERTIFICATE');
    expect(certificate).toContain('SOCIALIST REPUBLIC OF VIET NAM');
    expect(certificate).not.toContain('CHỨNG NHẬN');
  });
});

describe('XLSX cells', () => {
  it('writes real dates and numbers with Vietnamese formats', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('x');
    putCell(sheet.getCell(1, 1), '2026-04-01', 'date');
    putCell(sheet.getCell(1, 2), 20021, 'integer');
    putCell(sheet.getCell(1, 3), 0.007, 'percent');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await xlsxBytes(book)).buffer as ArrayBuffer);
    const row = back.worksheets[0]!.getRow(1);
    expect(row.getCell(1).value).toEqual(new Date(Date.UTC(2026, 3, 1)));
    expect(row.getCell(1).numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(2).value).toBe(20021);
    expect(row.getCell(2).numFmt).toBe('#,##0');
    expect(row.getCell(3).numFmt).toBe('0.0 %');
  });

  it('neutralises formula-like text with a quote prefix, keeping what a person sees', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('x');
    const texts = ['=HYPERLINK("http://x","y")', '+84 912', '-1', '@SUM(A1)', '\tcmd', 'Đặng Thị Hường'];
    texts.forEach((t, i) => (sheet.getCell(i + 1, 1).value = t));
    const bytes = await xlsxBytes(book);
    const zip = await JSZip.loadAsync(bytes);
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const xfs = [...styles.split('<cellXfs')[1]!.matchAll(/<xf [^>]*>/g)].map((m) => m[0]);
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const styleOf = (r: number) => Number(new RegExp(`<c r="A${r}"[^>]* s="(\\d+)"`).exec(sheetXml)?.[1] ?? 0);
    for (let r = 1; r <= 5; r++) expect(xfs[styleOf(r)], texts[r - 1]).toContain('quotePrefix="1"');
    expect(xfs[styleOf(6)] ?? '').not.toContain('quotePrefix');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(texts.map((_, i) => back.worksheets[0]!.getCell(i + 1, 1).value)).toEqual(texts);
  });
});
