import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@vungxanh/db';
import { factories } from '@vungxanh/db/testing';
import { seedRegistryCriteria } from '@vungxanh/db/seed';
import { vnDate } from '@vungxanh/domain';
import { createHarness, ORIGIN, world } from './harness.ts';
import { pdfText } from './pdf-text.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
let h: H;
let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  h = await createHarness();
  await seedRegistryCriteria(h.db);
  w = await world(h);
});
afterAll(() => h.cleanup());
afterEach(() => vi.useRealTimers());

const entered = ['newUsers', 'underManagement', 'crimePoints', 'dealers', 'drugPlants'];
const source = 'Công an xã, rà soát tháng 02/2026';
const allCounts = (value = 0) => entered.map((key) => ({ key, value, note: source }));
const move = (to: string, extra: Record<string, unknown> = {}) => ({ requestId: randomUUID(), to, ...extra });

async function newVillage(overrides: Parameters<typeof factories.village>[2] = {}) {
  return factories.village(h.db, w.communeA.id, overrides);
}
const admin = () => w.cookies.commune_admin;
const post = (villageId: string, body: unknown, cookie = admin()) =>
  h.call('POST', `/api/registry/villages/${villageId}/transitions`, { cookie, body });
const putValues = (villageId: string, body: unknown, cookie = admin()) =>
  h.call('PUT', `/api/registry/villages/${villageId}/criteria`, { cookie, body });

/** Fakes only the clock: the database driver keeps its real timers. */
function at(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

describe('the registry list', () => {
  it('shows every village of the commune, not started, with its checklist and the next deadline', async () => {
    const res = await h.call('GET', `/api/registry?communeId=${w.communeA.id}`, { cookie: admin() });
    expect(res.status).toBe(200);
    expect(res.body.villages.map((v: { id: string }) => v.id)).toContain(w.villageA.id);
    const a = res.body.villages.find((v: { id: string }) => v.id === w.villageA.id);
    expect(a.status).toBe('not_started');
    expect(a.allowed).toEqual(['building']);
    expect(a.checklist.total).toBe(8);
    expect(res.body.deadline.deadline).toMatch(/-(03|09)-10$/);
    expect(res.body.canManage).toBe(true);
  });

  it('gives a village head its own village only, and refuses roles without the registry', async () => {
    const res = await h.call('GET', `/api/registry?communeId=${w.communeA.id}`, { cookie: w.cookies.village_head });
    expect(res.body.villages.map((v: { id: string }) => v.id)).toEqual([w.villageA.id]);
    expect(res.body.canManage).toBe(false);
    expect((await h.call('GET', '/api/registry', { cookie: w.cookies.organizer })).status).toBe(403);
    expect((await h.call('GET', '/api/registry', { cookie: w.cookies.school_staff })).status).toBe(403);
  });

  it('answers 404 for another commune, and lets the province viewer read but not write', async () => {
    expect((await h.call('GET', `/api/registry?communeId=${w.communeB.id}`, { cookie: admin() })).status).toBe(404);
    expect((await h.call('GET', `/api/registry/villages/${w.villageB.id}`, { cookie: admin() })).status).toBe(404);
    expect((await post(w.villageB.id, move('building'))).status).toBe(404);
    expect(
      (await h.call('GET', `/api/registry?communeId=${w.communeC.id}`, { cookie: w.cookies.province_viewer })).status,
    ).toBe(404);
    expect(
      (await h.call('GET', `/api/registry?communeId=${w.communeB.id}`, { cookie: w.cookies.province_viewer })).status,
    ).toBe(200);
    expect((await post(w.villageA.id, move('building'), w.cookies.province_viewer)).status).toBe(403);
    expect((await post(w.villageA.id, move('building'), w.cookies.village_head)).status).toBe(403);
  });

  it('hides other villages of the commune from a village head', async () => {
    const other = await newVillage();
    const res = await h.call('GET', `/api/registry/villages/${other.id}`, { cookie: w.cookies.village_head });
    expect(res.status).toBe(404);
    const own = await h.call('GET', `/api/registry/villages/${w.villageA.id}`, { cookie: w.cookies.village_head });
    expect(own.status).toBe(200);
  });
});

describe('the workflow', () => {
  it('goes building → proposed → recognised with a decision, and gives a certificate with its text', async () => {
    const village = await newVillage({ name: 'Tổ dân phố số 9', kind: 'to_dan_pho', roadmapTargetYear: 2026 });
    at('2026-03-05T03:00:00Z');
    expect((await post(village.id, move('building'))).body.status).toBe('building');

    const early = await post(village.id, move('proposed', { periodKey: 'RP6-2026-03' }));
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('registry_checklist_incomplete');

    const values = await putValues(village.id, { periodKey: 'RP6-2026-03', values: allCounts(0) });
    expect(values.status).toBe(200);
    expect(values.body.complete).toBe(true);
    expect(values.body.checklist.find((c: { key: string }) => c.key === 'crimePoints')).toMatchObject({
      source: 'entered',
      value: 0,
      met: true,
      note: source,
      toCheck: true,
    });

    const proposed = await post(village.id, move('proposed', { periodKey: 'RP6-2026-03' }));
    expect(proposed.status).toBe(200);
    expect(proposed.body.status).toBe('proposed');
    const list = await h.call('GET', `/api/registry?communeId=${w.communeA.id}&periodKey=RP6-2026-03`, {
      cookie: admin(),
    });
    expect(list.body.villages.find((v: { id: string }) => v.id === village.id).deadline).toEqual({
      periodKey: 'RP6-2026-03',
      deadline: '2026-03-10',
      daysLeft: 5,
      level: 'soon',
    });

    // No activity, no verified household, no mailbox: the computed criteria are unmet, so recognising it needs
    // the committee's written reason, which the decision, the audit log and the registry list then carry.
    const recognition = { periodKey: 'RP6-2026-03', decision: { number: '25/QĐ-UBND', date: '2026-03-04' } };
    const refused = await post(village.id, move('recognized', recognition));
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('registry_criteria_unmet');
    expect(refused.body.message).toContain('lý do');
    const tooShort = await post(village.id, move('recognized', { ...recognition, override: { reason: 'vì' } }));
    expect(tooShort.status).toBe(422);
    const reason = 'Ban chỉ đạo đã kiểm tra thực tế; số liệu tuyên truyền chưa được nhập đủ.';
    const recognised = await post(village.id, move('recognized', { ...recognition, override: { reason } }));
    expect(recognised.status).toBe(200);
    expect(recognised.body.status).toBe('recognized');
    const [decision] = recognised.body.decisions;
    expect(decision).toMatchObject({ number: '25/QĐ-UBND', date: '2026-03-04', late: false });
    expect(decision.override).toEqual({
      reason,
      criteria: expect.arrayContaining(['outreach', 'householdCommitment', 'mailboxBoard']),
    });
    const listed = await h.call('GET', `/api/registry?communeId=${w.communeA.id}&periodKey=RP6-2026-03`, {
      cookie: admin(),
    });
    expect(listed.body.villages.find((v: { id: string }) => v.id === village.id).lastDecision.override.reason).toBe(
      reason,
    );
    expect(decision.certificateNumber).toMatch(/^\d{2}\/GCN-2026$/);
    expect(recognised.body.changes.map((c: { to: string }) => c.to)).toEqual(['recognized', 'proposed', 'building']);
    // The coverage dashboard counts the recognised village among the drug-free ones.
    const dash = await h.call('GET', `/api/indicators/dashboard?communeId=${village.communeId}&period=2026`, {
      cookie: admin(),
    });
    expect(dash.status).toBe(200);
    expect(dash.body.figures.find((f: { key: string }) => f.key === 'drugFree').unitIds).toContain(village.id);
    expect(dash.body.villages.find((v: { id: string }) => v.id === village.id).registryStatus).toBe('recognized');

    const res = await h.app.request(`/api/registry/decisions/${decision.id}/certificate`, {
      headers: { origin: ORIGIN, cookie: admin() },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('GIẤY CHỨNG NHẬN');
    expect(text).toContain('Tổ dân phố số 9');
    // The PDF breaks lines after a slash, so the numbers are compared without spaces.
    const compact = text.replace(/\s+/g, '');
    expect(compact).toContain('Quyếtđịnhsố25/QĐ-UBNDngày04/03/2026');
    expect(compact).toContain(`Số:${decision.certificateNumber}`);

    const audit = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, village.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['building', 'proposed', 'recognized', 'update']);
    expect(audit.find((a) => a.action === 'recognized')!.summary).toContain(reason);
    const exported = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, decision.id));
    expect(exported.map((a) => a.action)).toEqual(['export']);

    const roadmap = (await h.call('GET', `/api/registry?communeId=${w.communeA.id}`, { cookie: admin() })).body
      .roadmap as { year: number; planned: number; actual: number | null }[];
    expect(roadmap.find((y) => y.year === 2026)).toEqual({ year: 2026, planned: 1, actual: 1 });
  });

  it('refuses moves the workflow does not allow', async () => {
    const village = await newVillage();
    const jump = await post(
      village.id,
      move('recognized', { periodKey: 'RP6-2026-03', decision: { number: '1', date: '2026-03-01' } }),
    );
    expect(jump.status).toBe(409);
    expect(jump.body.code).toBe('registry_transition');
    expect((await post(village.id, move('lost'))).status).toBe(409);
    const rows = await h.db
      .select()
      .from(schema.registryChanges)
      .where(eq(schema.registryChanges.villageId, village.id));
    expect(rows).toEqual([]);
  });

  it('refuses a decision dated in the future or before the period, and a second decision for one period', async () => {
    const village = await newVillage();
    at('2026-03-05T03:00:00Z');
    await post(village.id, move('building'));
    await putValues(village.id, { periodKey: 'RP6-2026-03', values: allCounts(0) });
    await post(village.id, move('proposed', { periodKey: 'RP6-2026-03' }));
    for (const date of ['2026-03-06', '2025-08-31']) {
      const res = await post(
        village.id,
        move('recognized', { periodKey: 'RP6-2026-03', decision: { number: '7/QĐ', date } }),
      );
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('registry_decision_date');
    }
    const missing = await post(village.id, move('recognized', { periodKey: 'RP6-2026-03' }));
    expect(missing.status).toBe(422);
    const decisions = await h.db
      .select()
      .from(schema.recognitionDecisions)
      .where(eq(schema.recognitionDecisions.villageId, village.id));
    expect(decisions).toEqual([]);
  });

  it('marks a decision taken after 10/3 as late and says the deadline passed', async () => {
    const village = await newVillage();
    at('2026-03-01T03:00:00Z');
    await post(village.id, move('building'));
    await putValues(village.id, { periodKey: 'RP6-2026-03', values: allCounts(0) });
    await post(village.id, move('proposed', { periodKey: 'RP6-2026-03' }));
    at('2026-03-12T03:00:00Z');
    const list = await h.call('GET', `/api/registry?communeId=${w.communeA.id}`, { cookie: admin() });
    expect(list.body.villages.find((v: { id: string }) => v.id === village.id).deadline).toMatchObject({
      daysLeft: -2,
      level: 'overdue',
    });
    const res = await post(
      village.id,
      move('recognized', {
        periodKey: 'RP6-2026-03',
        decision: { number: '30/QĐ-UBND', date: '2026-03-12' },
        override: { reason: 'Quyết định của Ban chỉ đạo ngày 12/3.' },
      }),
    );
    expect(res.body.decisions[0].late).toBe(true);
  });

  it('answers a repeated request with the first result and moves only once', async () => {
    const village = await newVillage();
    const body = move('building');
    const first = await post(village.id, body);
    const second = await post(village.id, body);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const rows = await h.db
      .select()
      .from(schema.registryChanges)
      .where(eq(schema.registryChanges.villageId, village.id));
    expect(rows).toHaveLength(1);
    const elsewhere = await post(w.villageA.id, body);
    expect(elsewhere.status).toBe(409);
  });

  it('keeps inactive villages out of proposals', async () => {
    const village = await newVillage({ active: false });
    const res = await post(village.id, move('building'));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('registry_village_inactive');
  });
});

describe('criteria entry', () => {
  it('takes counts only: whole, non-negative, with a source; nothing stored otherwise', async () => {
    const village = await newVillage();
    const bad = [
      { key: 'crimePoints', value: -1, note: source },
      { key: 'crimePoints', value: 1.5, note: source },
      { key: 'crimePoints', value: '2', note: source },
      { key: 'crimePoints', value: 2, note: '' },
      { key: 'crimePoints', value: 2, note: source, names: 'Nguyễn Văn A' },
      { key: 'outreach', value: 100, note: source },
      { key: 'unknownCriterion', value: 1, note: source },
    ];
    for (const row of bad) {
      const res = await putValues(village.id, { periodKey: 'RP6-2026-03', values: [allCounts(0)[0], row] });
      expect(res.status, JSON.stringify(row)).toBe(422);
    }
    expect((await putValues(village.id, { periodKey: '2026-Q1', values: allCounts(0) })).status).toBe(422);
    const stored = await h.db
      .select()
      .from(schema.criteriaValues)
      .where(eq(schema.criteriaValues.villageId, village.id));
    expect(stored).toEqual([]);
  });

  it('judges a count against its limit and replaces an earlier figure', async () => {
    const village = await newVillage();
    await putValues(village.id, { periodKey: 'RP12-2026-09', values: [{ key: 'drugPlants', value: 2, note: source }] });
    const res = await putValues(village.id, {
      periodKey: 'RP12-2026-09',
      values: [{ key: 'drugPlants', value: 1, note: 'Công an xã, kiểm tra lại' }],
    });
    expect(res.body.checklist.find((c: { key: string }) => c.key === 'drugPlants')).toMatchObject({
      value: 1,
      met: false,
      note: 'Công an xã, kiểm tra lại',
    });
    expect(res.body.summary.unmet).toBeGreaterThanOrEqual(1);
  });

  it('fills outreach and mailbox criteria from the indicators', async () => {
    const village = await newVillage({ mailboxInstalledOn: '2025-10-01', boardInstalledOn: '2025-10-02' });
    const quiet = await newVillage();
    at('2026-09-20T03:00:00Z');
    // Commune A aims for quarterly outreach: RP6-2026-09 (March–August) spans three quarters, Q1 from 01/03 only.
    for (const date of ['2026-03-15', '2026-05-02', '2026-08-30']) {
      const id = randomUUID();
      await h.db.insert(schema.activities).values({
        id,
        communeId: w.communeA.id,
        date,
        type: 'meeting',
        audienceGroup: 'general',
      });
      await h.db.insert(schema.activityUnits).values({
        activityId: id,
        unitKey: `v:${village.id}`,
        communeId: w.communeA.id,
        date,
        villageId: village.id,
      });
    }
    const res = await h.call('GET', `/api/registry/villages/${village.id}?periodKey=RP6-2026-09`, { cookie: admin() });
    const byKey = Object.fromEntries(res.body.checklist.map((c: { key: string }) => [c.key, c]));
    expect(byKey.outreach).toMatchObject({ source: 'computed', value: 100, met: true });
    expect(byKey.mailboxBoard).toMatchObject({ value: 100, met: true });
    // Until the commitments feature is merged, its tallies are empty: 0% of households.
    expect(byKey.householdCommitment).toMatchObject({ value: 0, met: false });
    const other = await h.call('GET', `/api/registry/villages/${quiet.id}?periodKey=RP6-2026-09`, { cookie: admin() });
    const otherKeys = Object.fromEntries(other.body.checklist.map((c: { key: string }) => [c.key, c]));
    expect(otherKeys.outreach).toMatchObject({ value: 0, met: false });
    expect(otherKeys.mailboxBoard).toMatchObject({ value: 0, met: false });
    expect(vnDate(Date.now())).toBe('2026-09-20');
  });
});

describe('criteria lists', () => {
  const list = [
    {
      key: 'outreach',
      labelVi: 'Được tuyên truyền đủ',
      labelEn: 'Reached',
      source: 'computed',
      computedKey: 'villageOutreach',
      target: 80,
    },
    { key: 'crimePoints', labelVi: 'Số điểm phức tạp', labelEn: 'Crime points', source: 'entered', maxCount: 0 },
  ];

  it('lets the system give a province its own list, which its communes then use', async () => {
    const before = await h.call('GET', '/api/registry/criteria', { cookie: admin() });
    expect(before.body).toMatchObject({ provinceId: w.p1.id, inherited: true });
    expect(before.body.items.every((c: { toCheck: boolean }) => c.toCheck)).toBe(true);

    expect(
      (await h.call('PUT', '/api/registry/criteria', { cookie: admin(), body: { provinceId: w.p1.id, items: list } }))
        .status,
    ).toBe(403);
    const saved = await h.call('PUT', '/api/registry/criteria', {
      cookie: w.cookies.system,
      body: { provinceId: w.p1.id, items: list },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ inherited: false });
    const village = await h.call('GET', `/api/registry/villages/${w.villageA.id}`, { cookie: admin() });
    expect(village.body.checklist.map((c: { key: string }) => c.key)).toEqual(['outreach', 'crimePoints']);
    const other = await h.call('GET', `/api/registry/criteria?provinceId=${w.p2.id}`, { cookie: w.cookies.system });
    expect(other.body.items).toHaveLength(8);
    expect((await h.call('GET', `/api/registry/criteria?provinceId=${w.p2.id}`, { cookie: admin() })).status).toBe(404);
    await h.db.delete(schema.registryCriteria).where(eq(schema.registryCriteria.provinceId, w.p1.id));
  });

  it('refuses a computed criterion without its indicator, and duplicate keys, leaving the list as it was', async () => {
    const bad = [{ ...list[0], computedKey: null }, list[1]];
    const dup = [list[1], list[1]];
    for (const items of [bad, dup]) {
      const res = await h.call('PUT', '/api/registry/criteria', {
        cookie: w.cookies.system,
        body: { provinceId: null, items },
      });
      expect(res.status).toBe(422);
    }
    const defaults = await h.call('GET', '/api/registry/criteria', { cookie: w.cookies.system });
    expect(defaults.body.items).toHaveLength(8);
  });
});
