import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkpointDb, openDb } from './client.ts';

const dir = mkdtempSync(join(tmpdir(), 'vungxanh-client-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded database durability', () => {
  it('syncs every commit by default, on the connections interactive transactions leave behind too', async () => {
    const db = await openDb({ url: `file:${join(dir, 'full.db')}` });
    expect((await db.$client.execute('PRAGMA synchronous')).rows[0]![0]).toBe(2);
    const tx = await db.$client.transaction('write');
    await tx.commit();
    expect((await db.$client.execute('PRAGMA synchronous')).rows[0]![0]).toBe(2);
    db.$client.close();
  });

  it('runs NORMAL only when asked', async () => {
    const db = await openDb({ url: `file:${join(dir, 'normal.db')}`, synchronous: 'normal' });
    expect((await db.$client.execute('PRAGMA synchronous')).rows[0]![0]).toBe(1);
    db.$client.close();
  });

  it('checkpoints the WAL back to empty', async () => {
    const file = join(dir, 'wal.db');
    const db = await openDb({ url: `file:${file}` });
    await db.$client.execute('CREATE TABLE t (v TEXT)');
    for (let i = 0; i < 50; i++) await db.$client.execute({ sql: 'INSERT INTO t VALUES (?)', args: ['x'.repeat(500)] });
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(await checkpointDb(db)).toMatchObject({ busy: 0 });
    expect(statSync(`${file}-wal`).size).toBe(0);
    db.$client.close();
  });
});

describe('the connection pool under concurrent load', () => {
  // The driver opens up to 20 connections when calls overlap; a PRAGMA reaches only the one that runs it.
  const overlapping = <T>(n: number, call: () => Promise<T>) => Promise.all(Array.from({ length: n }, call));

  it('gives every connection the busy timeout, not only the first', async () => {
    const db = await openDb({ url: `file:${join(dir, 'pool.db')}` });
    const timeouts = await overlapping(6, () => db.$client.execute('PRAGMA busy_timeout'));
    expect(timeouts.map((rs) => rs.rows[0]![0])).toEqual(Array(6).fill(5000));
    db.$client.close();
  });

  it('waits for a write lock another process holds, then every connection sees the new rows', async () => {
    const file = join(dir, 'lock.db');
    const db = await openDb({ url: `file:${file}` });
    await db.$client.execute('CREATE TABLE t (v INTEGER)');
    // Overlapping reads open more connections; the next call gets the last one opened, not the first.
    await overlapping(6, () => db.$client.execute('SELECT 1'));
    // Another process (a second server, an import, a backup) holds the write lock for 300 ms.
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createClient } from '@libsql/client';
         const c = createClient({ url: ${JSON.stringify(`file:${file}`)} });
         const tx = await c.transaction('write');
         await tx.execute('INSERT INTO t VALUES (0)');
         console.log('locked');
         setTimeout(async () => { await tx.commit(); c.close(); }, 300);`,
      ],
      { cwd: import.meta.dirname, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((ok) => holder.stdout.once('data', ok));
    // Overlapping writes meanwhile: each waits for the lock instead of failing at once with SQLITE_BUSY.
    await overlapping(6, () => db.$client.execute('INSERT INTO t VALUES (1)'));
    await new Promise((ok) => holder.once('exit', ok));
    const counts = await overlapping(6, () => db.$client.execute('SELECT count(*) FROM t'));
    expect(counts.map((rs) => Number(rs.rows[0]![0]))).toEqual(Array(6).fill(7));
    db.$client.close();
  });
});
