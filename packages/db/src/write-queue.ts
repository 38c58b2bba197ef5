import type { InStatement, ResultSet } from '@libsql/client';
import type { Db } from './client.ts';

/**
 * A small group commit for the public writes that come in bursts (contest answers and submits, signed commitments):
 * writes queued within a few milliseconds go to the database in one write transaction, so a burst costs one commit
 * (and, with `synchronous=FULL`, one sync of the WAL), not one each. If the batch fails as a whole (a unique id
 * raced, say), each write is retried on its own so one bad write fails alone and the others still land.
 */
export class WriteQueue {
  private pending: { stmt: InStatement; ok: (r: ResultSet) => void; fail: (e: unknown) => void }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly db: Db,
    private readonly windowMs = 2,
    private readonly maxBatch = 200,
  ) {}

  run(stmt: InStatement): Promise<ResultSet> {
    if (this.windowMs <= 0) return this.db.$client.execute(stmt);
    return new Promise((ok, fail) => {
      this.pending.push({ stmt, ok, fail });
      if (this.pending.length >= this.maxBatch) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.windowMs);
    });
  }

  private async flush() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    batchObservers.get(this.db)?.(batch.length);
    try {
      const results = await this.db.$client.batch(
        batch.map((b) => b.stmt),
        'write',
      );
      batch.forEach((b, i) => b.ok(results[i]!));
    } catch {
      for (const b of batch) await this.db.$client.execute(b.stmt).then(b.ok, b.fail);
    }
  }
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
