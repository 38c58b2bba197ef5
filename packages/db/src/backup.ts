import { existsSync } from 'node:fs';
import { isEmbedded, type Db } from './client.ts';

/**
 * Writes one consistent copy of an embedded database to `target` while the server keeps running. The file is in WAL
 * mode, so copying the .db file alone can miss everything not yet checkpointed; SQLite's VACUUM INTO reads one
 * snapshot (committed rows, WAL included) and writes a compact, self-contained database.
 */
export async function backupInto(db: Db, url: string, target: string): Promise<void> {
  if (!isEmbedded(url)) throw new Error('a libSQL server keeps its own backups: use its snapshot or `sqld` tools');
  if (existsSync(target)) throw new Error(`${target} exists already: choose a new file`);
  await db.$client.execute({ sql: 'VACUUM INTO ?', args: [target] });
}
