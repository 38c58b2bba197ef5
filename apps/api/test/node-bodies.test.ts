import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@vungxanh/db';
import { createHarness, world } from './harness.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
let h: H;
let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  h = await createHarness({}, { transport: 'node' });
  w = await world(h);
});
afterAll(() => h.cleanup());

const organizations = async () => (await h.db.select().from(schema.organizations)).length;

/** A body sent in chunks with no Content-Length (Transfer-Encoding: chunked), as a streaming client sends it. */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, (at += 16 * 1024)));
    },
  });
}

/** Creates an organization of commune A with a chunked JSON body. */
const createChunked = (name: string) =>
  h.call('POST', '/api/units/organizations', {
    cookie: w.cookies.system,
    raw: chunked(JSON.stringify({ communeId: w.communeA.id, kind: 'business', name })),
    headers: { 'content-type': 'application/json' },
  });

describe('request bodies on the Node server', () => {
  it('refuses a chunked JSON body past the limit with 413 while it streams, and writes nothing', async () => {
    const before = await organizations();
    const res = await createChunked('x'.repeat(200_000));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
    expect(await organizations()).toBe(before);
  });

  it('takes a chunked JSON body within the limit', async () => {
    const res = await createChunked('Công ty Chia Khúc');
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('Công ty Chia Khúc');
  });

  it('answers a write with no body (sign-out) without waiting for one', async () => {
    const cookie = await h.signIn(w.accounts.commune_admin.username);
    const res = await h.call('POST', '/api/auth/logout', { cookie });
    expect(res.status).toBeLessThan(300);
    expect((await h.call('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('still reads a file upload (multipart) through Hono', async () => {
    const form = new FormData();
    form.set('communeId', w.communeA.id);
    form.set('file', new File(['Tên thôn,Loại\nThôn Qua Mạng,thon\n'], 'thon.csv', { type: 'text/csv' }));
    const res = await h.call('POST', '/api/units/villages/import?dryRun=true', {
      cookie: w.cookies.commune_admin,
      raw: form,
    });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  });
});
