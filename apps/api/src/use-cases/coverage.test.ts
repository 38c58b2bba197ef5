import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, eq, gte, isNotNull, lt } from 'drizzle-orm';
import {
  activityTouches,
  deleteActivity,
  getActivity,
  insertActivity,
  insertEntry,
  purgeEntries,
  reviewEntry,
  rollupDifferences,
  schema,
  storeEvents,
  updateActivity,
  type Db,
} from '@vungxanh/db';
import { createTestDb, factories } from '@vungxanh/db/testing';
import {
  activityTypes,
  computeIndicators,
  emptyTallies,
  periodRange,
  tallyTouches,
  vnDate,
  type CommitmentTallies,
  type DigitalReach,
} from '@vungxanh/domain';
import { computeCoverage, coverageFor, lastActivityFor, recognitionFacts } from './coverage.ts';

/**
 * Random histories against the rollups: whatever sequence of event batches (at period edges in Vietnam time),
 * activities logged, edited and deleted, entries signed, reviewed and purged, and events deleted, the coverage
 * service's figures equal a from-scratch recomputation over the raw rows with the same domain rule.
 */

let db: Db;
let cleanup: () => void;
beforeAll(async () => ({ db, cleanup } = await createTestDb()));
afterAll(() => cleanup());

const audit = { entity: 'test', entityId: 'x', action: 'write' };
// Instants around the edges of months, quarters, halves, years, school years and recognition periods, in
// Vietnam time: midnight there is 17:00 UTC the day before.
const edges = ['2025-09-01', '2026-01-01', '2026-03-01', '2026-04-01', '2026-06-01', '2026-07-01', '2026-09-01'];
const offsets = [-86_400_000, -3_600_000, -1, 0, 1, 3_600_000, 25_200_000];
const instant = fc
  .tuple(fc.constantFrom(...edges), fc.constantFrom(...offsets))
  .map(([day, offset]) => Date.parse(`${day}T00:00:00+07:00`) + offset);
const day = instant.map((t) => vnDate(t));
const statuses = ['submitted', 'verified', 'rejected', 'duplicate'] as const;

const step = fc.oneof(
  fc.record({
    kind: fc.constant('events' as const),
    at: fc.array(
      fc.record({
        at: instant,
        unit: fc.nat(3),
        self: fc.boolean(),
        quiz: fc.boolean(),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  }),
  fc.record({
    kind: fc.constant('activity' as const),
    date: day,
    type: fc.constantFrom(...activityTypes),
    villages: fc.subarray([0, 1, 2]),
    school: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('edit' as const),
    pick: fc.nat(),
    date: fc.option(day, { nil: undefined }),
    type: fc.option(fc.constantFrom(...activityTypes), { nil: undefined }),
    villages: fc.option(fc.subarray([0, 1, 2], { minLength: 1 }), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('deleteActivity' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('sign' as const),
    village: fc.nat(2),
    at: instant,
    status: fc.constantFrom(...statuses),
  }),
  fc.record({ kind: fc.constant('review' as const), pick: fc.nat(), status: fc.constantFrom(...statuses) }),
  fc.record({ kind: fc.constant('purge' as const) }),
  fc.record({ kind: fc.constant('deleteEvents' as const), before: instant }),
);

const periods = ['2026-03', '2026-04', '2026-Q1', '2026-Q2', '2026-H1', '2026', 'SY2025-2026', 'RP6-2026-03'];

/** What the indicators get when read straight from the raw rows. */
async function fromScratch(communeId: string, key: string) {
  const period = periodRange(key);
  const touches = await activityTouches(db, [communeId], vnDate(period.start), vnDate(period.end));
  const events = await db
    .select()
    .from(schema.events)
    .where(
      and(
        eq(schema.events.communeId, communeId),
        isNotNull(schema.events.villageId),
        gte(schema.events.occurredAt, new Date(period.start)),
        lt(schema.events.occurredAt, new Date(period.end)),
      ),
    );
  const digital: Record<string, DigitalReach> = {};
  const phone: Record<string, DigitalReach> = {};
  for (const e of events) {
    const acc = ((e.selfDeclared ? phone : digital)[e.villageId!] ??= { events: 0, quizzes: 0 });
    acc.events += 1;
    if (e.type === 'quiz_completed') acc.quizzes += 1;
  }
  const entries = await db
    .select()
    .from(schema.commitmentEntries)
    .where(eq(schema.commitmentEntries.communeId, communeId));
  const tallies: CommitmentTallies = emptyTallies();
  for (const e of entries) {
    if (e.status === 'rejected' || e.status === 'duplicate') continue;
    tallies.signedByVillage[e.villageId!] = (tallies.signedByVillage[e.villageId!] ?? 0) + 1;
    if (e.status === 'verified')
      tallies.householdsByVillage[e.villageId!] = (tallies.householdsByVillage[e.villageId!] ?? 0) + 1;
  }
  return { activity: tallyTouches(touches, period), digital, phone, tallies };
}

describe('coverage rollups against a recomputation from raw rows', () => {
  it('agree for every period kind after any history', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 25 }),
        fc.record({ digitalReachCounts: fc.boolean(), minEvents: fc.integer({ min: 1, max: 3 }) }),
        async (steps, settings) => {
          const commune = await factories.commune(db);
          const villages = await Promise.all([0, 1, 2].map(() => factories.village(db, commune.id)));
          const school = await factories.school(db, commune.id);
          await db.insert(schema.coverageSettings).values({ communeId: commune.id, ...settings });
          // Campaigns of the year the periods end in (2026): every entry here counts for all of them.
          const [campaign] = await db
            .insert(schema.commitmentCampaigns)
            .values({
              communeId: commune.id,
              kind: 'household',
              year: 2026,
              title: 'c',
              text: 'c',
              legalBasis: [],
              opensOn: '2025-09-01',
              closesOn: '2026-12-31',
            })
            .returning();
          const activityIds: string[] = [];
          const entryIds: string[] = [];
          // The service keeps computed figures in memory: read every period before the history and halfway
          // through it, so the final comparison also checks that each kind of write made them be computed again.
          const readAll = async () => {
            for (const key of periods)
              for (const series of [false, true]) await coverageFor(db, [commune.id], key, { series });
          };
          await readAll();
          for (const [i, s] of steps.entries()) {
            if (i === Math.floor(steps.length / 2)) await readAll();
            if (s.kind === 'events') {
              const rows = s.at.map((e) => ({
                id: crypto.randomUUID(),
                type: e.quiz ? 'quiz_completed' : 'lesson_opened',
                occurredAt: new Date(e.at),
                kioskId: null,
                communeId: commune.id,
                villageId: e.unit < 3 ? villages[e.unit]!.id : null,
                schoolId: e.unit === 3 ? school.id : null,
                selfDeclared: e.self && e.unit < 3,
                payload: {},
              }));
              await storeEvents(db, rows, new Date(), null);
            } else if (s.kind === 'activity') {
              const villageIds = s.villages.map((i) => villages[i]!.id);
              const schoolIds = s.school || villageIds.length === 0 ? [school.id] : [];
              const id = crypto.randomUUID();
              activityIds.push(id);
              await insertActivity(
                db,
                { id, communeId: commune.id, date: s.date, type: s.type, audienceGroup: 'general' },
                { villageIds, schoolIds },
                audit,
              );
            } else if ((s.kind === 'edit' || s.kind === 'deleteActivity') && activityIds.length) {
              const id = activityIds[s.pick % activityIds.length]!;
              if (s.kind === 'deleteActivity') {
                await deleteActivity(db, id, audit);
                activityIds.splice(activityIds.indexOf(id), 1);
              } else {
                const current = (await getActivity(db, id))!;
                const patch = {
                  ...(s.date ? { date: s.date } : {}),
                  ...(s.type ? { type: s.type } : {}),
                  ...(s.villages ? { villageIds: s.villages.map((i) => villages[i]!.id) } : {}),
                };
                await updateActivity(db, current, patch, audit);
              }
            } else if (s.kind === 'sign') {
              const id = crypto.randomUUID();
              entryIds.push(id);
              await insertEntry(db, {
                id,
                communeId: commune.id,
                campaignId: campaign!.id,
                kind: 'household',
                campaignVersion: 1,
                villageId: villages[s.village]!.id,
                signerName: 'Nguyễn Văn A',
                address: 'Số 1',
                signatureKind: 'typed',
                consentAt: new Date(s.at),
                signedAt: new Date(s.at),
                channel: 'online',
                status: s.status,
                code: id,
                payloadHash: 'h',
              });
            } else if (s.kind === 'review' && entryIds.length) {
              const id = entryIds[s.pick % entryIds.length]!;
              await reviewEntry(
                db,
                id,
                { status: s.status, reason: null, duplicateOfId: null, reviewerId: null, reviewedAt: new Date() },
                audit,
              );
            } else if (s.kind === 'purge') {
              await purgeEntries(db, commune.id, new Date(Date.now() + 60_000), audit);
            } else if (s.kind === 'deleteEvents') {
              await db
                .delete(schema.events)
                .where(and(eq(schema.events.communeId, commune.id), lt(schema.events.occurredAt, new Date(s.before))));
            }
          }
          expect(await rollupDifferences(db)).toEqual([]);
          for (const key of periods) {
            for (const series of [false, true]) {
              const [got] = await coverageFor(db, [commune.id], key, { series });
              const raw = await fromScratch(commune.id, key);
              const expected = computeIndicators({
                period: periodRange(key),
                villages,
                schools: [school],
                organizations: [],
                activity: raw.activity,
                digital: raw.digital,
                commitments: raw.tallies,
                settings,
                recognizedVillageIds: [],
              });
              expect(got!.result, `${key} series=${series}`).toEqual(expected);
              const phone = villages.reduce((sum, v) => sum + (raw.phone[v.id]?.events ?? 0), 0);
              expect(got!.phoneEvents, `${key} phone`).toBe(phone);
            }
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 240_000);
});

describe('figures kept in memory', () => {
  it('are served again until a source of the commune changes, whichever table it is', async () => {
    const commune = await factories.commune(db);
    const other = await factories.commune(db);
    const [village] = await Promise.all([factories.village(db, commune.id), factories.village(db, other.id)]);
    const [campaign] = await db
      .insert(schema.commitmentCampaigns)
      .values({
        communeId: commune.id,
        kind: 'household',
        year: 2026,
        title: 'c',
        text: 'c',
        legalBasis: [],
        opensOn: '2026-01-01',
        closesOn: '2026-12-31',
      })
      .returning();
    const key = '2026-Q2';
    const read = async () => (await coverageFor(db, [commune.id, other.id], key, { series: false }))[0]!;
    const first = await read();
    expect(await read()).toBe(first);
    const writes: [string, () => Promise<unknown>][] = [
      [
        'a kiosk event',
        () =>
          storeEvents(
            db,
            [
              {
                id: crypto.randomUUID(),
                type: 'lesson_opened',
                occurredAt: new Date('2026-05-02T03:00:00Z'),
                kioskId: null,
                communeId: commune.id,
                villageId: village!.id,
                schoolId: null,
                selfDeclared: false,
                payload: {},
              },
            ],
            new Date(),
            null,
          ),
      ],
      [
        'a village edit',
        () => db.update(schema.villages).set({ households: 321 }).where(eq(schema.villages.id, village!.id)),
      ],
      ['a new school', () => factories.school(db, commune.id)],
      [
        'the coverage settings',
        () =>
          db.insert(schema.coverageSettings).values({ communeId: commune.id, digitalReachCounts: true, minEvents: 1 }),
      ],
      [
        'a signed entry',
        () =>
          insertEntry(db, {
            id: crypto.randomUUID(),
            communeId: commune.id,
            campaignId: campaign!.id,
            kind: 'household',
            campaignVersion: 1,
            villageId: village!.id,
            signerName: 'Trần Thị B',
            address: 'Số 2',
            signatureKind: 'typed',
            consentAt: new Date('2026-05-03'),
            signedAt: new Date('2026-05-03'),
            channel: 'online',
            status: 'verified',
            code: crypto.randomUUID(),
            payloadHash: 'h',
          }),
      ],
      [
        'the campaign year',
        () =>
          db
            .update(schema.commitmentCampaigns)
            .set({ year: 2025 })
            .where(eq(schema.commitmentCampaigns.id, campaign!.id)),
      ],
      [
        'the registry',
        () =>
          db
            .insert(schema.registryVillages)
            .values({ communeId: commune.id, villageId: village!.id, status: 'recognized' }),
      ],
    ];
    let before = first;
    for (const [what, write] of writes) {
      const otherBefore = (await coverageFor(db, [other.id], key, { series: false }))[0]!;
      await write();
      const after = await read();
      expect(after, what).not.toBe(before);
      expect(after, what).toEqual((await computeCoverage(db, [commune.id], key, { series: false }))[0]);
      // Another commune's figures stay where they were.
      expect((await coverageFor(db, [other.id], key, { series: false }))[0], what).toBe(otherBefore);
      before = after;
    }
    expect(before.units.villages[0]!.households).toBe(321);
    expect(before.settings.digitalReachCounts).toBe(true);
    expect(before.result.villages[0]!.digitalEvents).toBeGreaterThan(0);
  });

  it("include each village's last activity, which moves with a new activity and stays with another commune's", async () => {
    const commune = await factories.commune(db);
    const other = await factories.commune(db);
    const village = await factories.village(db, commune.id);
    const otherVillage = await factories.village(db, other.id);
    const activity = (communeId: string, villageId: string, date: string) =>
      insertActivity(
        db,
        { id: crypto.randomUUID(), communeId, date, type: 'meeting', audienceGroup: 'general' },
        { villageIds: [villageId], schoolIds: [] },
        audit,
      );
    await activity(commune.id, village.id, '2026-04-03');
    const key = '2026-Q2';
    expect((await lastActivityFor(db, commune.id, key))('v', village.id)).toBe('2026-04-03');
    await activity(other.id, otherVillage.id, '2026-05-20');
    expect((await lastActivityFor(db, commune.id, key))('v', village.id)).toBe('2026-04-03');
    await activity(commune.id, village.id, '2026-05-10');
    expect((await lastActivityFor(db, commune.id, key))('v', village.id)).toBe('2026-05-10');
    // Before the period ended: an earlier period does not see it.
    expect((await lastActivityFor(db, commune.id, '2026-04'))('v', village.id)).toBe('2026-04-03');
    expect((await lastActivityFor(db, other.id, key))('v', otherVillage.id)).toBe('2026-05-20');
  });

  it("include the registry's computed criteria, which follow a village's mailbox and the clock", async () => {
    const commune = await factories.commune(db);
    const village = await factories.village(db, commune.id);
    const ref = { id: commune.id, targetFrequency: 'monthly' as const };
    const key = 'RP6-2026-09';
    const early = Date.parse('2026-04-15T00:00:00Z');
    const first = await recognitionFacts(db, ref, key, early);
    expect(await recognitionFacts(db, ref, key, early)).toBe(first);
    expect(first[village.id]!.mailboxBoard).toBe(0);
    await db
      .update(schema.villages)
      .set({ mailboxInstalledOn: '2026-03-01', boardInstalledOn: '2026-03-01' })
      .where(eq(schema.villages.id, village.id));
    const after = await recognitionFacts(db, ref, key, early);
    expect(after[village.id]!.mailboxBoard).toBe(100);
    // A month later one more month of the period has begun: computed again, not served from memory.
    const later = await recognitionFacts(db, ref, key, Date.parse('2026-05-15T00:00:00Z'));
    expect(later).not.toBe(after);
    expect(later).toEqual(await recognitionFacts(db, ref, key, Date.parse('2026-05-16T00:00:00Z')));
  });
});
