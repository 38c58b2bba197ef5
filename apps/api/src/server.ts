import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { purgeExpiredSessions } from '@vungxanh/db';
import { loadBoard, loadContent } from '@vungxanh/content';
import { vietnamToday } from '@vungxanh/domain';
import { seedAdmin, seedContent, seedDemoCampaigns, seedDemoUnits, seedRegistryCriteria } from '@vungxanh/db/seed';
import { createApp } from './app.ts';
import { createDeps, openMigratedDb } from './deps.ts';
import { ConfigError, loadConfig, type Config } from './env.ts';
import { handleShutdown, scheduleCheckpoints } from './lib/lifecycle.ts';
import { generatePassword, hashPassword } from './lib/password.ts';

const started = performance.now();

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

const config = configOrExit();
const fileUrl = config.DATABASE_URL.match(/^file:(.+)$/)?.[1];
if (fileUrl && !fileUrl.startsWith(':memory:')) mkdirSync(dirname(resolve(fileUrl)), { recursive: true });

const db = await openMigratedDb(config);
const { version } = createRequire(import.meta.url)('@vungxanh/api/package.json') as { version: string };
const deps = createDeps(db, config, version);

if (config.SEED_DEMO && (await seedDemoUnits(db))) deps.logger.info('seeded demo units');
// Every start: a new year brings the demo communes that year's campaigns.
if (config.SEED_DEMO && (await seedDemoCampaigns(db, Number(vietnamToday().slice(0, 4)))))
  deps.logger.info('seeded demo commitment campaigns');
// The default drug-free village criteria are reference data, not demo data: every instance starts with them.
if (await seedRegistryCriteria(db)) deps.logger.info('seeded registry criteria');
const shipped = loadContent();
for (const problem of shipped.problems) deps.logger.warn('shipped content item skipped', { ...problem });
const added = await seedContent(db, { ...shipped, ...loadBoard() });
if (added.lessons || added.questions) deps.logger.info('loaded shipped content', added);
const initialPassword = config.ADMIN_PASSWORD ?? generatePassword();
if (await seedAdmin(db, await hashPassword(initialPassword))) {
  if (config.ADMIN_PASSWORD) deps.logger.info('created system administrator "admin" with ADMIN_PASSWORD');
  else
    console.log(
      `\n  First start: system administrator "admin", password: ${initialPassword}\n  (shown once; change it in the admin console)\n`,
    );
}

// The built apps sit beside this package: apps/api/dist → apps/admin/build and apps/kiosk/build.
const appsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const app = createApp(deps, {
  static: { admin: resolve(appsDir, 'admin/build'), kiosk: resolve(appsDir, 'kiosk/build') },
});

const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  deps.logger.info('listening', {
    url: `http://localhost:${info.port}`,
    startupMs: Math.round(performance.now() - started),
  });
});

const purge = setInterval(() => void purgeExpiredSessions(db, new Date()), 3_600_000);
purge.unref();
const stopCheckpoints = scheduleCheckpoints(db, config.DATABASE_URL, config.WAL_CHECKPOINT_SECONDS, deps.logger);

handleShutdown({
  server,
  db,
  url: config.DATABASE_URL,
  graceMs: config.SHUTDOWN_GRACE_SECONDS * 1000,
  logger: deps.logger,
  before: () => {
    clearInterval(purge);
    stopCheckpoints();
  },
});
