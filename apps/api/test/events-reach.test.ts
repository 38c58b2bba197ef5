import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
