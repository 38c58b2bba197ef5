import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createHarness, ORIGIN, world } from './harness.ts';
import { download, householdCampaign, thisYear } from './commitments-helpers.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
let h: H;
let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  h = await createHarness();
  w = await world(h);
});
afterAll(() => h.cleanup());

async function rowsOf(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = book.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

function upload(
  path: string,
  bytes: Uint8Array | string,
  name: string,
  mode = 'check',
  extra: Record<string, string> = {},
) {
  const form = new FormData();
  form.set('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));
  form.set('mode', mode);
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  return h.call('POST', path, { cookie: w.cookies.commune_admin, raw: form });
}

describe('village import', () => {
  it('offers a template in the caller’s language that the import takes back as it is', async () => {
    const file = await download(h, '/api/units/villages/import/template', w.cookies.commune_admin);
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    const rows = await rowsOf(file.bytes);
    expect(rows[0]![0]).toBe('DANH SÁCH THÔN, TỔ DÂN PHỐ');
    expect(rows[1]).toEqual([
      'Tên thôn, tổ dân phố',
      'Loại',
      'Số dân',
      'Số hộ',
      'Ngày lắp hòm thư',
      'Ngày lắp bảng đường dây nóng',
      'Đang hoạt động',
    ]);
    const res = await upload('/api/units/villages/import', file.bytes, 'thon.xlsx', 'check', {
      communeId: w.communeA.id,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: 1, invalid: 0 });
  });

  it('says what is wrong in a row as a sentence: row number, the column as labelled, what was found, what to type', async () => {
    const csv = [
      'DANH SÁCH THÔN NĂM 2026,,,',
      'Tên thôn, tổ dân phố,Loại,Số hộ,Ngày lắp hòm thư',
      'Thôn Bắc,làng,320,01/04/2026',
      'Thôn Nam,Thôn,nhiều,',
      'thon bac,Thôn,12,',
    ]
      .map((line, i) => (i === 1 ? '"Tên thôn, tổ dân phố",Loại,Số hộ,Ngày lắp hòm thư' : line))
      .join('\n');
    const res = await upload('/api/units/villages/import', csv, 'thon.csv', 'check', { communeId: w.communeA.id });
    expect(res.status).toBe(200);
    const messages = res.body.rows.flatMap((r: { errors: { message: string }[] }) => r.errors.map((e) => e.message));
    expect(messages).toEqual([
      'Dòng 3, cột “Loại”: “làng” chưa đúng. Hãy nhập “Thôn” hoặc “Tổ dân phố”.',
      'Dòng 4, cột “Số hộ”: “nhiều” chưa đúng. Hãy nhập một số nguyên, ví dụ 1.250.',
      'Dòng 5, cột “Tên thôn, tổ dân phố”: “thon bac” chưa đúng. Tên này đã có ở dòng 3; mỗi thôn, tổ dân phố chỉ ghi một dòng.',
    ]);
    const en = await h.call('POST', '/api/units/villages/import', {
      cookie: w.cookies.commune_admin,
      headers: { 'accept-language': 'en' },
      raw: (() => {
        const form = new FormData();
        form.set('file', new File([csv], 'thon.csv'));
        form.set('mode', 'check');
        form.set('communeId', w.communeA.id);
        return form;
      })(),
    });
    expect(en.body.rows[0].errors[0].message).toBe(
      'Row 3, column “Loại”: “làng” is not right. Type “Thôn” or “Tổ dân phố”.',
    );
  });
});

describe('question import', () => {
  it('offers a template with a title row that the import takes back as it is', async () => {
    const file = await download(h, '/api/content/questions/import/template', w.cookies.commune_admin);
    expect(file.status).toBe(200);
    const rows = await rowsOf(file.bytes);
    expect(rows[0]![0]).toMatch(/^NGÂN HÀNG CÂU HỎI/);
    expect(rows[1]!.slice(0, 3)).toEqual(['ref', 'type', 'topic']);
    const res = await upload('/api/content/questions/import', file.bytes, 'cau-hoi.xlsx');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: 1, invalid: 0 });
  });

  it('reports a bad cell on the file’s own row number, below the title row', async () => {
    const file = await download(h, '/api/content/questions/import/template', w.cookies.commune_admin);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes.buffer.slice(0) as ArrayBuffer);
    const ws = book.worksheets[0]!;
    const header = (ws.getRow(2).values as unknown[]).slice(1).map(String);
    ws.getRow(3).getCell(header.indexOf('difficulty') + 1).value = 5;
    const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
    const res = await upload('/api/content/questions/import', bytes, 'cau-hoi.xlsx');
    expect(res.body).toMatchObject({ valid: 0, invalid: 1 });
    // The row number is the file's, below the title row; the console words the rule (content/rule-text.ts).
    expect(res.body.rows[0]).toMatchObject({ row: 3, errors: [{ path: 'difficulty' }] });
  });
});

describe('template language', () => {
  /** A template as a browser set to English asks for it. */
  async function englishBrowser(path: string) {
    const res = await h.app.request(path, {
      headers: { origin: ORIGIN, cookie: w.cookies.commune_admin, 'accept-language': 'en' },
    });
    expect(res.status).toBe(200);
    return rowsOf(new Uint8Array(await res.arrayBuffer()));
  }

  it('follows the console’s ?lang=, and is Vietnamese without it whatever the browser says', async () => {
    const campaign = await householdCampaign(h, w);
    const paper = `/api/commitments/import/template?communeId=${w.communeA.id}&campaignId=${campaign.id}`;
    expect((await englishBrowser(paper))[1]![0]).toBe('Họ và tên');
    expect((await englishBrowser('/api/units/villages/import/template'))[0]![0]).toBe('DANH SÁCH THÔN, TỔ DÂN PHỐ');
    expect((await englishBrowser('/api/content/questions/import/template'))[0]![0]).toMatch(/^NGÂN HÀNG CÂU HỎI/);

    const villages = await englishBrowser('/api/units/villages/import/template?lang=en');
    expect(villages[0]![0]).toBe('VILLAGES AND RESIDENTIAL GROUPS');
    expect((await englishBrowser('/api/content/questions/import/template?lang=en'))[0]![0]).toMatch(/^QUESTION BANK/);
    const paperEn = await englishBrowser(`${paper}&lang=en`);
    expect(paperEn[1]![0]).not.toBe('Họ và tên');
    expect(paperEn[1]!.join(' ')).toMatch(/name/i);
  });

  it('an English template reads back from a Vietnamese console', async () => {
    const villages = await download(h, '/api/units/villages/import/template?lang=en', w.cookies.commune_admin);
    const res = await upload('/api/units/villages/import', villages.bytes, 'villages.xlsx', 'check', {
      communeId: w.communeA.id,
    });
    expect(res.body).toMatchObject({ valid: 1, invalid: 0 });

    const campaign = await householdCampaign(h, w);
    const paper = await download(
      h,
      `/api/commitments/import/template?communeId=${w.communeA.id}&campaignId=${campaign.id}&lang=en`,
      w.cookies.commune_admin,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(paper.bytes.buffer.slice(0) as ArrayBuffer);
    const ws = book.worksheets[0]!;
    // Filled in as an official would: the example row replaced by a real one, below the English header row.
    ws.getRow(3).values = ['Ngô Thị Mai', w.villageA.name, 'Số 20', '5', '', `06/04/${thisYear()}`];
    const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
    const forms = await upload('/api/commitments/import', bytes, 'forms.xlsx', 'check', {
      communeId: w.communeA.id,
      campaignId: campaign.id,
    });
    expect(forms.body, JSON.stringify(forms.body.rows?.[0])).toMatchObject({ valid: 1, invalid: 0 });
  });

  it('refuses a language it does not have with a clear 4xx', async () => {
    const res = await h.call('GET', '/api/units/villages/import/template?lang=fr', { cookie: w.cookies.commune_admin });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });
});
