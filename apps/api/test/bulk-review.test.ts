import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sum } from 'drizzle-orm';
import { schema } from '@vungxanh/db';
import { factories } from '@vungxanh/db/testing';
import { createHarness, world } from './harness.ts';
import { entryBody, householdCampaign, submit } from './commitments-helpers.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
let h: H;
let w: Awaited<ReturnType<typeof world>>;
let campaign: { id: string };
let otherVillage: { id: string };
beforeAll(async () => {
  h = await createHarness();
  w = await world(h);
  campaign = await householdCampaign(h, w);
  otherVillage = await factories.village(h.db, w.communeA.id);
});
afterAll(() => h.cleanup());

const path = '/api/commitments/entries/bulk-review';

/** Signs `n` household entries in a village of commune A; returns their ids. */
async function sign(n: number, villageId = w.villageA.id) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await submit(h, entryBody(campaign.id, villageId, { signerName: `Người ký ${ids.length + 1}` }));
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
  return ids;
}

async function statuses(ids: readonly string[]) {
  const rows = await h.db
    .select({ id: schema.commitmentEntries.id, status: schema.commitmentEntries.status })
    .from(schema.commitmentEntries)
    .where(inArray(schema.commitmentEntries.id, [...ids]));
  return Object.fromEntries(rows.map((r) => [r.id, r.status]));
}

async function bulkAudits() {
  return (
    await h.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entity, 'commitment_entry'), eq(schema.auditLog.communeId, w.communeA.id)))
  ).filter((r) => r.entityId === null);
}

/** Verified entries of a village as the coverage rollup counts them. */
async function verifiedInRollup(villageId: string) {
  const [row] = await h.db
    .select({ n: sum(schema.commitmentDays.n) })
    .from(schema.commitmentDays)
    .where(and(eq(schema.commitmentDays.unitKey, `v:${villageId}`), eq(schema.commitmentDays.status, 'verified')));
  return Number(row?.n ?? 0);
}

describe('bulk review of commitment entries', () => {
  it('verifies the ticked pending entries, leaves reviewed ones alone, and audits once with the count', async () => {
    const ids = await sign(4);
    await h.call('POST', `/api/commitments/entries/${ids[3]}/review`, {
      cookie: w.cookies.commune_admin,
      body: { decision: 'reject', reason: 'Không rõ chữ ký' },
    });
    const auditsBefore = (await bulkAudits()).length;
    const rolledBefore = await verifiedInRollup(w.villageA.id);
    const res = await h.call('POST', path, {
      cookie: w.cookies.commune_admin,
      body: { communeId: w.communeA.id, decision: 'verify', ids: [...ids, ids[0]] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ decision: 'verify', changed: 3, unchanged: 1 });
    expect(await statuses(ids)).toEqual({
      [ids[0]!]: 'verified',
      [ids[1]!]: 'verified',
      [ids[2]!]: 'verified',
      [ids[3]!]: 'rejected',
    });
    const audits = await bulkAudits();
    expect(audits.length).toBe(auditsBefore + 1);
    expect(audits.at(-1)).toMatchObject({ action: 'verify', accountId: w.accounts.commune_admin.id });
    expect(JSON.parse(audits.at(-1)!.summary!)).toMatchObject({ entries: 3 });
    // The coverage rollup moves with the rows, in the same transaction (its triggers).
    expect(await verifiedInRollup(w.villageA.id)).toBe(rolledBefore + 3);
    const [row] = await h.db.select().from(schema.commitmentEntries).where(eq(schema.commitmentEntries.id, ids[0]!));
    expect(row!.reviewerId).toBe(w.accounts.commune_admin.id);
  });

  it('rejects every pending entry matching the filter, with the reason, only in the caller’s commune', async () => {
    const here = await sign(3, otherVillage.id);
    const elsewhereCampaign = await h.call('POST', '/api/commitments/campaigns', {
      cookie: w.cookies.communeB_admin,
      body: {
        communeId: w.communeB.id,
        kind: 'household',
        year: new Date().getUTCFullYear(),
        title: 'Cam kết xã B',
        text: 'Hộ gia đình chúng tôi cam kết không vi phạm pháp luật về ma túy (Luật 120/2025/QH15).',
        legalBasis: ['luat-120-2025'],
        opensOn: `${new Date().getUTCFullYear()}-01-01`,
        closesOn: `${new Date().getUTCFullYear()}-12-31`,
      },
    });
    const there = await submit(h, entryBody(elsewhereCampaign.body.id, w.villageB.id));
    expect(there.status).toBe(201);
    const pending = await h.call(
      'GET',
      `/api/commitments/entries?communeId=${w.communeA.id}&villageId=${otherVillage.id}&status=submitted`,
      { cookie: w.cookies.commune_admin },
    );
    expect(pending.body.total).toBe(3);
    const res = await h.call('POST', path, {
      cookie: w.cookies.commune_admin,
      body: {
        communeId: w.communeA.id,
        decision: 'reject',
        reason: 'Phiếu giấy thiếu chữ ký',
        filter: { campaignId: campaign.id, villageId: otherVillage.id },
        expected: 3,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ decision: 'reject', changed: 3 });
    const rows = await h.db.select().from(schema.commitmentEntries).where(inArray(schema.commitmentEntries.id, here));
    expect(rows.every((r) => r.status === 'rejected' && r.reason === 'Phiếu giấy thiếu chữ ký')).toBe(true);
    expect(Object.values(await statuses([there.body.id]))).toEqual(['submitted']);
    // Another commune's filter is not the caller's to use.
    const foreign = await h.call('POST', path, {
      cookie: w.cookies.commune_admin,
      body: { communeId: w.communeB.id, decision: 'verify', filter: {} },
    });
    expect(foreign.status).toBe(404);
    expect(Object.values(await statuses([there.body.id]))).toEqual(['submitted']);
  });

  it('changes nothing when the filter no longer matches what the reviewer confirmed', async () => {
    const ids = await sign(2, otherVillage.id);
    const auditsBefore = (await bulkAudits()).length;
    const res = await h.call('POST', path, {
      cookie: w.cookies.commune_admin,
      body: { communeId: w.communeA.id, decision: 'verify', filter: { villageId: otherVillage.id }, expected: 1 },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'bulk_review_changed', requestId: expect.any(String) });
    expect(res.body.message).toContain('2');
    expect(Object.values(await statuses(ids))).toEqual(['submitted', 'submitted']);
    expect((await bulkAudits()).length).toBe(auditsBefore);
  });

  it('holds a village head to the household entries of their village', async () => {
    const mine = await sign(1);
    const notMine = await sign(1, otherVillage.id);
    const res = await h.call('POST', path, {
      cookie: w.cookies.village_head,
      body: { communeId: w.communeA.id, decision: 'verify', ids: [...mine, ...notMine] },
    });
    expect(res.body).toEqual({ decision: 'verify', changed: 1, unchanged: 1 });
    expect(await statuses([...mine, ...notMine])).toEqual({ [mine[0]!]: 'verified', [notMine[0]!]: 'submitted' });
    const other = await h.call('POST', path, {
      cookie: w.cookies.village_head,
      body: { communeId: w.communeA.id, decision: 'verify', filter: { villageId: otherVillage.id } },
    });
    expect(other.status).toBe(404);
    expect(await statuses(notMine)).toEqual({ [notMine[0]!]: 'submitted' });
  });

  it('refuses a confirmed count over the limit of one bulk review', async () => {
    const res = await h.call('POST', path, {
      cookie: w.cookies.commune_admin,
      body: { communeId: w.communeA.id, decision: 'verify', filter: {}, expected: 99_999 },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('validation_failed');
  });
});
