import type { InStatement, ResultSet, Transaction } from '@libsql/client';
import type { Db } from './client.ts';

/**
 * Work that needs its own statements' results inside the shared transaction. It must not commit or roll back, and
 * may run a second time, alone, if the group's transaction is lost: it has no effect but its statements.
 */
export type GroupedWork<T> = (tx: Transaction) => Promise<T>;

/** A queued write: one statement, or grouped work. */
type Pending = { write: InStatement | GroupedWork<unknown>; ok: (r: unknown) => void; fail: (e: unknown) => void };

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * A small group commit for the public writes that come in bursts (contest answers and submits, signed commitments,
 * kiosks' event batches): writes queued within a few milliseconds go to the database in one write transaction, so a
 * burst costs one commit (and, with `synchronous=FULL`, one sync of the WAL), not one each.
 *
 * A group of single statements goes as one batch (one round trip to a libSQL server); if it fails as a whole (a
 * unique id raced, say), each write is retried on its own, so one bad write fails alone and the others still land.
 * A group with grouped work (`transact`) runs in one interactive transaction, each piece of work inside a savepoint:
 * a piece that throws is rolled back to its savepoint and fails alone; anything that breaks the transaction itself
 * rolls the whole group back and each write is retried on its own. Nothing is acknowledged before the commit.
 *
 * A group with work always starts in a callback of its own (a timer or setImmediate), never inside a request's
 * chain of promises: on the embedded driver each statement runs synchronously, so the transaction's awaits only wait for
 * microtasks and no other request can start a write while it is open (that write would sleep in SQLite's busy
 * handler on this one thread).
 */
export class WriteQueue {
  private pending: Pending[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private immediate: ReturnType<typeof setImmediate> | null = null;

  constructor(
    private readonly db: Db,
    private readonly windowMs = 2,
    private readonly maxBatch = 200,
  ) {}

  /** Runs one statement in the next group commit. */
  run(stmt: InStatement): Promise<ResultSet> {
    if (this.windowMs <= 0) return this.db.$client.execute(stmt);
    return new Promise((ok, fail) => this.enqueue({ write: stmt, ok: ok as (r: unknown) => void, fail }));
  }

  /** Runs `work` (several statements that read each other's results) in the next group commit. */
  transact<T>(work: GroupedWork<T>): Promise<T> {
    if (this.windowMs <= 0) return this.alone(work);
    return new Promise<T>((ok, fail) => this.enqueue({ write: work, ok: ok as (r: unknown) => void, fail }));
  }

  private enqueue(p: Pending) {
    this.pending.push(p);
    if (this.pending.length >= this.maxBatch) {
      // Full: flush now, in place of the timer. A batch of statements is one synchronous call on the embedded driver
      // and can go at once; a group with work waits for this callback to end (see above).
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      if (this.pending.every(isStatement)) void this.flush();
      else this.immediate ??= setImmediate(() => void this.flush());
    } else if (!this.timer && !this.immediate) {
      this.timer = setTimeout(() => void this.flush(), this.windowMs);
    }
  }

  private async flush() {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    batchObservers.get(this.db)?.(batch.length);
    const outcomes = await (batch.every(isStatement) ? this.asBatch(batch) : this.inOneTransaction(batch)).catch(
      () => null,
    );
    if (outcomes) {
      batch.forEach((b, i) => {
        const o = outcomes[i]!;
        if (o.ok) b.ok(o.value);
        else b.fail(o.error);
      });
      return;
    }
    for (const { write, ok, fail } of batch)
      await (typeof write === 'function' ? this.alone(write) : this.db.$client.execute(write)).then(ok, fail);
  }

  private async asBatch(batch: Pending[]): Promise<Outcome[]> {
    const results = await this.db.$client.batch(
      batch.map((b) => b.write as InStatement),
      'write',
    );
    return results.map((value) => ({ ok: true, value }));
  }

  private async inOneTransaction(batch: Pending[]): Promise<Outcome[]> {
    const tx = await this.db.$client.transaction('write');
    try {
      const outcomes: Outcome[] = [];
      for (const { write } of batch) {
        if (typeof write !== 'function') {
          // A failed statement is undone alone by SQLite (its default ABORT); our schema raises nothing stronger.
          // Anything but a constraint may have ended the transaction: the whole group is then retried write by write.
          outcomes.push(
            await tx.execute(write).then(
              (value) => ({ ok: true as const, value }),
              (error: unknown) => {
                if (!isConstraintError(error)) throw error;
                return { ok: false as const, error };
              },
            ),
          );
          continue;
        }
        await tx.execute('SAVEPOINT grouped_work');
        try {
          const value = await write(tx);
          await tx.execute('RELEASE grouped_work');
          outcomes.push({ ok: true, value });
        } catch (error) {
          // If the transaction itself is gone, this throws and the group is retried write by write.
          await tx.execute('ROLLBACK TO grouped_work');
          await tx.execute('RELEASE grouped_work');
          outcomes.push({ ok: false, error });
        }
      }
      await tx.commit();
      return outcomes;
    } finally {
      tx.close();
    }
  }

  private async alone<T>(work: GroupedWork<T>): Promise<T> {
    const tx = await this.db.$client.transaction('write');
    try {
      const value = await work(tx);
      await tx.commit();
      return value;
    } finally {
      tx.close();
    }
  }
}

const isStatement = (p: Pending) => typeof p.write !== 'function';

function isConstraintError(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) return true;
    if (/constraint failed/i.test(e.message)) return true;
  }
  return false;
}

const queues = new WeakMap<Db, WriteQueue>();
const batchObservers = new WeakMap<Db, (size: number) => void>();
/** Tells `observe` the size of every group commit on this database (for metrics). */
export function observeWriteBatches(db: Db, observe: (size: number) => void) {
  batchObservers.set(db, observe);
}
/** The database's group-commit queue (one per open database). */
export function groupWrites(db: Db): WriteQueue {
  let q = queues.get(db);
  if (!q) queues.set(db, (q = new WriteQueue(db)));
  return q;
}

/** Sets how long grouped writes wait to share a commit; 0 writes each on its own (to measure the difference). */
export function setWriteWindow(db: Db, windowMs: number) {
  queues.set(db, new WriteQueue(db, windowMs));
}
