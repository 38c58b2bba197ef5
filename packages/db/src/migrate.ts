import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Db } from './client.ts';

/** The committed migrations folder, found through the package so it works from source and from a bundle. */
export function migrationsFolder(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@vungxanh/db/package.json')), 'drizzle');
}

export async function migrateDb(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: migrationsFolder() });
}
