import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeEvents } from '@vungxanh/db';
import { factories } from '@vungxanh/db/testing';
import { daysLeft, periodOf, vnDate } from '@vungxanh/domain';
import { entryBody, householdCampaign, submit, thisYear } from './commitments-helpers.ts';
import { createHarness, passwordHash, world } from './harness.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
let h: H;
let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  h = await createHarness();
  w = await world(h);
});
afterAll(() => h.cleanup());

const dashboard = (cookie: string, query = '') => h.call('GET', `/api/indicators/dashboard?${query}`, { cookie });
const figure = (body: { figures: { key: string; numerator: number; denominator: number }[] }, key: string) =>
  body.figures.find((f) => f.key === key)!;
const log = (cookie: string, villageIds: string[], date = vnDate(Date.now()), schoolIds: string[] = []) =>
  h.call('POST', '/api/activities', {
    cookie,
    body: { id: randomUUID(), date, type: 'meeting', villageIds, schoolIds },
  });

/** Events as the write path stores them (with their day rollup), without a kiosk: officers' and phones' rows. */
const storeRaw = (
  rows: { id: string; type: string; occurredAt: Date; communeId: string; villageId: string; payload: object }[],
) =>
  storeEvents(
    h.db,
    rows.map((r) => ({
      id: r.id,
      type: r.type,
      occurredAt: r.occurredAt,
      kioskId: null,
      communeId: r.communeId,
      villageId: r.villageId,
      schoolId: null,
      selfDeclared: false,
      payload: r.payload as Record<string, unknown>,
    })),
    new Date(),
    null,
  );

describe('commune dashboard', () => {
  it('moves a village to reached and the headline from n/N to n+1/N when its head logs an activity', async () => {
    const commune = await factories.commune(h.db, { provinceId: w.p1.id, targetFrequency: 'monthly' });
    const [v1, v2] = [await factories.village(h.db, commune.id), await factories.village(h.db, commune.id)];
    await factories.village(h.db, commune.id, { active: false });
    const admin = await factories.account(h.db, {
      role: 'commune_admin',
      communeId: commune.id,
      provinceId: w.p1.id,
      passwordHash: await passwordHash(),
    });
    const head = await factories.account(h.db, {
      role: 'village_head',
      communeId: commune.id,
      provinceId: w.p1.id,
      villageId: v1.id,
      passwordHash: await passwordHash(),
    });
    const adminCookie = await h.signIn(admin.username);
    const headCookie = await h.signIn(head.username);

    const before = await dashboard(adminCookie, `communeId=${commune.id}`);
    expect(before.status).toBe(200);
    expect(before.body.period.key).toBe(periodOf('month', Date.now()));
    expect(before.body.period.daysLeft).toBe(daysLeft(before.body.period.key, Date.now()));
    expect(figure(before.body, 'villageOutreach')).toMatchObject({ numerator: 0, denominator: 2, ratio: 0 });
    expect(before.body.notReached.map((n: { id: string }) => n.id).sort()).toEqual([v1.id, v2.id].sort());

    expect((await log(headCookie, [v1.id])).status).toBe(201);

    const after = await dashboard(adminCookie, `communeId=${commune.id}`);
    expect(figure(after.body, 'villageOutreach')).toMatchObject({
      numerator: 1,
      denominator: 2,
      ratio: 0.5,
      unitIds: [v1.id],
      missingIds: [v2.id],
    });
    expect(after.body.villages.find((v: { id: string }) => v.id === v1.id)).toMatchObject({
      reached: true,
      reachedBy: 'activity',
      activities: 1,
      lastActivityDate: vnDate(Date.now()),
      daysSince: 0,
      registryStatus: 'not_started',
    });
    expect(after.body.notReached.map((n: { id: string }) => n.id)).toEqual([v2.id]);
    const month = after.body.series.at(-1);
    expect(month).toMatchObject({
      month: periodOf('month', Date.now()),
      villagesReached: 1,
      villages: 2,
      activities: 1,
    });
    expect(after.body.series).toHaveLength(12);

    // The village head sees the commune's headline and only their village's row.
    const own = await dashboard(headCookie);
    expect(own.body.scope).toEqual({ villageId: v1.id, schoolId: null });
    expect(own.body.villages.map((v: { id: string }) => v.id)).toEqual([v1.id]);
    expect(figure(own.body, 'villageOutreach').numerator).toBe(1);
  });

  it('follows the commune’s target frequency for the headline and accepts any period key', async () => {
    const res = await dashboard(w.cookies.commune_admin);
    expect(res.body.headlineKind).toBe('quarter');
    expect(res.body.period.key).toBe(periodOf('quarter', Date.now()));
    const rp = await dashboard(w.cookies.commune_admin, 'period=RP6-2026-03');
    expect(rp.body.period).toMatchObject({ key: 'RP6-2026-03', kind: 'recognition_6m', days: 181 });
    expect(rp.body.series.map((p: { month: string }) => p.month).at(-1)).toBe('2026-02');
    expect((await dashboard(w.cookies.commune_admin, 'period=2026-Q9')).status).toBe(422);
  });

  it('counts an activity in the period of its Vietnam date, and for each village it reached', async () => {
    const commune = await factories.commune(h.db, { provinceId: w.p1.id });
    const vs = [
      await factories.village(h.db, commune.id),
      await factories.village(h.db, commune.id),
      await factories.village(h.db, commune.id),
    ];
    const res = await h.call('POST', '/api/activities', {
      cookie: w.cookies.system,
      body: { id: randomUUID(), date: '2026-03-31', type: 'loudspeaker', villageIds: [vs[0]!.id, vs[1]!.id] },
    });
    expect(res.status).toBe(201);
    const q1 = await dashboard(w.cookies.system, `communeId=${commune.id}&period=2026-Q1`);
    expect(figure(q1.body, 'villageOutreach')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(q1.body.activityCount).toBe(1);
    const q2 = await dashboard(w.cookies.system, `communeId=${commune.id}&period=2026-Q2`);
    expect(figure(q2.body, 'villageOutreach').numerator).toBe(0);
    expect(q2.body.period.daysLeft).toBe(0);
  });

  it('counts digital reach only once the commune switches it on, from the minimum number of events', async () => {
    const commune = await factories.commune(h.db, { provinceId: w.p1.id });
    const v = await factories.village(h.db, commune.id);
    const now = Date.now();
    await storeRaw(
      Array.from({ length: 3 }, (_, i) => ({
        id: randomUUID(),
        type: i === 0 ? 'quiz_completed' : 'lesson_opened',
        occurredAt: new Date(now - 60_000),
        receivedAt: new Date(now),
        communeId: commune.id,
        villageId: v.id,
        payload: {},
      })),
    );
    const off = await dashboard(w.cookies.system, `communeId=${commune.id}`);
    expect(figure(off.body, 'villageOutreach').numerator).toBe(0);
    expect(off.body.villages[0]).toMatchObject({ digitalEvents: 3, quizzes: 1, reached: false });
    expect(off.body.digitalEvents).toBe(3);

    const set = (value: unknown) =>
      h.call('PUT', `/api/indicators/settings?communeId=${commune.id}`, { cookie: w.cookies.system, body: value });
    expect((await set({ digitalReachCounts: true, minEvents: 5 })).status).toBe(200);
    expect(
      figure((await dashboard(w.cookies.system, `communeId=${commune.id}`)).body, 'villageOutreach').numerator,
    ).toBe(0);
    await set({ digitalReachCounts: true, minEvents: 3 });
    const on = await dashboard(w.cookies.system, `communeId=${commune.id}`);
    expect(figure(on.body, 'villageOutreach').numerator).toBe(1);
    expect(on.body.villages[0].reachedBy).toBe('digital');
    expect((await set({ digitalReachCounts: true, minEvents: 0 })).status).toBe(422);
  });

  it('answers 404 for another commune, and 403 to a viewer changing settings', async () => {
    expect((await dashboard(w.cookies.commune_admin, `communeId=${w.communeB.id}`)).status).toBe(404);
    expect((await dashboard(w.cookies.province_viewer, `communeId=${w.communeC.id}`)).status).toBe(404);
    expect(
      (await h.call('GET', `/api/indicators/villages/${w.villageB.id}`, { cookie: w.cookies.commune_admin })).status,
    ).toBe(404);
    expect(
      (
        await h.call('PUT', `/api/indicators/settings?communeId=${w.communeA.id}`, {
          cookie: w.cookies.province_viewer,
          body: { digitalReachCounts: true, minEvents: 3 },
        })
      ).status,
    ).toBe(403);
  });
});

describe('village page', () => {
  it('shows the village’s months and its history', async () => {
    const v = await factories.village(h.db, w.communeA.id);
    await log(w.cookies.commune_admin, [v.id], '2026-01-15');
    await log(w.cookies.commune_admin, [v.id, w.villageA.id]);
    const res = await h.call('GET', `/api/indicators/villages/${v.id}`, { cookie: w.cookies.commune_admin });
    expect(res.status).toBe(200);
    expect(res.body.history.map((a: { date: string }) => a.date)).toEqual([vnDate(Date.now()), '2026-01-15']);
    expect(res.body.historyTotal).toBe(2);
    expect(res.body.row).toMatchObject({ reached: true, daysSince: 0 });
    expect(res.body.series.find((m: { month: string }) => m.month === periodOf('month', Date.now()))).toMatchObject({
      reached: true,
      activities: 1,
    });
    const jan = await h.call('GET', `/api/indicators/villages/${v.id}?period=2026-01`, {
      cookie: w.cookies.commune_admin,
    });
    expect(jan.body.row).toMatchObject({ reached: true, lastActivityDate: '2026-01-15', daysSince: 16 });
  });
});

describe('province view', () => {
  it('puts the province’s communes side by side, and only those', async () => {
    const res = await h.call('GET', '/api/indicators/province?period=2026-Q1', { cookie: w.cookies.province_viewer });
    expect(res.status).toBe(200);
    const ids = res.body.communes.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining([w.communeA.id, w.communeB.id]));
    expect(ids).not.toContain(w.communeC.id);
    const total = res.body.totals.find((f: { key: string }) => f.key === 'villageOutreach');
    const sum = res.body.communes.reduce(
      (s: number, c: { figures: { key: string; denominator: number }[] }) =>
        s + c.figures.find((f) => f.key === 'villageOutreach')!.denominator,
      0,
    );
    expect(total.denominator).toBe(sum);
    expect(
      (await h.call('GET', `/api/indicators/province?provinceId=${w.p2.id}`, { cookie: w.cookies.province_viewer }))
        .status,
    ).toBe(404);
    expect((await h.call('GET', '/api/indicators/province', { cookie: w.cookies.commune_admin })).status).toBe(403);
  });

  it('reads kiosk reach the same way as the commune dashboard, per village where it counts and summed elsewhere', async () => {
    const on = await factories.commune(h.db, { provinceId: w.p2.id });
    const off = await factories.commune(h.db, { provinceId: w.p2.id });
    const vOn = await factories.village(h.db, on.id);
    const vOff = await factories.village(h.db, off.id);
    const gone = await factories.village(h.db, off.id, { active: false });
    const now = Date.now();
    const events = (communeId: string, villageId: string, n: number) =>
      Array.from({ length: n }, () => ({
        id: randomUUID(),
        type: 'quiz_completed',
        occurredAt: new Date(now - 60_000),
        receivedAt: new Date(now),
        communeId,
        villageId,
        payload: {},
      }));
    await storeRaw([...events(on.id, vOn.id, 4), ...events(off.id, vOff.id, 3), ...events(off.id, gone.id, 5)]);
    await h.call('PUT', `/api/indicators/settings?communeId=${on.id}`, {
      cookie: w.cookies.system,
      body: { digitalReachCounts: true, minEvents: 4 },
    });
    const res = await h.call('GET', `/api/indicators/province?provinceId=${w.p2.id}`, { cookie: w.cookies.system });
    const row = (id: string) => res.body.communes.find((c: { id: string }) => c.id === id);
    const fig = (id: string, key: string) => row(id).figures.find((f: { key: string }) => f.key === key);
    expect(fig(on.id, 'villageOutreach')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(fig(off.id, 'villageOutreach')).toMatchObject({ numerator: 0, denominator: 1 });
    expect(fig(off.id, 'quizReach').numerator).toBe(3);
    expect(row(off.id).digitalEvents).toBe(3);
    const dash = await dashboard(w.cookies.system, `communeId=${off.id}`);
    expect(figure(dash.body, 'quizReach').numerator).toBe(3);
  });
});

describe('commitments on the dashboard', () => {
  it('counts a verified household entry the same way as the commitments page', async () => {
    const village = await factories.village(h.db, w.communeA.id, { households: 2 });
    const query = `communeId=${w.communeA.id}&period=${thisYear()}`;
    const before = figure((await dashboard(w.cookies.commune_admin, query)).body, 'householdCommitment');

    const campaign = await householdCampaign(h, w);
    const signed = await submit(h, entryBody(campaign.id, village.id));
    expect(signed.status).toBe(201);
    const pending = figure((await dashboard(w.cookies.commune_admin, query)).body, 'householdCommitment');
    // Signed but not yet verified: not counted.
    expect(pending.numerator).toBe(before.numerator);

    const review = await h.call('POST', `/api/commitments/entries/${signed.body.id}/review`, {
      cookie: w.cookies.commune_admin,
      body: { decision: 'verify' },
    });
    expect(review.status).toBe(200);
    const after = (await dashboard(w.cookies.commune_admin, query)).body;
    expect(figure(after, 'householdCommitment').numerator).toBe(before.numerator + 1);
    const row = after.villages.find((v: { id: string }) => v.id === village.id);
    expect(row.commitmentRatio).toBe(0.5);

    const page = await h.call('GET', `/api/commitments/coverage?communeId=${w.communeA.id}&year=${thisYear()}`, {
      cookie: w.cookies.commune_admin,
    });
    expect(page.status).toBe(200);
    expect(page.body.households.numerator).toBe(figure(after, 'householdCommitment').numerator);
    expect(page.body.households.denominator).toBe(figure(after, 'householdCommitment').denominator);
  });
});
