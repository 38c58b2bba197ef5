/**
 * Recomputes the coverage rollups from the raw rows and reports every difference (exit code 1 when there is one).
 * `--fix` rewrites the rollups from the raw rows afterwards. Reads DATABASE_URL like the server.
 */
import { migrateDb, openDb, rebuildRollups, rollupDifferences } from '@vungxanh/db';
import { loadConfig } from '../src/env.ts';

const config = loadConfig();
const db = await openDb({ url: config.DATABASE_URL, authToken: config.DATABASE_AUTH_TOKEN });
await migrateDb(db);
const differences = await rollupDifferences(db);
for (const d of differences) console.log(`${d.table} ${d.side}: ${JSON.stringify(d.row)}`);
if (differences.length === 0) console.log('coverage rollups agree with the raw rows');
else if (process.argv.includes('--fix')) {
  await rebuildRollups(db);
  console.log(`rebuilt; ${(await rollupDifferences(db)).length} differences left`);
}
db.$client.close();
process.exitCode = differences.length && !process.argv.includes('--fix') ? 1 : 0;
