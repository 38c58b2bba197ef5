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
