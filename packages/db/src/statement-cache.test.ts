import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkpointDb, openDb } from './client.ts';
import { maxStatements, nativePrepareCount } from './statement-cache.ts';

const dir = mkdtempSync(join(tmpdir(), 'vungxanh-statements-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function table(name: string) {
  const file = join(dir, `${name}.db`);
  const db = await openDb({ url: `file:${file}` });
  await db.$client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
  return { db, file };
}

describe('kept prepared statements', () => {
  it('prepares a query once per connection and runs it again with new values', async () => {
    const { db } = await table('reuse');
    await db.$client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['a'] });
    const before = nativePrepareCount();
    for (const v of ['b', 'c', 'd']) await db.$client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: [v] });
    const read = async (v: string) =>
      (await db.$client.execute({ sql: 'SELECT id, v FROM t WHERE v = ?', args: [v] })).rows.map((r) => r.v);
    expect(await read('a')).toEqual(['a']);
    expect(await read('d')).toEqual(['d']);
    expect(await read('z')).toEqual([]);
    // One connection (calls one at a time): the insert was kept from before, the select prepared once.
    expect(nativePrepareCount() - before).toBe(1);
    // Column names still come with every answer.
    expect((await db.$client.execute({ sql: 'SELECT id, v FROM t WHERE v = ?', args: ['b'] })).columns).toEqual([
      'id',
      'v',
    ]);
    db.$client.close();
  });

  it('runs a statement again after it failed', async () => {
    const { db } = await table('failed');
    const insert = (v: string) => db.$client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: [v] });
    await insert('same');
    await expect(insert('same')).rejects.toThrow(/UNIQUE/);
    await insert('other');
    expect((await db.$client.execute('SELECT count(*) FROM t')).rows[0]![0]).toBe(2);
    db.$client.close();
  });

  it('holds no reader open between calls: the WAL still checkpoints to empty', async () => {
    const { db, file } = await table('wal');
    for (let i = 0; i < 50; i++) await db.$client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: [`v${i}`] });
    // Many readers at once (the pool opens more connections), each query kept on its connection.
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => db.$client.execute({ sql: 'SELECT id, v FROM t WHERE id > ?', args: [i] })),
    );
    expect(await checkpointDb(db)).toMatchObject({ busy: 0 });
    expect(statSync(`${file}-wal`).size).toBe(0);
    db.$client.close();
  });

  it('keeps at most its limit of statements per connection', async () => {
    const { db } = await table('limit');
    const before = nativePrepareCount();
    const distinct = maxStatements + 10;
    for (let i = 0; i < distinct; i++) await db.$client.execute(`SELECT ${i} AS n FROM t`);
    expect(nativePrepareCount() - before).toBe(distinct);
    // The first ones were dropped to make room, the last ones are kept.
    const after = nativePrepareCount();
    await db.$client.execute(`SELECT ${distinct - 1} AS n FROM t`);
    expect(nativePrepareCount()).toBe(after);
    await db.$client.execute('SELECT 0 AS n FROM t');
    expect(nativePrepareCount()).toBe(after + 1);
    db.$client.close();
  });
});
