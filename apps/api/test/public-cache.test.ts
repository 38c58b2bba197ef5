import { afterEach, describe, expect, it } from 'vitest';
import { factories } from '@vungxanh/db/testing';
import { createHarness, world } from './harness.ts';

let h: Awaited<ReturnType<typeof createHarness>>;
afterEach(() => h.cleanup());

const villages = (communeId: string, headers: Record<string, string> = {}) =>
  h.call('GET', `/api/public/villages?communeId=${communeId}`, { headers });
const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((v) => v.name).sort();

describe('hot public reads served from memory', () => {
  it('serves a repeated read from memory, with an ETag a second client can revalidate', async () => {
    h = await createHarness();
    const w = await world(h);
    const first = await villages(w.communeA.id);
    expect(first.headers.get('x-cache')).toBeNull();
    expect(first.headers.get('cache-control')).toBe('public, max-age=5');
    const second = await villages(w.communeA.id);
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(second.body).toEqual(first.body);
    const etag = second.headers.get('etag')!;
    const revalidated = await h.app.request(`/api/public/villages?communeId=${w.communeA.id}`, {
      headers: { 'if-none-match': etag },
    });
    expect(revalidated.status).toBe(304);
    // Another commune is another entry, not the first one's answer.
    expect(names(await villages(w.communeB.id))).toEqual([w.villageB.name]);
  });

  it('forgets a list as soon as an officer changes what it shows', async () => {
    h = await createHarness();
    const w = await world(h);
    expect(names(await villages(w.communeA.id))).toEqual([w.villageA.name]);
    const created = await h.call('POST', '/api/units/villages', {
      cookie: w.cookies.commune_admin,
      body: { communeId: w.communeA.id, kind: 'thon', name: 'Thôn Mới Lập' },
    });
    expect(created.status).toBe(201);
    const after = await villages(w.communeA.id);
    expect(after.headers.get('x-cache')).toBeNull();
    expect(names(after)).toEqual([w.villageA.name, 'Thôn Mới Lập'].sort());
  });

  it('keeps an entry no longer than the configured time, and never when turned off', async () => {
    h = await createHarness({ PUBLIC_CACHE_SECONDS: '1' });
    const w = await world(h);
    await villages(w.communeA.id);
    // A change that no API write announces (another process, the clock) shows after the time.
    const added = await factories.village(h.db, w.communeA.id);
    expect(names(await villages(w.communeA.id))).toEqual([w.villageA.name]);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(names(await villages(w.communeA.id))).toEqual([w.villageA.name, added.name].sort());
    h.cleanup();

    h = await createHarness({ PUBLIC_CACHE_SECONDS: '0' });
    const w2 = await world(h);
    await villages(w2.communeA.id);
    expect((await villages(w2.communeA.id)).headers.get('x-cache')).toBeNull();
  });

  it('never shares an answer personalised by a participant token', async () => {
    h = await createHarness();
    await h.call('GET', '/api/public/contests');
    expect((await h.call('GET', '/api/public/contests')).headers.get('x-cache')).toBe('hit');
    const withToken = await h.call('GET', '/api/public/contests', { headers: { 'x-participant-token': 'abc' } });
    expect(withToken.headers.get('x-cache')).toBeNull();
  });

  it('answers an unchanged content pack 304 from memory, and builds it again after a content edit', async () => {
    h = await createHarness();
    const w = await world(h);
    const path = `/api/content/pack?communeId=${w.communeA.id}`;
    const first = await h.app.request(path);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"/);
    // The kiosk sends back the weak form that compression gives it.
    const again = await h.app.request(path, { headers: { 'if-none-match': `W/${etag}` } });
    expect(again.status).toBe(304);
    expect(again.headers.get('x-cache')).toBe('hit');
    // Once the entry has expired, a revalidation fills it again instead of building the pack each time.
    h.deps.publicCache.clear();
    const refill = await h.app.request(path, { headers: { 'if-none-match': etag } });
    expect(refill.status).toBe(304);
    expect(refill.headers.get('x-cache')).toBeNull();
    expect((await h.app.request(path, { headers: { 'if-none-match': etag } })).headers.get('x-cache')).toBe('hit');
    const hotline = await h.call('POST', '/api/content/hotlines', {
      cookie: w.cookies.commune_admin,
      body: { communeId: w.communeA.id, labelVi: 'Công an xã', labelEn: 'Commune police', number: '0225 123 456' },
    });
    expect(hotline.status).toBe(201);
    const changed = await h.app.request(path, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(JSON.stringify(await changed.json())).toContain('0225 123 456');
  });
});
