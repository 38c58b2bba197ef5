import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { schema } from '@vungxanh/db';
import { factories } from '@vungxanh/db/testing';
import { createHarness, ORIGIN, world } from './harness.ts';
import { entryCount, householdCampaign, thisYear } from './commitments-helpers.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
let h: H;
let w: Awaited<ReturnType<typeof world>>;
let campaign: { id: string };
let village: { id: string; name: string };
beforeAll(async () => {
  h = await createHarness();
  w = await world(h);
  campaign = await householdCampaign(h, w);
  village = await factories.village(h.db, w.communeA.id, { name: 'Thôn Hồ Sen' });
});
afterAll(() => h.cleanup());

const year = () => thisYear();

/** An XLSX file as a commune office makes one: two title rows merged across the columns, then the table. */
async function officeFile(rows: (string | number | Date)[][], opts: { titles?: boolean } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  if (opts.titles !== false) {
    ws.addRow(['UBND XÃ KIẾN THỤY']);
    ws.mergeCells('A1:G1');
    ws.addRow([`DANH SÁCH HỘ GIA ĐÌNH KÝ CAM KẾT NĂM ${year()}`]);
    ws.mergeCells('A2:G2');
    ws.addRow([]);
  }
  ws.addRow(['STT', 'Họ và tên chủ hộ', 'Thôn', 'Số nhà', 'Số nhân khẩu', 'Số điện thoại', 'Ngày ký']);
  for (const r of rows) ws.addRow(r);
  return new File([await wb.xlsx.writeBuffer()], 'danh-sach.xlsx');
}

function upload(file: File, mode: string, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.set('file', file);
  form.set('mode', mode);
  form.set('campaignId', campaign.id);
  return h.call('POST', '/api/commitments/import', { cookie: w.cookies.commune_admin, raw: form, headers });
}

describe('paper import from an office file', () => {
  it('finds the table under merged title rows, takes text dates and NFD names, stores NFC', async () => {
    const nfd = 'Đặng Thị Hường'.normalize('NFD');
    const file = await officeFile([
      [1, `  ${nfd}  `, village.name, 'Số 5', 4, '', `01/04/${year()}`],
      [2, 'Lê  Văn Cường', 'thon ho sen', 'Số 7', '3', '0912 345 678', `2/4/${String(year()).slice(2)}`],
      [3, 'Phạm Thị Dung', village.name, 'Số 9', 2, '', new Date(Date.UTC(year(), 3, 3))],
    ]);
    const check = await upload(file, 'check');
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ valid: 3, invalid: 0, existing: 0, imported: false });
    expect(check.body.rows.map((r: { row: number }) => r.row)).toEqual([5, 6, 7]);
    const done = await upload(file, 'all_or_nothing');
    expect(done.body).toMatchObject({ imported: true, created: 3 });
    const rows = await h.db
      .select()
      .from(schema.commitmentEntries)
      .where(eq(schema.commitmentEntries.villageId, village.id));
    const names = rows.map((r) => r.signerName).sort();
    expect(names).toEqual(['Lê Văn Cường', 'Phạm Thị Dung', 'Đặng Thị Hường']);
    expect(names.every((n) => n === n.normalize('NFC'))).toBe(true);
    expect(rows.find((r) => r.signerName === 'Lê Văn Cường')!.signedAt.toISOString()).toBe(
      `${year()}-04-01T17:00:00.000Z`,
    );

    // The same file again: every row is recognised, nothing is created twice.
    const before = await entryCount(h);
    const again = await upload(file, 'valid_only');
    expect(again.body).toMatchObject({ existing: 3, created: 0, imported: false });
    expect(again.body.rows[0].action).toBe('exists');
    expect(again.body.rows[0].note).toMatch(/đã có/);
    expect(await entryCount(h)).toBe(before);
  });

  it('says for each bad row, in the user’s language, the row, the column as labelled, what was found and what to type', async () => {
    const file = await officeFile([
      [1, 'Trần Văn Bình', village.name, 'Số 1', 3, '', `31/02/${year()}`],
      [2, 'Vũ Thị Lan', 'Thôn Không Có', 'Số 2', 3, '', `01/05/${year()}`],
    ]);
    const vi = await upload(file, 'check');
    expect(vi.body.invalid).toBe(2);
    expect(vi.body.rows[0].errors[0]).toEqual({
      path: 'signedOn',
      message: `Dòng 5, cột “Ngày ký”: “31/02/${year()}” chưa đúng. Hãy nhập ngày dạng ngày/tháng/năm, ví dụ 01/04/2026.`,
    });
    expect(vi.body.rows[1].errors[0].message).toBe(
      'Dòng 6, cột “Thôn”: “Thôn Không Có” chưa đúng. Hãy nhập đúng tên một thôn, tổ dân phố của xã, phường, như trong mục Đơn vị.',
    );
    const en = await upload(file, 'check', { 'x-locale': 'en' });
    expect(en.body.rows[0].errors[0].message).toBe(
      `Row 5, column “Ngày ký”: “31/02/${year()}” is not right. Type a date as day/month/year, for example 01/04/2026.`,
    );
    // No valid row: nothing is written, the report says why.
    const tried = await upload(file, 'all_or_nothing');
    expect(tried.body).toMatchObject({ imported: false, created: 0 });
  });

  it('refuses a file without a header row, saying what header it looks for', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['a', 'b']);
    const res = await upload(new File([await wb.xlsx.writeBuffer()], 'x.xlsx'), 'check');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('import_no_header');
    expect(res.body.message).toMatch(/Họ và tên/);
  });

  it('streams progress to a caller that accepts NDJSON', async () => {
    const file = await officeFile([[1, 'Hoàng Văn Tâm', village.name, 'Số 11', 2, '', `05/04/${year()}`]]);
    const form = new FormData();
    form.set('file', file);
    form.set('mode', 'valid_only');
    form.set('campaignId', campaign.id);
    const res = await h.app.request('/api/commitments/import', {
      method: 'POST',
      headers: { origin: ORIGIN, cookie: w.cookies.commune_admin, accept: 'application/x-ndjson' },
      body: form,
    });
    expect(res.headers.get('content-type')).toMatch(/x-ndjson/);
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.slice(0, -1).map((l) => l.progress.phase)).toEqual(['read', 'check', 'write']);
    expect(lines.at(-2).progress).toEqual({ phase: 'write', done: 1, total: 1 });
    expect(lines.at(-1).result).toMatchObject({ imported: true, created: 1 });

    const bad = new FormData();
    bad.set('file', new File(['x'], 'x.csv'));
    bad.set('mode', 'check');
    bad.set('campaignId', campaign.id);
    const err = await h.app.request('/api/commitments/import', {
      method: 'POST',
      headers: { origin: ORIGIN, cookie: w.cookies.commune_admin, accept: 'application/x-ndjson' },
      body: bad,
    });
    const last = JSON.parse((await err.text()).trim().split('\n').at(-1)!);
    expect(last).toMatchObject({ status: 422, error: { code: 'import_no_header', requestId: expect.any(String) } });
  });

  it('takes 50,000 rows and refuses 50,001 with the limit in the message', async () => {
    const big = await factories.village(h.db, w.communeA.id, { name: 'Thôn Lớn' });
    const csv = (n: number) => {
      const lines = ['Họ và tên,Thôn,Số nhà,Số nhân khẩu,Ngày ký'];
      for (let i = 0; i < n; i++) lines.push(`Người ${i},${big.name},Số ${i},3,${(i % 28) + 1}/3/${year()}`);
      return new File([lines.join('\n')], 'lon.csv');
    };
    const over = await upload(csv(50_001), 'check');
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('import_too_many_rows');
    expect(over.body.message).toContain('50.001');
    expect(over.body.message).toContain('50.000');
    const before = await entryCount(h);
    const res = await upload(csv(50_000), 'all_or_nothing');
    expect(res.body).toMatchObject({ valid: 50_000, created: 50_000 });
    expect(await entryCount(h)).toBe(before + 50_000);
  }, 120_000);
});

describe('paper template', () => {
  it('is an XLSX whose header row the import reads back', async () => {
    const res = await h.app.request(
      `/api/commitments/import/template?communeId=${w.communeA.id}&campaignId=${campaign.id}`,
      { headers: { origin: ORIGIN, cookie: w.cookies.commune_admin } },
    );
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).values).toEqual([
      undefined,
      'Họ và tên',
      'Thôn, tổ dân phố',
      'Địa chỉ (số nhà)',
      'Số nhân khẩu',
      'Số điện thoại',
      'Ngày ký',
    ]);
    // Filled in as an official would: the example row replaced by a real one.
    ws.getRow(3).values = ['Ngô Thị Mai', village.name, 'Số 20', '5', '', `06/04/${year()}`];
    const check = await upload(new File([await wb.xlsx.writeBuffer()], 'mau.xlsx'), 'check');
    expect(check.body).toMatchObject({ valid: 1, invalid: 0 });
    expect(check.body.rows[0].row).toBe(3);
  });
});
