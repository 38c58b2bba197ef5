import type { Db } from '../client.ts';

/** Figures an operator watches, read at scrape time: small aggregate queries over indexed columns. */
export async function operationsSnapshot(db: Db, now: Date) {
  const ms = now.getTime();
  const rs = await db.$client.batch(
    [
      { sql: 'SELECT count(*) FROM sessions WHERE expires_at > ?', args: [ms] },
      {
        sql: `SELECT
          sum(CASE WHEN last_seen_at >= ? THEN 1 ELSE 0 END),
          sum(CASE WHEN last_seen_at < ? AND last_seen_at >= ? THEN 1 ELSE 0 END),
          sum(CASE WHEN last_seen_at < ? THEN 1 ELSE 0 END),
          sum(CASE WHEN last_seen_at IS NULL THEN 1 ELSE 0 END)
        FROM kiosks WHERE revoked_at IS NULL`,
        args: [ms - 15 * 60_000, ms - 15 * 60_000, ms - 86_400_000, ms - 86_400_000],
      },
      'PRAGMA page_count',
      'PRAGMA page_size',
    ],
    'read',
  );
  const n = (i: number, col = 0) => Number(rs[i]?.rows[0]?.[col] ?? 0);
  return {
    openSessions: n(0),
    kiosks: { within15m: n(1, 0), within24h: n(1, 1), older: n(1, 2), never: n(1, 3) },
    databaseBytes: n(2) * n(3),
  };
}
