import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { schema } from '@vungxanh/db';
import { factories } from '@vungxanh/db/testing';
import { createHarness, ORIGIN, world } from './harness.ts';
import { pdfText } from './pdf-text.ts';
import { entryBody, householdCampaign, submit } from './commitments-helpers.ts';
import { commitmentsSection, contestsSection } from '../src/use-cases/report.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
let h: H;
let w: Awaited<ReturnType<typeof world>>;
let quiet: { id: string; name: string };
beforeAll(async () => {
  h = await createHarness();
  w = await world(h);
  quiet = await factories.village(h.db, w.communeA.id, { name: 'Thôn Yên Tĩnh' });
  const log = (date: string, type: string, participants: number) =>
    h.call('POST', '/api/activities', {
      cookie: w.cookies.commune_admin,
      body: { id: randomUUID(), date, type, participants, villageIds: [w.villageA.id] },
    });
  expect((await log('2026-02-10', 'meeting', 40)).status).toBe(201);
  expect((await log('2026-03-31', 'loudspeaker', 0)).status).toBe(201);
  // Outside the quarter: must not count.
  expect((await log('2026-04-01', 'meeting', 15)).status).toBe(201);
});
afterAll(() => h.cleanup());

const report = (query: string, cookie = w.cookies.commune_admin) => h.call('GET', `/api/reports?${query}`, { cookie });
const download = (path: string, cookie = w.cookies.commune_admin) =>
  h.app.request(path, { headers: { origin: ORIGIN, cookie } });
type Section = { key: string; rows: Record<string, unknown>[]; total: Record<string, unknown> | null; note: string };

describe('the periodic report', () => {
  it('lists the villages reached in the quarter and the activities by type', async () => {
    const res = await report(`communeId=${w.communeA.id}&periodKey=2026-Q1`);
    expect(res.status).toBe(200);
    expect(res.body.periodLabel).toBe('Quý I/2026');
    const byKey = Object.fromEntries(res.body.sections.map((s: Section) => [s.key, s])) as Record<string, Section>;
    expect(Object.keys(byKey)).toEqual(['coverage', 'activities', 'commitments', 'contests', 'registry', 'tips']);
    const villageRow = byKey.coverage!.rows.find((r) => r.village === w.villageA.name);
    expect(villageRow).toEqual({ village: w.villageA.name, reached: 'Có', activities: 2, lastActivity: '2026-03-31' });
    expect(byKey.coverage!.rows.find((r) => r.village === quiet.name)).toMatchObject({
      reached: 'Chưa',
      activities: 0,
    });
    expect(byKey.coverage!.total).toMatchObject({ reached: '1/2 thôn' });
    expect(byKey.activities!.rows.find((r) => r.type === 'Họp dân')).toEqual({
      type: 'Họp dân',
      count: 1,
      participants: 40,
    });
    expect(byKey.activities!.total).toMatchObject({ count: 2, participants: 40 });
    expect(byKey.commitments!.rows).toEqual([]);
    expect(byKey.contests!.rows).toEqual([]);
    expect(byKey.registry!.rows.map((r) => r.status)).toEqual(['Chưa bắt đầu', 'Chưa bắt đầu']);
  });

  it('counts the activity of 01/04 in the second quarter and in the year', async () => {
    const q2 = await report(`communeId=${w.communeA.id}&periodKey=2026-Q2`);
    expect(q2.body.sections[1].total).toMatchObject({ count: 1, participants: 15 });
    const year = await report(`communeId=${w.communeA.id}&periodKey=2026`);
    expect(year.body.sections[1].total).toMatchObject({ count: 3, participants: 55 });
    const half = await report(`communeId=${w.communeA.id}&periodKey=2026-H1`);
    expect(half.body.sections[1].total).toMatchObject({ count: 3 });
  });

  it('answers in English when asked', async () => {
    const res = await h.call('GET', `/api/reports?communeId=${w.communeA.id}&periodKey=2026-Q1`, {
      cookie: w.cookies.commune_admin,
      headers: { 'x-locale': 'en' },
    });
    expect(res.body.sections[0].title).toBe('Outreach by village');
  });

  it('takes only quarters, halves and years', async () => {
    for (const key of ['2026-03', 'RP6-2026-03', 'SY2026-2027', '2026-Q5', '']) {
      const res = await report(`communeId=${w.communeA.id}&periodKey=${key}`);
      expect(res.status, key).toBe(422);
    }
  });

  it('is read by commune admins and province viewers, not by other roles or other communes', async () => {
    expect((await report(`communeId=${w.communeA.id}&periodKey=2026-Q1`, w.cookies.province_viewer)).status).toBe(200);
    expect((await report(`communeId=${w.communeA.id}&periodKey=2026-Q1`, w.cookies.village_head)).status).toBe(403);
    expect((await report(`communeId=${w.communeA.id}&periodKey=2026-Q1`, w.cookies.organizer)).status).toBe(403);
    expect((await report(`communeId=${w.communeB.id}&periodKey=2026-Q1`)).status).toBe(404);
    expect((await report(`communeId=${w.communeC.id}&periodKey=2026-Q1`, w.cookies.province_viewer)).status).toBe(404);
    expect((await download(`/api/reports/xlsx?communeId=${w.communeB.id}&periodKey=2026-Q1`)).status).toBe(404);
  });
});

describe('report files', () => {
  it('gives an XLSX with one sheet per table, each under the official heading, figures as on screen', async () => {
    const screen = (await report(`communeId=${w.communeA.id}&periodKey=2026-Q1`)).body;
    const res = await download(`/api/reports/xlsx?communeId=${w.communeA.id}&periodKey=2026-Q1`);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets).toHaveLength(6);
    const sheet = book.worksheets[0]!;
    const text = (r: number, c: number) => String(sheet.getRow(r).getCell(c).value ?? '');
    expect(text(1, 3)).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text(2, 3)).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(text(2, 1)).toBe(`ỦY BAN NHÂN DÂN ${w.communeA.name.toUpperCase()}`);
    expect(text(9, 1)).toBe('Thôn, tổ dân phố');
    const rows: unknown[][] = [];
    for (let r = 10; r < 10 + screen.sections[0].rows.length; r++) {
      rows.push([text(r, 1), text(r, 2), sheet.getRow(r).getCell(3).value]);
    }
    expect(rows).toEqual(
      screen.sections[0].rows.map((r: { village: string; reached: string; activities: number }) => [
        r.village,
        r.reached,
        r.activities,
      ]),
    );
    for (const s of book.worksheets) expect(String(s.getRow(1).getCell(3).value)).toContain('CỘNG HÒA');
  });

  it('gives a PDF with the heading and every table', async () => {
    const res = await download(`/api/reports/pdf?communeId=${w.communeA.id}&periodKey=2026-Q1`);
    expect(res.status).toBe(200);
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Tuyên truyền theo thôn, tổ dân phố');
    expect(text).toContain('Thôn Yên Tĩnh Chưa 0');
    expect(text).toContain('Họp dân');
  });

  it('logs every export in the audit trail', async () => {
    const rows = await h.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entity, 'report'), eq(schema.auditLog.communeId, w.communeA.id)));
    expect(rows.map((r) => JSON.parse(r.summary!).format).sort()).toEqual(['pdf', 'xlsx']);
    expect(rows.every((r) => r.action === 'export' && r.entityId === '2026-Q1')).toBe(true);
  });
});

describe('the sections other features fill in', () => {
  it('turns a commitments summary into rows with a total', () => {
    const section = commitmentsSection(
      [
        { kind: 'household', status: 'verified', count: 120 },
        { kind: 'household', status: 'submitted', count: 8 },
      ],
      'vi',
    );
    expect(section.rows).toEqual([
      { kind: 'Hộ gia đình', status: 'Đã xác minh', count: 120 },
      { kind: 'Hộ gia đình', status: 'Đã gửi', count: 8 },
    ]);
    expect(section.total).toMatchObject({ count: 128 });
    expect(section.note).toBeNull();
  });

  it('turns a contest summary into one row per round with Vietnam dates', () => {
    const section = contestsSection(
      [
        {
          title: 'Tìm hiểu pháp luật',
          roundName: 'Đợt 1',
          startsAt: Date.parse('2026-01-31T17:00:00Z'),
          endsAt: Date.parse('2026-02-28T17:00:00Z'),
          participants: 40,
          attempts: 55,
          submitted: 50,
        },
      ],
      'vi',
    );
    expect(section.rows).toEqual([
      {
        contest: 'Tìm hiểu pháp luật: Đợt 1',
        from: '2026-02-01',
        to: '2026-02-28',
        participants: 40,
        attempts: 55,
        submitted: 50,
      },
    ]);
    expect(section.total).toMatchObject({ participants: 40, attempts: 55, submitted: 50 });
  });
});

describe('commitments and contests in the report', () => {
  it('counts the campaign year’s commitment entries by status and lists the contest rounds that overlap it', async () => {
    const campaign = await householdCampaign(h, w, { year: 2026, opensOn: '2026-01-01', closesOn: '2026-12-31' });
    const signed = await submit(h, entryBody(campaign.id, w.villageA.id));
    expect(signed.status).toBe(201);
    const second = await submit(h, entryBody(campaign.id, quiet.id, { signerName: 'Trần Thị Bình' }));
    const verify = await h.call('POST', `/api/commitments/entries/${signed.body.id}/review`, {
      cookie: w.cookies.commune_admin,
      body: { decision: 'verify' },
    });
    expect(verify.status).toBe(200);
    const contest = await h.call('POST', '/api/contests', {
      cookie: w.cookies.organizer,
      body: { title: 'Tìm hiểu pháp luật về phòng, chống ma túy' },
    });
    const round = (name: string, startsAt: string, endsAt: string) =>
      h.call('POST', `/api/contests/${contest.body.id}/rounds`, {
        cookie: w.cookies.organizer,
        body: { name, startsAt, endsAt, questionCount: 10, timeLimitSeconds: 600, attemptsAllowed: 1 },
      });
    expect((await round('Đợt 1', '2026-03-20T08:00', '2026-04-05T08:00')).status).toBe(201);
    expect((await round('Đợt 2', '2026-05-01T08:00', '2026-05-08T08:00')).status).toBe(201);

    const res = await report(`communeId=${w.communeA.id}&periodKey=2026-Q1`);
    const byKey = Object.fromEntries(res.body.sections.map((s: Section) => [s.key, s])) as Record<string, Section>;
    expect(byKey.commitments!.rows).toEqual(
      expect.arrayContaining([
        { kind: 'Hộ gia đình', status: 'Đã xác minh', count: 1 },
        { kind: 'Hộ gia đình', status: 'Đã gửi', count: second.status === 201 ? 1 : 0 },
      ]),
    );
    // Only the round that overlaps the first quarter.
    expect(byKey.contests!.rows.map((r) => r.contest)).toEqual(['Tìm hiểu pháp luật về phòng, chống ma túy: Đợt 1']);
    expect(byKey.contests!.rows[0]).toMatchObject({ from: '2026-03-20', to: '2026-04-05', participants: 0 });
  });
});
