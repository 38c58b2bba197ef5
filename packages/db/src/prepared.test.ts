import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './client.ts';
import { getEntry, insertEntry } from './queries/commitments.ts';
import * as schema from './schema/index.ts';
import { createTestDb, factories } from './testing.ts';

let db: Db;
let cleanup: () => void;
beforeAll(async () => ({ db, cleanup } = await createTestDb()));
afterAll(() => cleanup());

async function campaignOf(communeId: string) {
  const [campaign] = await db
    .insert(schema.commitmentCampaigns)
    .values({
      communeId,
      kind: 'household',
      year: 2026,
      title: 'h',
      text: 'h',
      legalBasis: [],
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
    })
    .returning();
  return campaign!;
}

describe('rowInsert (insertEntry)', () => {
  it('returns the row a select reads back: defaults filled, dates, nulls', async () => {
    const commune = await factories.commune(db);
    const village = await factories.village(db, commune.id);
    const campaign = await campaignOf(commune.id);
    const stored = await insertEntry(db, {
      id: crypto.randomUUID(),
      communeId: commune.id,
      campaignId: campaign.id,
      kind: 'household',
      campaignVersion: 1,
      villageId: village.id,
      signerName: 'Nguyễn Văn A',
      members: 4,
      signatureKind: 'typed',
      signature: 'Nguyễn Văn A',
      consentAt: new Date('2026-03-01T00:00:00Z'),
      signedAt: new Date('2026-03-01T00:00:00Z'),
      channel: 'online',
      code: 'ROW-INSERT-1',
      payloadHash: 'h',
    });
    expect(stored).toMatchObject({ status: 'submitted', address: '', schoolId: null, reviewedAt: null });
    expect(stored.createdAt).toBeInstanceOf(Date);
    expect(await getEntry(db, stored.id)).toEqual(stored);
  });

  it('lets a raced id fail alone while the writes that shared its commit land', async () => {
    const commune = await factories.commune(db);
    const campaign = await campaignOf(commune.id);
    const base = {
      communeId: commune.id,
      campaignId: campaign.id,
      kind: 'household' as const,
      campaignVersion: 1,
      signerName: 'B',
      signatureKind: 'typed' as const,
      signature: 'B',
      consentAt: new Date(),
      signedAt: new Date(),
      channel: 'online' as const,
      payloadHash: 'h',
    };
    const taken = crypto.randomUUID();
    await insertEntry(db, { ...base, id: taken, code: 'ROW-INSERT-2' });
    const [dup, fresh] = await Promise.allSettled([
      insertEntry(db, { ...base, id: taken, code: 'ROW-INSERT-3' }),
      insertEntry(db, { ...base, id: crypto.randomUUID(), code: 'ROW-INSERT-4' }),
    ]);
    expect(dup.status).toBe('rejected');
    expect(fresh.status).toBe('fulfilled');
    expect(await getEntry(db, (fresh as PromiseFulfilledResult<{ id: string }>).value.id)).not.toBeNull();
  });
});
