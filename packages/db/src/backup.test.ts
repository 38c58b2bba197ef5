import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupInto } from './backup.ts';
import { openDb, type Db } from './client.ts';
import { schema } from './index.ts';
import { createTestDb, factories } from './testing.ts';

let db: Db;
let url: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, url, cleanup } = await createTestDb());
});
afterEach(() => cleanup());

describe('backup', () => {
  it('copies every committed row while the database stays open, where copying the .db file alone does not', async () => {
    for (let i = 0; i < 20; i++) await factories.commune(db);
    const dir = mkdtempSync(join(tmpdir(), 'vungxanh-backup-'));
    const target = join(dir, 'backup.db');

    await backupInto(db, url, target);
    // Still open and writable: the server goes on.
    await factories.commune(db);

    const copy = await openDb({ url: `file:${target}` });
    const naive = join(dir, 'naive.db');
    copyFileSync(url.slice('file:'.length), naive);
    const stale = await openDb({ url: `file:${naive}` });
    try {
      expect(await copy.$count(schema.communes)).toBe(20);
      expect((await copy.$client.execute('PRAGMA integrity_check')).rows[0]![0]).toBe('ok');
      // The WAL holds the rows until a checkpoint: the bare file is behind (the reason for this command).
      const staleCount = await Promise.resolve(stale.$count(schema.communes)).catch(() => 0);
      expect(staleCount).toBeLessThan(20);
    } finally {
      copy.$client.close();
      stale.$client.close();
    }
  });

  it('never overwrites a file, and refuses a libSQL server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vungxanh-backup-'));
    const target = join(dir, 'backup.db');
    await backupInto(db, url, target);
    await expect(backupInto(db, url, target)).rejects.toThrow(/exists already/);
    await expect(backupInto(db, 'libsql://example.invalid', join(dir, 'x.db'))).rejects.toThrow(/libSQL server/);
    expect(existsSync(join(dir, 'x.db'))).toBe(false);
  });
});
