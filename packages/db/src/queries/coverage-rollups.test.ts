import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { schema } from '../index.ts';
import { createTestDb, factories } from '../testing.ts';
import { deleteActivity, getActivity, insertActivity, updateActivity } from './activities.ts';
import { insertEntry, insertPaperEntries, purgeEntries, reviewEntry, type EntryInsert } from './commitments.ts';
import { commitmentTallies, coverageSums, rebuildRollups, rollupDifferences } from './coverage-rollups.ts';
import { getKiosk, insertKiosk, storeEvents, type EventRow } from './kiosks.ts';

let db: Db;
let cleanup: () => void;
beforeEach(async () => ({ db, cleanup } = await createTestDb()));
afterEach(() => cleanup());

const audit = { entity: 'test', entityId: 'x', action: 'create' };
let n = 0;
const event = (over: Partial<EventRow>): EventRow => ({
  id: crypto.randomUUID(),
  type: 'lesson_opened',
  occurredAt: new Date('2026-03-31T16:59:59.999Z'),
  kioskId: null,
  communeId: null,
  villageId: null,
  schoolId: null,
  selfDeclared: false,
  payload: {},
  ...over,
});
const entry = (over: Partial<EntryInsert> & Pick<EntryInsert, 'communeId' | 'campaignId'>): EntryInsert => ({
  id: crypto.randomUUID(),
  kind: 'household',
  campaignVersion: 1,
  signerName: 'Nguyễn Văn A',
  address: 'Số 1',
  signatureKind: 'typed',
  signature: 'Nguyễn Văn A',
  consentAt: new Date('2026-03-01T00:00:00Z'),
  signedAt: new Date('2026-03-01T00:00:00Z'),
  channel: 'online',
  code: `CODE-${++n}`,
  payloadHash: 'h',
  ...over,
});

async function place() {
  const commune = await factories.commune(db);
  const village = await factories.village(db, commune.id);
  const school = await factories.school(db, commune.id);
  return { commune, village, school };
}

describe('coverage rollups', () => {
  it('count events by Vietnam day, kiosk and self-declared apart, and bump the kiosk in the same write', async () => {
    const { commune, village } = await place();
    const kiosk = await insertKiosk(db, { communeId: commune.id, name: 'Nhà văn hóa', villageId: village.id });
    const at = { communeId: commune.id, villageId: village.id };
    // 23:59:59.999 on 31/03 in Vietnam, then 00:00 on 01/04.
    const batch = [
      event({ ...at, kioskId: kiosk.id }),
      event({ ...at, kioskId: kiosk.id, occurredAt: new Date('2026-03-31T17:00:00Z'), type: 'quiz_completed' }),
    ];
    expect(await storeEvents(db, batch, new Date(), kiosk.id)).toBe(2);
    expect(await storeEvents(db, batch, new Date(), kiosk.id)).toBe(0); // a replay stores and counts nothing
    await storeEvents(db, [event({ ...at, selfDeclared: true })], new Date(), null);
    expect((await getKiosk(db, kiosk.id))!.eventsCount).toBe(2);
    const sums = await coverageSums(db, [commune.id], '2026-03-01', '2026-05-01', { byMonth: true });
    expect(sums.map(({ month, metric, n: count }) => `${month} ${metric} ${count}`).sort()).toEqual([
      '2026-03 ev:kiosk:lesson_opened 1',
      '2026-03 ev:self:lesson_opened 1',
      '2026-04 ev:kiosk:quiz_completed 1',
    ]);
    // Summed into the classes the indicators read: quizzes apart, every other event type together, per source.
    await storeEvents(db, [event({ ...at, kioskId: kiosk.id, type: 'lesson_completed' })], new Date(), kiosk.id);
    const classes = await coverageSums(db, [commune.id], '2026-03-01', '2026-05-01', { byMonth: false, classes: true });
    expect(classes.map(({ metric, n: count }) => `${metric} ${count}`).sort()).toEqual([
      'ev:kiosk:* 2',
      'ev:kiosk:quiz_completed 1',
      'ev:self:* 1',
    ]);
    expect(await rollupDifferences(db)).toEqual([]);
  });

  it('follow activities through create, edit of units, date and type, and delete', async () => {
    const { commune, village, school } = await place();
    const other = await factories.village(db, commune.id);
    const row = {
      id: 'a1',
      communeId: commune.id,
      date: '2026-04-01',
      type: 'meeting',
      audienceGroup: 'general',
    } as const;
    await insertActivity(db, row, { villageIds: [village.id, other.id], schoolIds: [school.id] }, audit);
    const read = async () =>
      (await coverageSums(db, [commune.id], '2026-01-01', '2027-01-01', { byMonth: false }))
        .map((s) => `${s.last} ${s.unitKey === 'c' ? 'c' : s.unitKey.slice(0, 1)} ${s.metric} ${s.n}`)
        .sort();
    expect(await read()).toEqual([
      '2026-04-01 c act:meeting 1',
      '2026-04-01 s act:meeting 1',
      '2026-04-01 v act:meeting 1',
      '2026-04-01 v act:meeting 1',
    ]);
    const current = (await getActivity(db, 'a1'))!;
    await updateActivity(db, current, { type: 'loudspeaker', date: '2026-04-02', villageIds: [village.id] }, audit);
    expect(await read()).toEqual([
      '2026-04-02 c act:loudspeaker 1',
      '2026-04-02 s act:loudspeaker 1',
      '2026-04-02 v act:loudspeaker 1',
    ]);
    await updateActivity(db, (await getActivity(db, 'a1'))!, { type: 'poster' }, audit);
    expect(await read()).toEqual([
      '2026-04-02 c act:poster 1',
      '2026-04-02 s act:poster 1',
      '2026-04-02 v act:poster 1',
    ]);
    expect(await rollupDifferences(db)).toEqual([]);
    await deleteActivity(db, 'a1', audit);
    expect(await read()).toEqual([]);
    expect(await rollupDifferences(db)).toEqual([]);
  });

  it('follow commitment entries through sign-up, review, paper import and purge', async () => {
    const { commune, village, school } = await place();
    const [campaign] = await db
      .insert(schema.commitmentCampaigns)
      .values({
        communeId: commune.id,
        kind: 'household',
        year: 2026,
        title: 't',
        text: 't',
        legalBasis: [],
        opensOn: '2026-01-01',
        closesOn: '2026-12-31',
      })
      .returning();
    const [schoolCampaign] = await db
      .insert(schema.commitmentCampaigns)
      .values({
        communeId: commune.id,
        kind: 'student',
        year: 2026,
        title: 's',
        text: 's',
        legalBasis: [],
        opensOn: '2026-01-01',
        closesOn: '2026-12-31',
      })
      .returning();
    const a = await insertEntry(db, entry({ communeId: commune.id, campaignId: campaign!.id, villageId: village.id }));
    await insertPaperEntries(
      db,
      [
        entry({
          communeId: commune.id,
          campaignId: campaign!.id,
          villageId: village.id,
          channel: 'paper',
          status: 'verified',
        }),
        entry({
          communeId: commune.id,
          campaignId: schoolCampaign!.id,
          kind: 'student',
          schoolId: school.id,
          status: 'verified',
        }),
      ],
      audit,
    );
    await reviewEntry(
      db,
      a.id,
      { status: 'duplicate', reason: 'x', duplicateOfId: null, reviewerId: null, reviewedAt: new Date() },
      audit,
    );
    await purgeEntries(db, commune.id, new Date(Date.now() + 60_000), audit);
    const tallies = (await commitmentTallies(db, [commune.id], 2026)).get(commune.id)!;
    expect(tallies).toEqual({
      householdsByVillage: { [village.id]: 1 },
      signedByVillage: { [village.id]: 1 },
      organizationIds: [],
      schoolIds: [school.id],
    });
    expect(await rollupDifferences(db)).toEqual([]);
  });

  it('the consistency check names a drift, and the rebuild repairs it', async () => {
    const { commune, village } = await place();
    await storeEvents(db, [event({ communeId: commune.id, villageId: village.id })], new Date(), null);
    await db.update(schema.coverageDays).set({ n: 5 }).where(eq(schema.coverageDays.communeId, commune.id));
    const diff = await rollupDifferences(db);
    // The month rows follow the day rows, drift included.
    expect(diff.map((d) => [d.table, d.side, d.row.n])).toEqual([
      ['coverage_days', 'missing', 1],
      ['coverage_days', 'extra', 5],
      ['coverage_months', 'missing', 1],
      ['coverage_months', 'extra', 5],
    ]);
    await rebuildRollups(db);
    expect(await rollupDifferences(db)).toEqual([]);
    // A drift of the unit rows of commitments alone is named, and repaired.
    await db.$client.execute({
      sql: 'INSERT INTO commitment_units VALUES (?, ?, ?, ?, ?, ?)',
      args: [commune.id, 'c1', 'v:x', 'household', 'verified', 3],
    });
    expect((await rollupDifferences(db)).map((d) => [d.table, d.side, d.row.n])).toEqual([
      ['commitment_units', 'extra', 3],
    ]);
    await rebuildRollups(db);
    expect(await rollupDifferences(db)).toEqual([]);
    // A drift of the month rows alone is named too, and repaired.
    await db.update(schema.coverageMonths).set({ n: 7 }).where(eq(schema.coverageMonths.communeId, commune.id));
    expect((await rollupDifferences(db)).map((d) => [d.table, d.side, d.row.n])).toEqual([
      ['coverage_months', 'missing', 1],
      ['coverage_months', 'extra', 7],
    ]);
    await rebuildRollups(db);
    expect(await rollupDifferences(db)).toEqual([]);
  });

  it('sums whole months from the month rows, the same as from the days, after deletions too', async () => {
    const { commune, village } = await place();
    const at = (iso: string) => new Date(iso);
    // Vietnam days: 31/01 16:59 UTC is 31/01 23:59 in Vietnam; 31/01 17:00 UTC is already 01/02.
    const events = [
      event({ communeId: commune.id, villageId: village.id, occurredAt: at('2026-01-10T03:00:00Z') }),
      event({ communeId: commune.id, villageId: village.id, occurredAt: at('2026-01-31T16:59:00Z') }),
      event({ communeId: commune.id, villageId: village.id, occurredAt: at('2026-01-31T17:00:00Z') }),
      event({ communeId: commune.id, villageId: village.id, occurredAt: at('2026-02-20T05:00:00Z') }),
    ];
    await storeEvents(db, events, new Date(), null);
    const sums = async (from: string, to: string) =>
      (await coverageSums(db, [commune.id], from, to, { byMonth: true })).map((r) => [r.month, r.n, r.last]);
    // Whole months (month rows) and a range that is not (day rows) agree on the same months.
    expect(await sums('2026-01-01', '2026-03-01')).toEqual([
      ['2026-01', 2, '2026-01-31'],
      ['2026-02', 2, '2026-02-20'],
    ]);
    expect(await sums('2026-01-01', '2026-02-28')).toEqual(await sums('2026-01-01', '2026-03-01'));
    // The month's last day goes back when its latest day empties.
    await db.delete(schema.events).where(eq(schema.events.id, events[3]!.id));
    expect(await sums('2026-02-01', '2026-03-01')).toEqual([['2026-02', 1, '2026-02-01']]);
    await db.delete(schema.events).where(eq(schema.events.id, events[2]!.id));
    expect(await sums('2026-02-01', '2026-03-01')).toEqual([]);
    expect(await rollupDifferences(db)).toEqual([]);
  });
});
