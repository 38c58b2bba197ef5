import { createClient, type Client, type TransactionMode, type Transaction } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema/index.ts';
import { keepPreparedStatements } from './statement-cache.ts';

export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

export interface DbOptions {
  url: string;
  authToken?: string | undefined;
  /**
   * Embedded only. `full` (the default) syncs the WAL at every commit, so an acknowledged write
   * survives a power cut; `normal` survives a crashed process but may lose the last commits when
   * the machine loses power.
   */
  synchronous?: 'full' | 'normal';
}

/** True for an embedded database (a file or memory); false for a libSQL server or Turso. */
export function isEmbedded(url: string): boolean {
  return url.startsWith('file:') || url === ':memory:';
}

/**
 * Opens the database. For a file: WAL, a busy timeout and foreign keys on. The libSQL local driver keeps a pool of
 * connections (one per overlapping call, up to 20) and hands one to each interactive transaction. The busy timeout
 * is a setting of the client, so every connection has it; the PRAGMAs reach only the connection that runs them and
 * are applied again after each transaction begins. On the others libSQL has foreign keys on and SQLite syncs FULL
 * by default; `synchronous: 'normal'` therefore speeds up only some commits and never makes one less durable than asked.
 */
export async function openDb(options: DbOptions): Promise<Db> {
  if (isEmbedded(options.url)) keepPreparedStatements();
  // The busy timeout as a client setting, not a PRAGMA: connections the pool opens under load gave up at once with
  // SQLITE_BUSY where a write held the lock for a moment.
  const client = createClient({
    url: options.url,
    authToken: options.authToken,
    ...(isEmbedded(options.url) ? { timeout: 5_000 } : {}),
  });
  if (isEmbedded(options.url)) {
    // Per-connection settings (the busy timeout is the client's, above). WAL persists in the file; the others do not.
    const connectionPragmas = [
      'PRAGMA foreign_keys = ON',
      `PRAGMA synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`,
    ];
    await client.execute('PRAGMA journal_mode = WAL');
    for (const pragma of connectionPragmas) await client.execute(pragma);
    const begin = client.transaction.bind(client);
    client.transaction = async (mode?: TransactionMode): Promise<Transaction> => {
      const tx = await begin(mode);
      for (const pragma of connectionPragmas) await client.execute(pragma);
      return tx;
    };
  }
  return drizzle(client, { schema }) as Db;
}

/**
 * Moves the WAL's pages into the database file and truncates the WAL, so that a server with many
 * readers does not let the WAL grow without bound. Busy readers may leave part of it for the next
 * run (`busy` is then 1). A libSQL server manages its own WAL: nothing to do there.
 */
export async function checkpointDb(db: Db): Promise<{ busy: number; walPages: number } | null> {
  const rs = await db.$client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  const row = rs.rows[0];
  return row ? { busy: Number(row[0]), walPages: Number(row[1]) } : null;
}

/** Round-trips a trivial query; used by the health check. */
export async function pingDb(db: Db): Promise<{ ok: boolean; latencyMs: number }> {
  const started = performance.now();
  try {
    await db.$client.execute('SELECT 1');
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch {
    return { ok: false, latencyMs: Math.round(performance.now() - started) };
  }
}

/** Whether a failed write broke a UNIQUE constraint (the driver wraps the SQLite error). */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (/UNIQUE constraint failed|SQLITE_CONSTRAINT_UNIQUE/.test(e.message)) return true;
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return true;
  }
  return false;
}
