import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const createKiosk = async (body: Record<string, unknown> = {}) =>
  (
    await h.call('POST', '/api/kiosks', {
      cookie: w.cookies.commune_admin,
      body: { name: 'Ki-ốt nhà văn hóa', villageId: w.villageA.id, ...body },
    })
  ).body;
const pair = (code: string) => h.call('POST', '/api/kiosks/pair', { body: { code } });
const event = (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  type: 'quiz_completed',
  occurredAt: new Date().toISOString(),
  payload: { score: 7, total: 10 },
  ...overrides,
});
const send = (events: unknown[], token?: string) =>
  h.call('POST', '/api/events', {
    body: { events },
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  });
const rowsFor = (ids: string[]) => h.db.select().from(schema.events).where(eq(schema.events.id, ids[0]!));

describe('pairing', () => {
  it('pairs with a fresh code once; the code cannot be used again', async () => {
    const created = await createKiosk({ idleSeconds: 120 });
    expect(created.pairingCode).toMatch(/^\d{6}$/);
    expect(created.kiosk.status).toBe('pending');
    const first = await pair(created.pairingCode);
    expect(first.status).toBe(200);
    expect(first.body.device).toMatchObject({
      kioskId: created.kiosk.id,
      villageId: w.villageA.id,
      idleSeconds: 120,
      placeName: w.villageA.name,
    });
    const again = await pair(created.pairingCode);
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('pairing_code_invalid');
    const me = await h.call('GET', '/api/kiosks/me', {
      headers: { authorization: `Bearer ${first.body.deviceToken}` },
    });
    expect(me.body.kioskId).toBe(created.kiosk.id);
  });

  it('reports with its heartbeat whether it can read aloud in Vietnamese, shown in the kiosk list', async () => {
    const created = await createKiosk();
    const { deviceToken } = (await pair(created.pairingCode)).body;
    const listed = async () =>
      (await h.call('GET', '/api/kiosks', { cookie: w.cookies.commune_admin })).body.items.find(
        (k: { id: string }) => k.id === created.kiosk.id,
      ).viVoice;
    expect(await listed()).toBeNull();
    const beat = (viVoice?: string) =>
      h.call('GET', `/api/kiosks/me${viVoice ? `?viVoice=${viVoice}` : ''}`, {
        headers: { authorization: `Bearer ${deviceToken}` },
      });
    expect((await beat('no')).status).toBe(200);
    expect(await listed()).toBe(false);
    await beat();
    expect(await listed()).toBe(false);
    await beat('yes');
    expect(await listed()).toBe(true);
    expect((await beat('maybe')).status).toBe(422);
  });

  it('refuses an expired code', async () => {
    const created = await createKiosk();
    await h.db
      .update(schema.kiosks)
      .set({ pairingExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.kiosks.id, created.kiosk.id));
    expect((await pair(created.pairingCode)).status).toBe(422);
  });

  it('refuses events and settings of a revoked kiosk', async () => {
    const created = await createKiosk();
    const { deviceToken } = (await pair(created.pairingCode)).body;
    expect((await send([event()], deviceToken)).status).toBe(200);
    const revoked = await h.call('POST', `/api/kiosks/${created.kiosk.id}/revoke`, { cookie: w.cookies.commune_admin });
    expect(revoked.body.status).toBe('revoked');
    const refused = await send([event()], deviceToken);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('kiosk_revoked');
    expect(
      (await h.call('GET', '/api/kiosks/me', { headers: { authorization: `Bearer ${deviceToken}` } })).status,
    ).toBe(401);
  });

  it('lists kiosks with their events count and keeps other communes out', async () => {
    const created = await createKiosk();
    const { deviceToken } = (await pair(created.pairingCode)).body;
    await send([event(), event()], deviceToken);
    const list = await h.call('GET', '/api/kiosks', { cookie: w.cookies.commune_admin });
    const mine = list.body.items.find((k: { id: string }) => k.id === created.kiosk.id);
    expect(mine).toMatchObject({ status: 'paired', eventsCount: 2 });
    expect(mine.lastSeenAt).not.toBeNull();
    expect(
      (await h.call('POST', `/api/kiosks/${created.kiosk.id}/revoke`, { cookie: w.cookies.communeB_admin })).status,
    ).toBe(404);
    expect(
      (
        await h.call('POST', '/api/kiosks', {
          cookie: w.cookies.commune_admin,
          body: { name: 'X', villageId: w.villageB.id },
        })
      ).status,
    ).toBe(404);
  });
});

describe('events', () => {
  it('stores each event id once: a replay is acknowledged without a second row', async () => {
    const created = await createKiosk();
    const { deviceToken } = (await pair(created.pairingCode)).body;
    const batch = [event(), event({ type: 'lesson_opened', payload: { lessonId: 'tac-hai-cua-ma-tuy' } })];
    const first = await send(batch, deviceToken);
    expect(first.body).toMatchObject({ stored: 2, rejected: [] });
    const replay = await send(batch, deviceToken);
    expect(replay.body.acknowledged.sort()).toEqual(batch.map((e) => e.id).sort());
    expect(replay.body.stored).toBe(0);
    const rows = await rowsFor([batch[0]!.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kioskId: created.kiosk.id,
      villageId: w.villageA.id,
      communeId: w.communeA.id,
      selfDeclared: false,
    });
  });

  it('marks phone events for a chosen village as self-declared', async () => {
    const e = event({ villageId: w.villageB.id });
    expect((await send([e])).body.stored).toBe(1);
    const [row] = await rowsFor([e.id]);
    expect(row).toMatchObject({
      villageId: w.villageB.id,
      communeId: w.communeB.id,
      selfDeclared: true,
      kioskId: null,
    });
  });

  it('rejects bad events one by one and keeps the good ones', async () => {
    const good = event();
    const res = await send([
      good,
      { ...event(), payload: { score: 11, total: 10 } },
      { ...event(), type: 'signed_up' },
      { ...event(), occurredAt: new Date(Date.now() + 3 * 86_400_000).toISOString() },
      { ...event(), villageId: 'nowhere' },
      { ...event(), payload: { score: 1, total: 2, name: 'Nguyễn Văn A' } },
      'not an event',
    ]);
    expect(res.status).toBe(200);
    expect(res.body.acknowledged).toEqual([good.id]);
    expect(res.body.rejected).toHaveLength(6);
  });

  it('refuses a batch that is too large or a token that is not ours', async () => {
    expect((await send(Array.from({ length: 101 }, () => event()))).status).toBe(422);
    expect((await send([event()], 'x'.repeat(43))).status).toBe(401);
  });
});

describe('public place names', () => {
  it('lists communes and a commune’s active villages without a session, names only', async () => {
    const communes = await h.call('GET', '/api/public/communes');
    expect(communes.body.items.map((c: { id: string }) => c.id)).toContain(w.communeA.id);
    const villages = await h.call('GET', `/api/public/villages?communeId=${w.communeA.id}`);
    expect(villages.body.items).toContainEqual({ id: w.villageA.id, name: w.villageA.name });
    expect(Object.keys(villages.body.items[0]).sort()).toEqual(['id', 'name']);
    expect((await h.call('GET', '/api/public/villages?communeId=nope')).status).toBe(404);
  });
});
