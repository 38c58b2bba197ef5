import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { factories } from '@vungxanh/db/testing';
import { schema } from '@vungxanh/db';
import { createHarness, passwordHash, world } from './harness.ts';
import { pdfText } from './pdf-text.ts';
import {
  auditActions,
  download,
  entryBody,
  entryCount,
  householdCampaign,
  submit,
  thisYear,
} from './commitments-helpers.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
let h: H;
let w: Awaited<ReturnType<typeof world>>;
let campaign: { id: string; version: number; title: string };
beforeAll(async () => {
  h = await createHarness();
  w = await world(h);
  campaign = await householdCampaign(h, w);
});
afterAll(() => h.cleanup());

describe('signing is idempotent by the device’s id', () => {
  it('stores one entry for the same id sent three times and answers the same receipt', async () => {
    const body = entryBody(campaign.id, w.villageA.id);
    const before = await entryCount(h);
    const first = await submit(h, body);
    const second = await submit(h, body);
    const third = await submit(h, { ...body, signedAt: new Date().toISOString() });
    expect([first.status, second.status, third.status]).toEqual([201, 200, 200]);
    expect(first.body.code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(second.body).toEqual(first.body);
    expect(third.body.code).toBe(first.body.code);
    expect(await entryCount(h)).toBe(before + 1);
    const [row] = await h.db.select().from(schema.commitmentEntries).where(eq(schema.commitmentEntries.id, body.id));
    expect(row).toMatchObject({ channel: 'online', status: 'submitted', campaignVersion: 1, members: 4 });
  });

  it('refuses another payload under a used id and keeps the first', async () => {
    const body = entryBody(campaign.id, w.villageA.id);
    expect((await submit(h, body)).status).toBe(201);
    const other = await submit(h, { ...body, members: 7 });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('commitment_id_conflict');
    const [row] = await h.db.select().from(schema.commitmentEntries).where(eq(schema.commitmentEntries.id, body.id));
    expect(row!.members).toBe(4);
  });

  it('marks entries from a paired kiosk as channel kiosk', async () => {
    const created = await h.call('POST', '/api/kiosks', {
      cookie: w.cookies.commune_admin,
      body: { name: 'Ki-ốt thôn', villageId: w.villageA.id },
    });
    const paired = await h.call('POST', '/api/kiosks/pair', { body: { code: created.body.pairingCode } });
    const body = entryBody(campaign.id, w.villageA.id);
    const res = await submit(h, body, { authorization: `Bearer ${paired.body.deviceToken}` });
    expect(res.status).toBe(201);
    const [row] = await h.db.select().from(schema.commitmentEntries).where(eq(schema.commitmentEntries.id, body.id));
    expect(row).toMatchObject({ channel: 'kiosk', kioskId: created.body.kiosk.id });
    expect((await submit(h, entryBody(campaign.id, w.villageA.id), { authorization: 'Bearer nope' })).status).toBe(401);
  });
});

describe('receipts', () => {
  it('checks a code publicly with the status only, and gives the signer a PDF copy', async () => {
    const body = entryBody(campaign.id, w.villageA.id, { signerName: 'Trần Thị Ngọc Ánh', signature: undefined });
    const sent = await submit(h, { ...body, signature: { kind: 'typed', name: 'Trần Thị Ngọc Ánh' } });
    const code: string = sent.body.code;
    const check = await h.call('GET', `/api/public/commitments/receipts/${code.toLowerCase().replace('-', '')}`);
    expect(check.status).toBe(200);
    expect(check.body).toEqual({
      code,
      status: 'submitted',
      campaignTitle: campaign.title,
      year: thisYear(),
      kind: 'household',
      signedAt: expect.any(String),
    });
    expect(JSON.stringify(check.body)).not.toContain('Ánh');
    expect((await h.call('GET', '/api/public/commitments/receipts/ABCD-EFGH')).status).toBe(404);
    expect((await h.call('GET', '/api/public/commitments/receipts/0000')).status).toBe(404);

    const pdf = await download(h, `/api/public/commitments/entries/${body.id}/receipt?code=${code}`);
    expect(pdf.type).toBe('application/pdf');
    // Shown in the browser, the signer's copy is a document: never cached, no referrer, no powerful features.
    expect(pdf.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(pdf.headers.get('cache-control')).toBe('no-store');
    expect(pdf.headers.get('referrer-policy')).toBe('no-referrer');
    expect(pdf.headers.get('permissions-policy')).toContain('camera=()');
    // pdf.js splits lines after hyphens and slashes; join them back.
    const text = (await pdfText(pdf.bytes)).replace(/([-/]) /g, '$1');
    expect(text).toContain('Trần Thị Ngọc Ánh');
    expect(text).toContain(code);
    expect(text).toContain(campaign.title.toUpperCase());
    expect(text).toContain('Luật Phòng, chống ma túy số 120/2025/QH15');
    expect(text).toContain(`Mã phiếu: ${code}`);
    expect(text).toContain('Tình trạng: Đã nhận, chờ xác nhận');
    // A kiosk showing English asks for an English copy: the labels follow, the commune's own text does not change.
    const en = (
      await pdfText(
        (await download(h, `/api/public/commitments/entries/${body.id}/receipt?code=${code}&lang=en`)).bytes,
      )
    ).replace(/([-/]) /g, '$1');
    expect(en).toContain(`Receipt code: ${code}`);
    expect(en).toContain('Status: Received, awaiting confirmation');
    expect(en).toContain('SOCIALIST REPUBLIC OF VIET NAM');
    expect(en).toContain(campaign.title.toUpperCase());
    expect(en).not.toContain('Mã phiếu');
    expect((await download(h, `/api/public/commitments/entries/${body.id}/receipt?code=ABCD-EFGH`)).status).toBe(404);
  });

  it('prints a blank paper form for a village', async () => {
    const pdf = await download(
      h,
      `/api/commitments/campaigns/${campaign.id}/form?villageId=${w.villageA.id}`,
      w.cookies.village_head,
    );
    expect(pdf.status).toBe(200);
    // pdf.js splits lines after hyphens and slashes; join them back.
    const text = (await pdfText(pdf.bytes)).replace(/([-/]) /g, '$1');
    expect(text).toContain(w.villageA.name);
    expect(text).toContain('Số nhân khẩu');
    expect(text).toContain('Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15');
    const en = await download(
      h,
      `/api/commitments/campaigns/${campaign.id}/form?villageId=${w.villageA.id}&lang=en`,
      w.cookies.village_head,
    );
    const enText = (await pdfText(en.bytes)).replace(/([-/]) /g, '$1');
    expect(enText).toContain('House no.');
    expect(enText).toContain('Date signed');
    expect(enText).toContain('Personal Data Protection Law No. 91/2025/QH15');
    expect(enText).not.toContain('Số nhân khẩu');
    expect(
      (
        await download(
          h,
          `/api/commitments/campaigns/${campaign.id}/form?villageId=${w.villageB.id}`,
          w.cookies.commune_admin,
        )
      ).status,
    ).toBe(404);
  });
});

describe('review', () => {
  it('lets a village head see and decide only the household entries of their village', async () => {
    const other = await factories.village(h.db, w.communeA.id);
    const mine = await submit(h, entryBody(campaign.id, w.villageA.id, { signerName: 'Lê Văn Bình' }));
    const theirs = await submit(h, entryBody(campaign.id, other.id, { signerName: 'Phạm Thị Cúc' }));
    const head = w.cookies.village_head;

    const list = await h.call('GET', '/api/commitments/entries?pageSize=200', { cookie: head });
    expect(list.status).toBe(200);
    const ids = list.body.items.map((e: { id: string }) => e.id);
    expect(ids).toContain(mine.body.id);
    expect(ids).not.toContain(theirs.body.id);
    expect(list.body.items.every((e: { villageId: string }) => e.villageId === w.villageA.id)).toBe(true);

    expect((await h.call('GET', `/api/commitments/entries?villageId=${other.id}`, { cookie: head })).status).toBe(404);
    expect((await h.call('GET', `/api/commitments/entries/${theirs.body.id}`, { cookie: head })).status).toBe(404);
    const act = await h.call('POST', `/api/commitments/entries/${theirs.body.id}/review`, {
      cookie: head,
      body: { decision: 'verify' },
    });
    expect(act.status).toBe(404);
    const [row] = await h.db
      .select()
      .from(schema.commitmentEntries)
      .where(eq(schema.commitmentEntries.id, theirs.body.id));
    expect(row!.status).toBe('submitted');

    const verified = await h.call('POST', `/api/commitments/entries/${mine.body.id}/review`, {
      cookie: head,
      body: { decision: 'verify' },
    });
    expect(verified.body.status).toBe('verified');
    expect(await auditActions(h, mine.body.id)).toContain('verify');

    // The commune admin sees both villages and may decide on the other one.
    const all = await h.call('GET', '/api/commitments/entries?pageSize=200', { cookie: w.cookies.commune_admin });
    expect(all.body.items.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining([theirs.body.id]));
    const rejected = await h.call('POST', `/api/commitments/entries/${theirs.body.id}/review`, {
      cookie: w.cookies.commune_admin,
      body: { decision: 'reject', reason: 'Không có người này trong thôn' },
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: 'Không có người này trong thôn' });
    expect(await auditActions(h, theirs.body.id)).toContain('reject');
    const noReason = await h.call('POST', `/api/commitments/entries/${mine.body.id}/review`, {
      cookie: w.cookies.commune_admin,
      body: { decision: 'reject' },
    });
    expect(noReason.status).toBe(422);
  });

  it('keeps other communes and other roles out', async () => {
    const entry = await submit(h, entryBody(campaign.id, w.villageA.id, { signerName: 'Đỗ Văn Hùng' }));
    for (const cookie of [w.cookies.communeB_admin]) {
      expect((await h.call('GET', `/api/commitments/entries/${entry.body.id}`, { cookie })).status).toBe(404);
      expect((await h.call('GET', `/api/commitments/entries?communeId=${w.communeA.id}`, { cookie })).status).toBe(404);
    }
    expect(
      (await h.call('GET', `/api/commitments/entries/${entry.body.id}`, { cookie: w.cookies.school_staff })).status,
    ).toBe(403);
  });

  it('proposes “Nguyễn Văn An” and “nguyen van  an” at the same house number as duplicates', async () => {
    const village = await factories.village(h.db, w.communeA.id);
    const a = await submit(
      h,
      entryBody(campaign.id, village.id, { signerName: 'Nguyễn Văn An', address: 'Số nhà 45' }),
    );
    const b = await submit(
      h,
      entryBody(campaign.id, village.id, {
        signerName: 'nguyen van  an',
        address: 'số 45',
        signature: { kind: 'typed', name: 'nguyen van an' },
      }),
    );
    await submit(h, entryBody(campaign.id, village.id, { signerName: 'Nguyễn Văn An', address: 'Số nhà 47' }));
    const found = await h.call('GET', `/api/commitments/duplicates?campaignId=${campaign.id}`, {
      cookie: w.cookies.commune_admin,
    });
    const group = found.body.items.find((g: { original: { id: string } }) => g.original.id === a.body.id);
    expect(group.duplicates.map((d: { id: string }) => d.id)).toEqual([b.body.id]);
    const detail = await h.call('GET', `/api/commitments/entries/${b.body.id}`, { cookie: w.cookies.commune_admin });
    expect(detail.body.possibleDuplicates.map((d: { id: string }) => d.id)).toEqual([a.body.id]);
    // Proposed, not decided: both still wait for a person.
    expect(detail.body.status).toBe('submitted');
    const marked = await h.call('POST', `/api/commitments/entries/${b.body.id}/review`, {
      cookie: w.cookies.commune_admin,
      body: { decision: 'duplicate', duplicateOfId: a.body.id },
    });
    expect(marked.body).toMatchObject({ status: 'duplicate', duplicateOfId: a.body.id });
    expect(await auditActions(h, b.body.id)).toContain('duplicate');
    const chain = await h.call('POST', `/api/commitments/entries/${a.body.id}/review`, {
      cookie: w.cookies.commune_admin,
      body: { decision: 'duplicate', duplicateOfId: b.body.id },
    });
    expect(chain.status).toBe(409);
  });
});

describe('campaigns', () => {
  it('raises the version when the text changes; signed entries keep theirs', async () => {
    const c = await householdCampaign(h, w, { title: 'Đợt thử phiên bản' });
    const signed = await submit(h, entryBody(c.id, w.villageA.id));
    const edited = await h.call('PATCH', `/api/commitments/campaigns/${c.id}`, {
      cookie: w.cookies.commune_admin,
      body: { text: 'Nội dung mới của bản cam kết hộ gia đình, có thêm một điều.' },
    });
    expect(edited.body.version).toBe(2);
    const same = await h.call('PATCH', `/api/commitments/campaigns/${c.id}`, {
      cookie: w.cookies.commune_admin,
      body: { title: 'Đợt thử phiên bản (sửa tên)' },
    });
    expect(same.body.version).toBe(2);
    const [row] = await h.db
      .select()
      .from(schema.commitmentEntries)
      .where(eq(schema.commitmentEntries.id, signed.body.id));
    expect(row!.campaignVersion).toBe(1);
    const after = await submit(h, entryBody(c.id, w.villageA.id));
    const [next] = await h.db
      .select()
      .from(schema.commitmentEntries)
      .where(eq(schema.commitmentEntries.id, after.body.id));
    expect(next!.campaignVersion).toBe(2);
  });

  it('lists open campaigns publicly with the units to choose from', async () => {
    const res = await h.call('GET', `/api/public/commitments/campaigns?communeId=${w.communeA.id}`);
    expect(res.body.campaigns.map((c: { id: string }) => c.id)).toContain(campaign.id);
    expect(res.body.villages.map((v: { id: string }) => v.id)).toContain(w.villageA.id);
    expect(res.body.retentionMonths).toBe(36);
  });
});

describe('coverage, export and purge', () => {
  it('computes coverage from verified household entries and committed units', async () => {
    const commune = await factories.commune(h.db, { provinceId: w.p1.id });
    const village = await factories.village(h.db, commune.id, { households: 4 });
    const school = await factories.school(h.db, commune.id);
    await factories.organization(h.db, commune.id);
    const year = thisYear();
    const admin = await h.signIn(
      (
        await factories.account(h.db, {
          role: 'commune_admin',
          communeId: commune.id,
          provinceId: w.p1.id,
          passwordHash: await passwordHash(),
          username: `cov-${Math.random().toString(36).slice(2, 8)}`,
        })
      ).username,
    );
    const mk = async (kind: string) =>
      (
        await h.call('POST', '/api/commitments/campaigns', {
          cookie: admin,
          body: {
            communeId: commune.id,
            kind,
            year,
            title: `Đợt ${kind}`,
            text: 'Nội dung cam kết đủ dài để kiểm tra độ phủ.',
            legalBasis: ['luat-120-2025'],
            opensOn: `${year}-01-01`,
            closesOn: `${year}-12-31`,
          },
        })
      ).body.id as string;
    const household = await mk('household');
    const schoolCampaign = await mk('school');
    const e1 = await submit(h, entryBody(household, village.id, { signerName: 'Hộ Một', address: '1' }));
    await submit(h, entryBody(household, village.id, { signerName: 'Hộ Hai', address: '2' }));
    const s1 = await submit(
      h,
      entryBody(schoolCampaign, '', { villageId: undefined, schoolId: school.id, address: '', members: undefined }),
    );
    for (const id of [e1.body.id, s1.body.id])
      await h.call('POST', `/api/commitments/entries/${id}/review`, { cookie: admin, body: { decision: 'verify' } });
    const cov = await h.call('GET', `/api/commitments/coverage?year=${year}`, { cookie: admin });
    expect(cov.body.households).toEqual({ numerator: 1, denominator: 4, ratio: 0.25 });
    expect(cov.body.signed.numerator).toBe(2);
    expect(cov.body.units).toEqual({ numerator: 1, denominator: 2, ratio: 0.5 });
    expect(cov.body.furthest[0].id).toBe(village.id);
    const summary = await h.call('GET', `/api/commitments/summary?year=${year}`, { cookie: admin });
    expect(summary.body.items).toEqual(
      expect.arrayContaining([
        { kind: 'household', status: 'verified', count: 1 },
        { kind: 'household', status: 'submitted', count: 1 },
      ]),
    );

    // Purge: entries older than retention lose their personal fields, the figures stay.
    await h.call('PATCH', '/api/commitments/privacy', { cookie: admin, body: { retentionMonths: 12 } });
    await h.db
      .update(schema.commitmentEntries)
      .set({ createdAt: new Date(Date.now() - 400 * 86_400_000) })
      .where(eq(schema.commitmentEntries.communeId, commune.id));
    const purged = await h.call('POST', '/api/commitments/purge', { cookie: admin, body: {} });
    expect(purged.body.purged).toBe(3);
    const rows = await h.db
      .select()
      .from(schema.commitmentEntries)
      .where(eq(schema.commitmentEntries.communeId, commune.id));
    expect(rows.every((r) => r.signerName === '' && r.address === '' && r.phone === null && r.signature === null)).toBe(
      true,
    );
    const again = await h.call('GET', `/api/commitments/coverage?year=${year}`, { cookie: admin });
    expect(again.body.households).toEqual(cov.body.households);
    expect(again.body.units).toEqual(cov.body.units);
    expect(await auditActions(h, commune.id)).toContain('update');
  });

  it('exports entries to commune admins only, and logs the export', async () => {
    const res = await download(h, `/api/commitments/export?campaignId=${campaign.id}`, w.cookies.commune_admin);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.bytes.buffer as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã phiếu');
    expect(sheet.rowCount).toBeGreaterThan(2);
    // Labels, not codes, and the signing day as a date cell.
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => header.indexOf(name);
    const statuses = new Set<unknown>();
    for (let r = 2; r <= sheet.rowCount; r++) {
      statuses.add(sheet.getRow(r).getCell(col('Tình trạng')).value);
      expect(['Ki-ốt', 'Trực tuyến', 'Phiếu giấy']).toContain(sheet.getRow(r).getCell(col('Kênh')).value);
      expect(sheet.getRow(r).getCell(col('Ngày ký')).value).toBeInstanceOf(Date);
    }
    for (const code of ['submitted', 'verified', 'rejected', 'duplicate']) expect(statuses.has(code)).toBe(false);
    expect((await download(h, '/api/commitments/export', w.cookies.village_head)).status).toBe(403);
    // Another commune's campaign or village is not found, as in every other cross-commune read (not an empty sheet).
    const theirs = `/api/commitments/export?campaignId=${campaign.id}`;
    expect((await download(h, theirs, w.cookies.communeB_admin)).status).toBe(404);
    const theirVillage = `/api/commitments/export?villageId=${w.villageA.id}`;
    expect((await download(h, theirVillage, w.cookies.communeB_admin)).status).toBe(404);
    const audit = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'export'));
    expect(audit.some((a) => a.entity === 'commitment_entry')).toBe(true);
  });
});
