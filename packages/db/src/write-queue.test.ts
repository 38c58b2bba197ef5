import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './client.ts';
import { coverageSums, rollupDifferences } from './queries/coverage-rollups.ts';
import { getKiosk, insertKiosk, storeEvents, type EventRow } from './queries/kiosks.ts';
import { createTestDb, factories } from './testing.ts';
import { groupWrites, observeWriteBatches, setWriteWindow, WriteQueue } from './write-queue.ts';

let db: Db;
let cleanup: () => void;
let groups: number[];
beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
  await db.$client.execute('CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER NOT NULL)');
  groups = [];
  observeWriteBatches(db, (size) => groups.push(size));
});
afterEach(() => cleanup());

const ids = async () => (await db.$client.execute('SELECT id FROM t ORDER BY id')).rows.map((r) => String(r[0]));
const insert = (id: string) => ({ sql: 'INSERT INTO t (id, n) VALUES (?, 1)', args: [id] });

describe('group commit', () => {
  it('commits statements and grouped work queued together in one transaction', async () => {
    const q = groupWrites(db);
    const results = await Promise.all([
      q.run(insert('a')),
      q.transact(async (tx) => {
        await tx.execute(insert('b'));
        // Work reads its own writes and those queued before it in the same transaction.
        const seen = await tx.execute('SELECT count(*) FROM t');
        await tx.execute(insert('c'));
        return Number(seen.rows[0]![0]);
      }),
      q.run(insert('d')),
    ]);
    expect(results[1]).toBe(2);
    expect(groups).toEqual([3]);
    expect(await ids()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('rolls back only the work that threw, and fails only its promise', async () => {
    const q = groupWrites(db);
    const [first, broken, dup, last] = await Promise.allSettled([
      q.transact(async (tx) => tx.execute(insert('a'))),
      q.transact(async (tx) => {
        await tx.execute(insert('b'));
        throw new Error('refused halfway');
      }),
      q.run(insert('a')), // a raced id in the same group
      q.transact(async (tx) => tx.execute(insert('c'))),
    ]);
    expect(groups).toEqual([4]);
    expect([first.status, broken.status, dup.status, last.status]).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect((broken as PromiseRejectedResult).reason).toMatchObject({ message: 'refused halfway' });
    expect(await ids()).toEqual(['a', 'c']); // b was written, then undone with its work
  });

  it('retries each write alone when the shared transaction is lost', async () => {
    const q = groupWrites(db);
    const [ok, ended] = await Promise.allSettled([
      q.transact(async (tx) => tx.execute(insert('a'))),
      // Work that ends the transaction under the group (it must not, but a bug or a failing disk might): nothing of
      // the group is kept, and each write runs again on its own.
      q.transact(async (tx) => {
        await tx.execute(insert('b'));
        await tx.execute('ROLLBACK');
      }),
    ]);
    expect(ok.status).toBe('fulfilled');
    expect(ended.status).toBe('rejected');
    expect(await ids()).toEqual(['a']);
  });

  it('commits a full group at once, without waiting for the window', async () => {
    // A window of a minute: only a full group (3 here) can be what flushes within the test's time.
    const q = new WriteQueue(db, 60_000, 3);
    await Promise.all([q.run(insert('a')), q.transact((tx) => tx.execute(insert('b'))), q.run(insert('c'))]);
    await Promise.all([q.run(insert('d')), q.run(insert('e')), q.run(insert('f'))]);
    expect(groups).toEqual([3, 3]);
    expect(await ids()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('writes each at once with a window of 0', async () => {
    setWriteWindow(db, 0);
    await Promise.all([groupWrites(db).run(insert('a')), groupWrites(db).transact((tx) => tx.execute(insert('b')))]);
    expect(groups).toEqual([]);
    expect(await ids()).toEqual(['a', 'b']);
  });
});

describe('event batches in the group commit', () => {
  it('store a replayed id once and keep the rollup and the kiosk count equal to the rows', async () => {
    const commune = await factories.commune(db);
    const village = await factories.village(db, commune.id);
    const kiosk = await insertKiosk(db, { communeId: commune.id, name: 'Nhà văn hóa', villageId: village.id });
    const event = (id: string): EventRow => ({
      id,
      type: 'quiz_completed',
      occurredAt: new Date('2026-11-02T03:00:00Z'),
      kioskId: kiosk.id,
      communeId: commune.id,
      villageId: village.id,
      schoolId: null,
      selfDeclared: false,
      payload: {},
    });
    const a = [event('e1'), event('e2'), event('e3')];
    const b = [event('e3'), event('e4')]; // e3 again, sent by a retry that overlapped the first send
    const stored = await Promise.all([
      storeEvents(db, a, new Date(), kiosk.id),
      storeEvents(db, b, new Date(), kiosk.id),
      storeEvents(db, a, new Date(), kiosk.id),
    ]);
    expect(groups).toEqual([3]);
    expect(stored).toEqual([3, 1, 0]);
    expect((await getKiosk(db, kiosk.id))!.eventsCount).toBe(4);
    const sums = await coverageSums(db, [commune.id], '2026-11-01', '2026-12-01', { byMonth: false });
    expect(sums.map((s) => `${s.metric} ${s.n}`)).toEqual(['ev:kiosk:quiz_completed 4']);
    expect(await rollupDifferences(db)).toEqual([]);
  });
});
