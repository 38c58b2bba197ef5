import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { schema } from '@vungxanh/db';
import { factories } from '@vungxanh/db/testing';
import { vnDate } from '@vungxanh/domain';
import { errorMessage } from '@vungxanh/i18n/server';
import { createHarness, world } from './harness.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
let h: H;
let w: Awaited<ReturnType<typeof world>>;
let villageA2: { id: string };
beforeAll(async () => {
  h = await createHarness();
  w = await world(h);
  villageA2 = await factories.village(h.db, w.communeA.id);
});
afterAll(() => h.cleanup());

const today = () => vnDate(Date.now());
const body = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  date: today(),
  type: 'meeting',
  villageIds: [w.villageA.id],
  participants: 35,
  organizer: 'Chi hội Phụ nữ',
  ...over,
});
const log = (cookie: string, b: Record<string, unknown>) => h.call('POST', '/api/activities', { cookie, body: b });
const stored = async (id: string) =>
  (await h.db.select().from(schema.activities).where(eq(schema.activities.id, id))).length;
const auditRows = (id: string, action: string) =>
  h.db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.entityId, id), eq(schema.auditLog.action, action)));

const photoForm = (bytes: Buffer, name = 'p.jpg', type = 'image/jpeg') => {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(bytes)], name, { type }));
  return form;
};

describe('logging an activity', () => {
  it('stores it once: a retry with the same id answers the first result', async () => {
    const b = body({ villageIds: [w.villageA.id] });
    const first = await log(w.cookies.village_head, b);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      id: b.id,
      communeId: w.communeA.id,
      type: 'meeting',
      villages: [{ id: w.villageA.id }],
      participants: 35,
      canEdit: true,
    });
    const again = await log(w.cookies.village_head, b);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await stored(b.id)).toBe(1);
    expect(await auditRows(b.id, 'create')).toHaveLength(1);
  });

  it('refuses the same id from another account (409), without touching the first', async () => {
    const b = body();
    await log(w.cookies.village_head, b);
    const clash = await log(w.cookies.commune_admin, { ...b, participants: 1 });
    expect(clash.status).toBe(409);
    const row = await h.call('GET', `/api/activities/${b.id}`, { cookie: w.cookies.commune_admin });
    expect(row.body.participants).toBe(35);
  });

  it("answers another commune's id as an unknown one (404), telling nothing of it", async () => {
    const theirs = body({ villageIds: [w.villageB.id] });
    expect((await log(w.cookies.communeB_admin, theirs)).status).toBe(201);
    const probe = await log(w.cookies.commune_admin, { ...theirs, villageIds: [w.villageA.id] });
    const unknown = await h.call('GET', `/api/activities/${randomUUID()}`, { cookie: w.cookies.commune_admin });
    expect(probe.status).toBe(404);
    expect(probe.body.code).toBe(unknown.body.code);
    expect(probe.body.message).toBe(unknown.body.message);
  });

  it('keeps village heads to their village and school staff to their school', async () => {
    const other = body({ villageIds: [villageA2.id] });
    expect((await log(w.cookies.village_head, other)).status).toBe(403);
    expect((await log(w.cookies.village_head, body({ villageIds: [w.villageA.id, villageA2.id] }))).status).toBe(403);
    expect((await log(w.cookies.school_staff, body({ villageIds: [], schoolIds: [w.schoolA.id] }))).status).toBe(201);
    expect((await log(w.cookies.school_staff, body())).status).toBe(403);
    expect((await log(w.cookies.organizer, body())).status).toBe(403);
    expect(await stored(other.id)).toBe(0);
  });

  it('lets a commune admin log one activity for several villages and a school', async () => {
    const res = await log(
      w.cookies.commune_admin,
      body({ villageIds: [w.villageA.id, villageA2.id], schoolIds: [w.schoolA.id], type: 'stage' }),
    );
    expect(res.status).toBe(201);
    expect(res.body.villages).toHaveLength(2);
    expect(res.body.schools).toEqual([{ id: w.schoolA.id, name: w.schoolA.name }]);
  });

  it('answers 404 for a unit of another commune and stores nothing', async () => {
    const b = body({ villageIds: [w.villageA.id, w.villageB.id] });
    const res = await log(w.cookies.commune_admin, b);
    expect(res.status).toBe(404);
    expect(await stored(b.id)).toBe(0);
    expect((await log(w.cookies.commune_admin, body({ villageIds: [w.villageB.id] }))).status).toBe(404);
  });

  it.each([
    ['a date after today', { date: '2999-01-01' }],
    ['an impossible date', { date: '2026-02-30' }],
    ['an unknown type', { type: 'party' }],
    ['no unit at all', { villageIds: [] }],
    ['negative participants', { participants: -3 }],
    ['an id that is not a UUID', { id: 'abc' }],
    ['an unknown field', { secret: 1 }],
  ])('refuses %s with 422 and stores nothing', async (_name, over) => {
    const b = body(over);
    const res = await log(w.cookies.commune_admin, b);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('validation_failed');
    expect(
      await h.db
        .select()
        .from(schema.activities)
        .where(eq(schema.activities.id, String(b.id))),
    ).toHaveLength(0);
  });

  it('answers errors in English when asked', async () => {
    const res = await h.call('POST', '/api/activities', {
      cookie: w.cookies.commune_admin,
      body: body({ type: 'party' }),
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(422);
    expect(res.body.message).toBe(errorMessage('validation_failed', 'en'));
  });
});

describe('editing and deleting', () => {
  it('edits with an audit row naming before and after, and moves the units', async () => {
    const b = body();
    await log(w.cookies.commune_admin, b);
    const res = await h.call('PATCH', `/api/activities/${b.id}`, {
      cookie: w.cookies.commune_admin,
      body: { participants: 80, villageIds: [villageA2.id] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ participants: 80, villages: [{ id: villageA2.id }] });
    const [row] = await auditRows(b.id, 'update');
    expect(JSON.parse(row!.summary!)).toMatchObject({ before: { participants: 35 }, after: { participants: 80 } });
    const units = await h.db.select().from(schema.activityUnits).where(eq(schema.activityUnits.activityId, b.id));
    expect(units.map((u) => u.villageId)).toEqual([villageA2.id]);
  });

  it('lets a village head change only what lies in their village', async () => {
    const mine = body();
    await log(w.cookies.village_head, mine);
    const shared = body({ villageIds: [w.villageA.id, villageA2.id] });
    await log(w.cookies.commune_admin, shared);
    const patch = (id: string, b: unknown) =>
      h.call('PATCH', `/api/activities/${id}`, { cookie: w.cookies.village_head, body: b });
    expect((await patch(mine.id, { notes: 'Đã phát tờ rơi' })).status).toBe(200);
    expect((await patch(mine.id, { villageIds: [villageA2.id] })).status).toBe(403);
    expect((await patch(shared.id, { notes: 'x' })).status).toBe(403);
    const listed = await h.call('GET', `/api/activities/${shared.id}`, { cookie: w.cookies.village_head });
    expect(listed.body.canEdit).toBe(false);
  });

  it('deletes with an audit row; another commune gets 404', async () => {
    const b = body();
    await log(w.cookies.commune_admin, b);
    expect((await h.call('DELETE', `/api/activities/${b.id}`, { cookie: w.cookies.communeB_admin })).status).toBe(404);
    expect((await h.call('GET', `/api/activities/${b.id}`, { cookie: w.cookies.communeB_admin })).status).toBe(404);
    expect((await h.call('DELETE', `/api/activities/${b.id}`, { cookie: w.cookies.commune_admin })).status).toBe(200);
    expect(await stored(b.id)).toBe(0);
    expect(await auditRows(b.id, 'delete')).toHaveLength(1);
    expect((await h.call('GET', `/api/activities/${b.id}`, { cookie: w.cookies.commune_admin })).status).toBe(404);
  });
});

describe('the list', () => {
  it('filters by period, type, village and school, newest first', async () => {
    const village = await factories.village(h.db, w.communeA.id);
    const mk = (date: string, type: string, villageIds = [village.id]) =>
      log(w.cookies.commune_admin, body({ date, type, villageIds }));
    await mk('2026-03-31', 'poster');
    await mk('2026-04-01', 'meeting');
    await mk('2026-06-30', 'meeting');
    const q = (query: string) =>
      h.call('GET', `/api/activities?communeId=${w.communeA.id}&villageId=${village.id}&${query}`, {
        cookie: w.cookies.commune_admin,
      });
    const all = await q('');
    expect(all.body.items.map((a: { date: string }) => a.date)).toEqual(['2026-06-30', '2026-04-01', '2026-03-31']);
    expect((await q('period=2026-Q2')).body.total).toBe(2);
    expect((await q('period=2026-Q2&type=poster')).body.total).toBe(0);
    expect((await q('period=2026-03')).body.items[0]).toMatchObject({ type: 'poster', photoCount: 0 });
    expect((await q('period=2026-Q5')).status).toBe(422);
    const bySchool = await h.call('GET', `/api/activities?schoolId=${w.schoolA.id}`, {
      cookie: w.cookies.commune_admin,
    });
    expect(
      bySchool.body.items.every((a: { schools: { id: string }[] }) => a.schools.some((s) => s.id === w.schoolA.id)),
    ).toBe(true);
    expect(
      (await h.call('GET', `/api/activities?communeId=${w.communeB.id}`, { cookie: w.cookies.commune_admin })).status,
    ).toBe(404);
  });
});

describe('photos', () => {
  it('resizes to 1600 px, re-encodes as JPEG without metadata, and serves to the commune only', async () => {
    const b = body();
    await log(w.cookies.commune_admin, b);
    const big = await sharp({ create: { width: 3200, height: 2000, channels: 3, background: '#3a7' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Nguyễn Văn A', ImageDescription: 'secret place' } })
      .toBuffer();
    expect((await sharp(big).metadata()).exif).toBeDefined();
    const res = await h.call('POST', `/api/activities/${b.id}/photos`, {
      cookie: w.cookies.commune_admin,
      raw: photoForm(big),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ width: 1600, height: 1000 });
    const got = await h.app.request(`/api/activities/${b.id}/photos/${res.body.id}`, {
      headers: { cookie: w.cookies.organizer, origin: 'http://localhost' },
    });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(got.headers.get('cache-control')).toContain('private');
    const meta = await sharp(Buffer.from(await got.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1600, height: 1000 });
    expect(meta.exif).toBeUndefined();
    const other = await h.call('GET', `/api/activities/${b.id}/photos/${res.body.id}`, {
      cookie: w.cookies.communeB_admin,
    });
    expect(other.status).toBe(404);
    const anonymous = await h.call('GET', `/api/activities/${b.id}/photos/${res.body.id}`);
    expect(anonymous.status).toBe(401);
    const detail = await h.call('GET', `/api/activities/${b.id}`, { cookie: w.cookies.commune_admin });
    expect(detail.body.photos).toEqual([res.body]);
  });

  it('keeps at most four photos and refuses what is not an image', async () => {
    const b = body();
    await log(w.cookies.commune_admin, b);
    const small = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const add = (bytes: Buffer, name?: string, type?: string) =>
      h.call('POST', `/api/activities/${b.id}/photos`, {
        cookie: w.cookies.commune_admin,
        raw: photoForm(bytes, name, type),
      });
    const notImage = await add(Buffer.from('not an image at all'), 'x.jpg');
    expect(notImage.status).toBe(422);
    expect(notImage.body.code).toBe('activity_photo_unreadable');
    for (let i = 0; i < 4; i++) expect((await add(small, 'p.png', 'image/png')).status).toBe(201);
    const fifth = await add(small, 'p.png', 'image/png');
    expect(fifth.status).toBe(409);
    expect(fifth.body.message).toContain('4');
    const rows = await h.db.select().from(schema.activityPhotos).where(eq(schema.activityPhotos.activityId, b.id));
    expect(rows).toHaveLength(4);
  });

  it('refuses an upload over the size cap with 413', async () => {
    const b = body();
    await log(w.cookies.commune_admin, b);
    const res = await h.call('POST', `/api/activities/${b.id}/photos`, {
      cookie: w.cookies.commune_admin,
      raw: photoForm(Buffer.alloc(13 * 1024 * 1024, 1)),
    });
    expect(res.status).toBe(413);
  });

  it('deletes a photo with an audit row; a village head cannot add to an activity outside their village', async () => {
    const b = body({ villageIds: [villageA2.id] });
    await log(w.cookies.commune_admin, b);
    const small = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer();
    const added = await h.call('POST', `/api/activities/${b.id}/photos`, {
      cookie: w.cookies.commune_admin,
      raw: photoForm(small),
    });
    expect(
      (
        await h.call('POST', `/api/activities/${b.id}/photos`, {
          cookie: w.cookies.village_head,
          raw: photoForm(small),
        })
      ).status,
    ).toBe(403);
    const del = await h.call('DELETE', `/api/activities/${b.id}/photos/${added.body.id}`, {
      cookie: w.cookies.commune_admin,
    });
    expect(del.status).toBe(200);
    expect(await auditRows(b.id, 'photo_delete')).toHaveLength(1);
  });
});
