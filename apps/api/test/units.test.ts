import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { schema } from '@vungxanh/db';
import { createHarness, world } from './harness.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
let h: H;
let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  h = await createHarness();
  w = await world(h);
});
afterAll(() => h.cleanup());

const admin = () => w.cookies.commune_admin;
const villagesOf = async (communeId: string) =>
  h.db.select().from(schema.villages).where(eq(schema.villages.communeId, communeId));

function upload(content: string | ArrayBuffer, name: string, mode: string, communeId = w.communeA.id) {
  const form = new FormData();
  form.set('file', new File([typeof content === 'string' ? content : new Uint8Array(content)], name));
  form.set('mode', mode);
  form.set('communeId', communeId);
  return h.call('POST', '/api/units/villages/import', { cookie: admin(), raw: form });
}

const csv = (rows: string[]) =>
  ['name,kind,population,households,mailbox_installed_on,board_installed_on', ...rows].join('\n');

describe('villages', () => {
  it('create, edit, deactivate and reactivate, each in the audit log', async () => {
    const created = await h.call('POST', '/api/units/villages', {
      cookie: admin(),
      body: { communeId: w.communeA.id, kind: 'thon', name: 'Thôn Thọ Xuân', population: 1200, households: 340 },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const edited = await h.call('PATCH', `/api/units/villages/${id}`, {
      cookie: admin(),
      body: { households: 350, mailboxInstalledOn: '2025-09-20' },
    });
    expect(edited.body).toMatchObject({ households: 350, population: 1200, mailboxInstalledOn: '2025-09-20' });
    expect(
      (await h.call('PATCH', `/api/units/villages/${id}`, { cookie: admin(), body: { active: false } })).body.active,
    ).toBe(false);
    const list = await h.call('GET', `/api/units/villages?communeId=${w.communeA.id}`, { cookie: admin() });
    expect(list.body.items.map((v: { id: string }) => v.id)).not.toContain(id);
    const all = await h.call('GET', `/api/units/villages?communeId=${w.communeA.id}&includeInactive=true`, {
      cookie: admin(),
    });
    expect(all.body.items.map((v: { id: string }) => v.id)).toContain(id);
    await h.call('PATCH', `/api/units/villages/${id}`, { cookie: admin(), body: { active: true } });
    const trail = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, id));
    expect(trail.map((r) => r.action).sort()).toEqual(['create', 'deactivate', 'reactivate', 'update']);
    expect(trail.every((r) => r.communeId === w.communeA.id && r.accountId === w.accounts.commune_admin.id)).toBe(true);
  });

  it('refuses a second village of the same name, whatever its accents', async () => {
    await h.call('POST', '/api/units/villages', {
      cookie: admin(),
      body: { communeId: w.communeA.id, kind: 'thon', name: 'Thôn Cầu Đen' },
    });
    const again = await h.call('POST', '/api/units/villages', {
      cookie: admin(),
      body: { communeId: w.communeA.id, kind: 'thon', name: 'thon cau den' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('duplicate_name');
    const elsewhere = await h.call('POST', '/api/units/villages', {
      cookie: w.cookies.communeB_admin,
      body: { communeId: w.communeB.id, kind: 'thon', name: 'Thôn Cầu Đen' },
    });
    expect(elsewhere.status).toBe(201);
  });

  it('lists numbered groups in number order and finds them without accents', async () => {
    for (const n of [10, 2, 1])
      await h.call('POST', '/api/units/villages', {
        cookie: admin(),
        body: { communeId: w.communeA.id, kind: 'to_dan_pho', name: `Tổ dân phố số ${n}` },
      });
    const list = await h.call('GET', `/api/units/villages?communeId=${w.communeA.id}&q=to dan pho`, {
      cookie: admin(),
    });
    expect(list.body.items.map((v: { name: string }) => v.name)).toEqual([
      'Tổ dân phố số 1',
      'Tổ dân phố số 2',
      'Tổ dân phố số 10',
    ]);
  });
});

describe('village import', () => {
  const file = csv([
    'Thôn Import Một,thon,1000,300,2025-01-02,',
    'Thôn Import Hai,village,abc,,,',
    'Tổ dân phố Import Ba,to_dan_pho,800,250,,2025-03-01',
  ]);

  it('checks a file and reports each bad row without writing anything', async () => {
    const before = (await villagesOf(w.communeA.id)).length;
    const res = await upload(file, 'villages.csv', 'check');
    expect(res.body).toMatchObject({ mode: 'check', imported: false, valid: 2, invalid: 1 });
    expect(res.body.rows[1]).toMatchObject({ row: 3, name: 'Thôn Import Hai', action: 'error' });
    expect(res.body.rows[1].errors.map((e: { path: string }) => e.path).sort()).toEqual(['kind', 'population']);
    expect((await villagesOf(w.communeA.id)).length).toBe(before);
  });

  it('all or nothing: a bad row means nothing is imported', async () => {
    const before = await villagesOf(w.communeA.id);
    const res = await upload(file, 'villages.csv', 'all_or_nothing');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('import_has_errors');
    expect(res.body.issues.some((i: { path: string }) => i.path.startsWith('row 3'))).toBe(true);
    expect(await villagesOf(w.communeA.id)).toEqual(before);
  });

  it('valid rows only: imports the good rows, skips the bad, and audits once', async () => {
    const res = await upload(file, 'villages.csv', 'valid_only');
    expect(res.body).toMatchObject({ imported: true, created: 2, updated: 0, invalid: 1 });
    const names = (await villagesOf(w.communeA.id)).map((v) => v.name);
    expect(names).toEqual(expect.arrayContaining(['Thôn Import Một', 'Tổ dân phố Import Ba']));
    expect(names).not.toContain('Thôn Import Hai');
    const audit = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'import'));
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.summary!)).toEqual({ created: 2, updated: 0 });
  });

  it('updates villages that already exist, matched by name', async () => {
    const res = await upload(csv(['thon import mot,thon,1111,333,,']), 'again.csv', 'all_or_nothing');
    expect(res.body).toMatchObject({ imported: true, created: 0, updated: 1 });
    const [row] = (await villagesOf(w.communeA.id)).filter((v) => v.nameKey === 'thon import mot');
    expect(row).toMatchObject({ population: 1111, households: 333 });
  });

  it('reads XLSX files', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Thôn');
    sheet.addRow(['Tên', 'Loại', 'Số dân', 'Số hộ']);
    sheet.addRow(['Thôn Excel', 'thon', 900, 260]);
    sheet.addRow(['Thôn Excel Lỗi', 'thon', -5, 10]);
    const buffer = (await book.xlsx.writeBuffer()) as ArrayBuffer;
    const res = await upload(buffer, 'villages.xlsx', 'check');
    expect(res.body).toMatchObject({ valid: 1, invalid: 1 });
    expect(res.body.rows[0]).toMatchObject({ name: 'Thôn Excel', action: 'create' });
  });

  it('refuses a file that is neither CSV nor XLSX', async () => {
    const res = await upload(new Uint8Array([0xff, 0xfe, 0x00, 0x41]).buffer, 'x.bin', 'check');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('import_invalid_file');
  });
});
