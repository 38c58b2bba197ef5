import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { schema } from '@vungxanh/db';
import { factories } from '@vungxanh/db/testing';
import { phoneReadsPerDevicePerDay } from '@vungxanh/domain';
import { createHarness, world } from './harness.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
let h: H;
let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  h = await createHarness();
  w = await world(h);
});
afterAll(() => h.cleanup());

const read = (villageId: string) => ({
  id: randomUUID(),
  type: 'quiz_completed',
  occurredAt: new Date(Date.now() - 60_000).toISOString(),
  villageId,
  payload: { score: 8, total: 10 },
});
const dashboard = (communeId: string) =>
  h.call('GET', `/api/indicators/dashboard?communeId=${communeId}`, { cookie: w.cookies.system });

describe('digital reach that cannot be faked', () => {
  it('never marks a village reached from phone reads, and counts them apart, bounded per device and day', async () => {
    const commune = await factories.commune(h.db, { provinceId: w.p1.id });
    const village = await factories.village(h.db, commune.id);
    await h.call('PUT', `/api/indicators/settings?communeId=${commune.id}`, {
      cookie: w.cookies.system,
      body: { digitalReachCounts: true, minEvents: 1 },
    });
    // A script without a kiosk token names the village, many times over.
    for (let i = 0; i < 2; i++) {
      const batch = Array.from({ length: 100 }, () => read(village.id));
      const res = await h.call('POST', '/api/events', { body: { events: batch } });
      expect(res.status).toBe(200);
      expect(res.body.acknowledged).toHaveLength(100);
    }
    const dash = await dashboard(commune.id);
    const row = dash.body.villages.find((v: { id: string }) => v.id === village.id);
    expect(row).toMatchObject({ reached: false, digitalEvents: 0 });
    expect(dash.body.figures.find((f: { key: string }) => f.key === 'villageOutreach').numerator).toBe(0);
    expect(dash.body.digitalEvents).toBe(0);
    expect(dash.body.phoneEvents).toBe(phoneReadsPerDevicePerDay);
  });

  it('lets a paired kiosk mark its village reached', async () => {
    const commune = await factories.commune(h.db, { provinceId: w.p1.id });
    const village = await factories.village(h.db, commune.id);
    await h.call('PUT', `/api/indicators/settings?communeId=${commune.id}`, {
      cookie: w.cookies.system,
      body: { digitalReachCounts: true, minEvents: 2 },
    });
    const created = await h.call('POST', `/api/kiosks?communeId=${commune.id}`, {
      cookie: w.cookies.system,
      body: { name: 'Nhà văn hóa', villageId: village.id },
    });
    expect(created.status).toBe(201);
    const paired = await h.call('POST', '/api/kiosks/pair', { body: { code: created.body.pairingCode } });
    expect(paired.status).toBe(200);
    const headers = { authorization: `Bearer ${paired.body.deviceToken}` };
    // A kiosk's events carry no village: the kiosk's own place is where they count.
    const events = [0, 1].map(() => {
      const { villageId: _named, ...event } = read(village.id);
      return event;
    });
    expect((await h.call('POST', '/api/events', { body: { events }, headers })).body.stored).toBe(2);
    const dash = await dashboard(commune.id);
    expect(dash.body.villages[0]).toMatchObject({ reached: true, reachedBy: 'digital', digitalEvents: 2 });
    expect(dash.body.phoneEvents).toBe(0);
  });

  it('lets a signed-in officer’s device mark a village reached, within the officer’s scope, audited', async () => {
    const village = await factories.village(h.db, w.communeA.id);
    await h.call('PUT', `/api/indicators/settings?communeId=${w.communeA.id}`, {
      cookie: w.cookies.system,
      body: { digitalReachCounts: true, minEvents: 2 },
    });
    const events = [read(village.id), read(village.id)];
    const send = (cookie: string | undefined, body: object, headers?: Record<string, string>) =>
      h.call('POST', '/api/events', { ...(cookie ? { cookie } : {}), body, ...(headers ? { headers } : {}) });
    const sent = await send(w.cookies.commune_admin, { device: 'officer', events });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ stored: 2, rejected: [] });
    // A replay after a lost answer stores nothing and leaves no second audit row.
    expect((await send(w.cookies.commune_admin, { device: 'officer', events })).body.stored).toBe(0);
    const audited = await h.db
      .select()
      .from(schema.auditLog)
      .where(
        and(eq(schema.auditLog.action, 'record_reach'), eq(schema.auditLog.accountId, w.accounts.commune_admin.id)),
      );
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ entity: 'events', communeId: w.communeA.id });
    expect(JSON.parse(audited[0]!.summary!)).toMatchObject({ events: 2, stored: 2, units: [village.id] });
    const row = (await dashboard(w.communeA.id)).body.villages.find((v: { id: string }) => v.id === village.id);
    expect(row).toMatchObject({ reached: true, reachedBy: 'digital', digitalEvents: 2 });

    // A village head counts only for their own village; another commune's village is refused.
    const head = await send(w.cookies.village_head, { device: 'officer', events: [read(village.id)] });
    expect(head.body.stored).toBe(0);
    expect(head.body.rejected[0].reason).toBe('not your village');
    const elsewhere = await send(w.cookies.commune_admin, { device: 'officer', events: [read(w.villageB.id)] });
    expect(elsewhere.body.rejected[0].reason).toBe('not your village');
    // Without a session, in a role that logs no outreach, or with a kiosk token too: refused before anything is stored.
    expect((await send(undefined, { device: 'officer', events: [read(village.id)] })).status).toBe(401);
    expect((await send(w.cookies.organizer, { device: 'officer', events: [read(village.id)] })).status).toBe(403);
    const both = await send(
      w.cookies.commune_admin,
      { device: 'officer', events: [read(village.id)] },
      {
        authorization: `Bearer ${'x'.repeat(40)}`,
      },
    );
    expect(both.status).toBe(422);
    const stored = await h.db.select().from(schema.events).where(eq(schema.events.villageId, village.id));
    expect(stored).toHaveLength(2);
  });
});
