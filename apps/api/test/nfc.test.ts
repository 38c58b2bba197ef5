import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@vungxanh/db';
import { createHarness, world, type Transport } from './harness.ts';
import { entryBody, householdCampaign, submit } from './commitments-helpers.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
let h: H;
let w: Awaited<ReturnType<typeof world>>;

// Typed with combining marks, as some keyboards and text copied from PDFs give it.
const nfdName = 'Đặng Thị Hường'.normalize('NFD');
const nfdVillage = 'Thôn Hạ Lũng'.normalize('NFD');

// In process and over HTTP to the Node server, where JSON bodies are read from Node's stream by our own middleware.
describe.each(['app.request', 'node'] satisfies Transport[])('text enters in NFC by every path (%s)', (transport) => {
  beforeAll(async () => {
    h = await createHarness({}, { transport });
    w = await world(h);
  });
  afterAll(() => h.cleanup());

  it('stores a name signed on a kiosk in NFC', async () => {
    expect(nfdName).not.toBe('Đặng Thị Hường');
    const campaign = await householdCampaign(h, w);
    const res = await submit(
      h,
      entryBody(campaign.id, w.villageA.id, { signerName: nfdName, address: 'Số 5, ngõ Đường'.normalize('NFD') }),
    );
    expect(res.status).toBe(201);
    const [row] = await h.db
      .select()
      .from(schema.commitmentEntries)
      .where(eq(schema.commitmentEntries.id, res.body.id));
    expect(row!.signerName).toBe('Đặng Thị Hường');
    expect(row!.address).toBe('Số 5, ngõ Đường');
  });

  it('stores a name from a console form in NFC, escaped or not', async () => {
    const typed = await h.call('POST', '/api/units/villages', {
      cookie: w.cookies.commune_admin,
      body: { communeId: w.communeA.id, kind: 'thon', name: nfdVillage, population: 900, households: 250 },
    });
    expect(typed.status).toBe(201);
    expect(typed.body.name).toBe('Thôn Hạ Lũng');
    // A script that escapes every non-ASCII letter (\u0301…) is normalised too.
    const escaped = JSON.stringify({ communeId: w.communeA.id, kind: 'thon', name: 'Tổ Mới'.normalize('NFD') }).replace(
      /[\u0080-\uffff]/g,
      (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    const script = await h.call('POST', '/api/units/villages', {
      cookie: w.cookies.commune_admin,
      raw: escaped,
      headers: { 'content-type': 'application/json' },
    });
    expect(script.status).toBe(201);
    const stored = await h.db.select().from(schema.villages).where(eq(schema.villages.id, script.body.id));
    expect(stored[0]!.name).toBe('Tổ Mới');
  });

  it('still answers malformed JSON with non-ASCII letters as invalid_json', async () => {
    const res = await h.call('POST', '/api/units/villages', {
      cookie: w.cookies.commune_admin,
      raw: `{"name": "${nfdVillage}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_json');
  });
});
