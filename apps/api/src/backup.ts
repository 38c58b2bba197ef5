// `pnpm backup [file]`: one consistent copy of the embedded database, safe while the server runs.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { backupInto, openDb } from '@vungxanh/db';
import { ConfigError, loadConfig } from './env.ts';
import { StartupError, databaseFile, openWithin } from './lib/startup.ts';

const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

try {
  const config = loadConfig();
  const file = databaseFile(config.DATABASE_URL);
  if (!file) throw new StartupError('DATABASE_URL: a libSQL server keeps its own backups; this command copies a file');
  const target = resolve(process.argv[2] ?? `backups/vungxanh-${stamp}.db`);
  mkdirSync(dirname(target), { recursive: true });
  const db = await openWithin(config.DATABASE_URL, () => openDb({ url: config.DATABASE_URL }));
  try {
    await backupInto(db, config.DATABASE_URL, target);
  } finally {
    db.$client.close();
  }
  console.log(`Backup written: ${target}`);
} catch (err) {
  if (err instanceof ConfigError || err instanceof StartupError) console.error(err.message);
  else console.error(`Backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
