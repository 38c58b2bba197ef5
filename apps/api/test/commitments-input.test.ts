import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@vungxanh/db';
import { factories } from '@vungxanh/db/testing';
import { createHarness, world } from './harness.ts';
import { entryBody, entryCount, householdCampaign, submit, thisYear, tinyPng } from './commitments-helpers.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
let h: H;
let w: Awaited<ReturnType<typeof world>>;
let campaign: { id: string };
let closed: { id: string };
beforeAll(async () => {
  h = await createHarness({ PUBLIC_WRITE_RATE_LIMIT: '1000' });
  w = await world(h);
  campaign = await householdCampaign(h, w);
  const last = thisYear() - 1;
  closed = await householdCampaign(h, w, { year: last, opensOn: `${last}-01-01`, closesOn: `${last}-12-31` });
});
afterAll(() => h.cleanup());

const bigPng = `${tinyPng.slice(0, 40)}${'A'.repeat(60_000)}`;

describe('bad signing input gets a 4xx and stores nothing', () => {
  const cases: [string, (w: Awaited<ReturnType<typeof world>>) => unknown, number][] = [
    ['no consent', () => entryBody(campaign.id, w.villageA.id, { consent: false }), 422],
    ['consent missing', () => ({ ...entryBody(campaign.id, w.villageA.id), consent: undefined }), 422],
    ['an id that is not a UUID', () => entryBody(campaign.id, w.villageA.id, { id: 'abc' }), 422],
    ['an unknown field', () => entryBody(campaign.id, w.villageA.id, { drugUse: 'no' }), 422],
    ['an empty name', () => entryBody(campaign.id, w.villageA.id, { signerName: '   ' }), 422],
    ['a name with a control character', () => entryBody(campaign.id, w.villageA.id, { signerName: 'An\u0000' }), 422],
    ['a name too long', () => entryBody(campaign.id, w.villageA.id, { signerName: 'A'.repeat(121) }), 422],
    ['a bad phone', () => entryBody(campaign.id, w.villageA.id, { phone: '12345' }), 422],
    ['members zero', () => entryBody(campaign.id, w.villageA.id, { members: 0 }), 422],
    ['members as text', () => entryBody(campaign.id, w.villageA.id, { members: 'bốn' }), 422],
    ['household without members', () => entryBody(campaign.id, w.villageA.id, { members: undefined }), 422],
    ['household without address', () => entryBody(campaign.id, w.villageA.id, { address: '' }), 422],
    [
      'an SVG signature',
      () =>
        entryBody(campaign.id, w.villageA.id, {
          signature: { kind: 'drawn', dataUrl: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=' },
        }),
      422,
    ],
    [
      'a GIF labelled PNG',
      () =>
        entryBody(campaign.id, w.villageA.id, {
          signature: {
            kind: 'drawn',
            dataUrl: 'data:image/png;base64,R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=',
          },
        }),
      422,
    ],
    [
      'a signature over the cap',
      () => entryBody(campaign.id, w.villageA.id, { signature: { kind: 'drawn', dataUrl: bigPng } }),
      422,
    ],
    [
      'a typed signature of another name',
      () => entryBody(campaign.id, w.villageA.id, { signature: { kind: 'typed', name: 'Người Khác' } }),
      422,
    ],
    ['no signature', () => entryBody(campaign.id, w.villageA.id, { signature: undefined }), 422],
    ['an unknown campaign', () => entryBody('no-such-campaign', w.villageA.id), 422],
    ['a closed campaign', () => entryBody(closed.id, w.villageA.id), 422],
    ['a village of another commune', () => entryBody(campaign.id, w.villageB.id), 422],
    ['a school on a household campaign', (w) => entryBody(campaign.id, w.villageA.id, { schoolId: w.schoolA.id }), 422],
    [
      'a date in the future',
      () => entryBody(campaign.id, w.villageA.id, { signedAt: new Date(Date.now() + 86_400_000).toISOString() }),
      422,
    ],
    ['a body that is not an object', () => [1, 2, 3], 422],
  ];
  it.each(cases)('%s', async (_name, body, status) => {
    const before = await entryCount(h);
    const res = await submit(h, body(w));
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(await entryCount(h)).toBe(before);
  });

  it('refuses malformed JSON and an oversized body', async () => {
    const before = await entryCount(h);
    const bad = await h.call('POST', '/api/public/commitments/entries', {
      raw: '{"id": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    const huge = await submit(h, entryBody(campaign.id, w.villageA.id, { address: 'x'.repeat(70_000) }));
    expect(huge.status).toBe(413);
    expect(await entryCount(h)).toBe(before);
  });

  it('limits how fast one address may sign', async () => {
    const limited = await createHarness({ PUBLIC_WRITE_RATE_LIMIT: '2' });
    try {
      const lw = await world(limited);
      const c = await householdCampaign(limited, lw);
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await submit(limited, entryBody(c.id, lw.villageA.id))).status);
      expect(statuses).toEqual([201, 201, 429]);
    } finally {
      limited.cleanup();
    }
  });
});

describe('bad admin input gets a 4xx and changes nothing', () => {
  it('refuses campaigns with closing before opening, unknown laws or another commune', async () => {
    const base = {
      communeId: w.communeA.id,
      kind: 'household',
      year: thisYear(),
      title: 'Đợt thử',
      text: 'Nội dung cam kết đủ dài để lưu được.',
      legalBasis: ['luat-120-2025'],
      opensOn: `${thisYear()}-06-01`,
      closesOn: `${thisYear()}-12-31`,
    };
    const post = (body: unknown, cookie = w.cookies.commune_admin) =>
      h.call('POST', '/api/commitments/campaigns', { cookie, body });
    const before = (await h.db.select().from(schema.commitmentCampaigns)).length;
    expect((await post({ ...base, closesOn: `${thisYear()}-01-01` })).status).toBe(422);
    expect((await post({ ...base, legalBasis: ['luat-khong-co'] })).status).toBe(422);
    expect((await post({ ...base, kind: 'family' })).status).toBe(422);
    expect((await post({ ...base, opensOn: `${thisYear()}-02-31` })).status).toBe(422);
    expect((await post({ ...base, communeId: w.communeB.id })).status).toBe(404);
    expect((await post(base, w.cookies.village_head)).status).toBe(403);
    const patch = await h.call('PATCH', `/api/commitments/campaigns/${campaign.id}`, {
      cookie: w.cookies.commune_admin,
      body: { closesOn: '2000-01-01' },
    });
    expect(patch.status).toBe(422);
    expect((await h.db.select().from(schema.commitmentCampaigns)).length).toBe(before);
  });

  it('refuses bad review decisions', async () => {
    const entry = await submit(h, entryBody(campaign.id, w.villageA.id));
    const review = (body: unknown) =>
      h.call('POST', `/api/commitments/entries/${entry.body.id}/review`, { cookie: w.cookies.commune_admin, body });
    expect((await review({ decision: 'approve' })).status).toBe(422);
    expect((await review({ decision: 'reject', reason: '' })).status).toBe(422);
    expect((await review({ decision: 'duplicate', duplicateOfId: entry.body.id })).status).toBe(422);
    expect((await review({ decision: 'duplicate', duplicateOfId: 'nope' })).status).toBe(422);
    expect((await review({ decision: 'verify', extra: 1 })).status).toBe(422);
    const [row] = await h.db
      .select()
      .from(schema.commitmentEntries)
      .where(eq(schema.commitmentEntries.id, entry.body.id));
    expect(row!.status).toBe('submitted');
  });

  it('refuses a retention outside 12-120 months', async () => {
    const res = await h.call('PATCH', '/api/commitments/privacy', {
      cookie: w.cookies.commune_admin,
      body: { retentionMonths: 3 },
    });
    expect(res.status).toBe(422);
    const now = await h.call('GET', '/api/commitments/privacy', { cookie: w.cookies.commune_admin });
    expect(now.body.retentionMonths).toBe(36);
  });
});

describe('paper import', () => {
  const file = (rows: string[]) => {
    const form = new FormData();
    form.set('file', new File([['Họ tên,Thôn,Số nhà,Số nhân khẩu,Điện thoại,Ngày ký', ...rows].join('\n')], 'p.csv'));
    return form;
  };
  const upload = (form: FormData, mode: string) => {
    form.set('mode', mode);
    form.set('campaignId', campaign.id);
    return h.call('POST', '/api/commitments/import', {
      cookie: w.cookies.commune_admin,
      raw: form,
    });
  };
  const day = `${thisYear()}-03-02`;

  it('leaves the database unchanged under “all or nothing” when a row is bad', async () => {
    const village = await factories.village(h.db, w.communeA.id);
    const rows = [
      `Hoàng Văn Tâm,${village.name},5,3,,${day}`,
      `,${village.name},7,x,,${day}`,
      `Vũ Thị Lan,Thôn không có,9,2,0912345678,${day}`,
    ];
    const before = await entryCount(h);
    const check = await upload(file(rows), 'check');
    expect(check.body).toMatchObject({ valid: 1, invalid: 2, imported: false });
    expect(check.body.rows[1].errors.map((e: { path: string }) => e.path)).toEqual(['signerName', 'members']);
    const refused = await upload(file(rows), 'all_or_nothing');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('import_has_errors');
    expect(await entryCount(h)).toBe(before);

    const partial = await upload(file(rows), 'valid_only');
    expect(partial.body).toMatchObject({ imported: true, created: 1 });
    expect(await entryCount(h)).toBe(before + 1);
    const [row] = await h.db
      .select()
      .from(schema.commitmentEntries)
      .where(eq(schema.commitmentEntries.villageId, village.id));
    expect(row).toMatchObject({ channel: 'paper', signatureKind: 'paper', signerName: 'Hoàng Văn Tâm', members: 3 });
  });

  it('refuses a file that is not a table, and a village head', async () => {
    const form = new FormData();
    form.set('file', new File([new Uint8Array([0x50, 0x4b, 1, 2, 3])], 'x.xlsx'));
    expect((await upload(form, 'check')).status).toBe(422);
    const f = file([`Tên,Thôn,1,1,,${day}`]);
    f.set('mode', 'valid_only');
    f.set('campaignId', campaign.id);
    const head = await h.call('POST', '/api/commitments/import', {
      cookie: w.cookies.village_head,
      raw: f,
    });
    expect(head.status).toBe(403);
  });
});
