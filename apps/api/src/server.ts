import { existsSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { purgeExpiredSessions } from '@vungxanh/db';
import { loadBoard, loadContent } from '@vungxanh/content';
import { vietnamToday } from '@vungxanh/domain';
import {
  demoProvinceOrganizer,
  seedAdmin,
  seedContent,
  seedDemoCampaigns,
  seedDemoProvinceOrganizer,
  seedDemoUnits,
  seedRegistryCriteria,
} from '@vungxanh/db/seed';
import { createApp } from './app.ts';
import { createDeps, openMigratedDb } from './deps.ts';
import { ConfigError, loadConfig, type Config } from './env.ts';
import { keepInitialPassword } from './lib/initial-password.ts';
import { handleShutdown, scheduleCheckpoints } from './lib/lifecycle.ts';
import { generatePassword, hashPassword } from './lib/password.ts';
import {
  StartupError,
  checkPortFree,
  databaseFile,
  listenProblem,
  openWithin,
  prepareDatabaseFile,
} from './lib/startup.ts';

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

/** Stops the start with one line an operator can act on; anything else is a bug and keeps its stack trace. */
function exitOn(err: unknown): never {
  if (err instanceof StartupError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const config = configOrExit();

// Port and database first: nothing is seeded (and no password generated) on a start that cannot finish.
const db = await (async () => {
  await checkPortFree(config.PORT, config.HOST);
  const file = databaseFile(config.DATABASE_URL);
  if (file) prepareDatabaseFile(file);
  return openWithin(config.DATABASE_URL, () => openMigratedDb(config));
})().catch(exitOn);
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
const release = await seedContent(db, { ...shipped, ...loadBoard() });
if (release.installed) deps.logger.info('loaded shipped content', { version: release.version });
if (release.movedToContest)
  deps.logger.warn('moved shipped contest questions out of the public practice bank', {
    count: release.movedToContest,
  });
// Updates to existing content are the system admin's step (Nội dung → Cập nhật nội dung đi kèm), never automatic.
if (release.pending) deps.logger.info('shipped content release pending', { version: release.version });
const initialPassword = config.ADMIN_PASSWORD ?? generatePassword();
const passwordFile = deps.initialPasswordFile;
const initialHash = await hashPassword(initialPassword);
if (await seedAdmin(db, initialHash, { generated: !config.ADMIN_PASSWORD })) {
  // The demo city's province organizer gets the same first password, to change at first sign-in.
  if (config.SEED_DEMO && (await seedDemoProvinceOrganizer(db, initialHash)))
    deps.logger.info(`created the demo province organizer "${demoProvinceOrganizer}" with the admin's first password`);
  if (config.ADMIN_PASSWORD) deps.logger.info('created system administrator "admin" with ADMIN_PASSWORD');
  else {
    try {
      keepInitialPassword(passwordFile, initialPassword);
    } catch (err) {
      exitOn(err);
    }
    console.log(
      `\n  First start: system administrator "admin", password: ${initialPassword}\n` +
        `  (kept in ${passwordFile}, readable only by this user, until it is changed in the admin console)\n`,
    );
  }
} else if (existsSync(passwordFile)) {
  console.log(`\n  The generated password of "admin" is still in ${passwordFile} until it is changed.\n`);
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
  // Log lines are gathered into larger writes; the start-up lines are written out now.
  deps.logger.flush();
});
// An idle keep-alive connection is kept longer than a reverse proxy's or a client's own idle timeout (60 s
// is usual), so the server is never the side that closes it just as a request is sent on it: with
// Node's default of 5 s, a request on a connection idle for about 5 s could meet a reset ("socket hang up").
(server as HttpServer).keepAliveTimeout = 65_000;
(server as HttpServer).headersTimeout = 66_000;
// Another program may still take the port between the check and here.
server.on('error', (err: NodeJS.ErrnoException) => {
  const problem = listenProblem(err, config.PORT, config.HOST);
  exitOn(problem ? new StartupError(problem) : err);
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
