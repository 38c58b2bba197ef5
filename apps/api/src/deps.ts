import { openDb, migrateDb, setWriteWindow, type Db, type ShippedSet } from '@vungxanh/db';
import { loadContent } from '@vungxanh/content';
import { phoneReadsPerDevicePerDay } from '@vungxanh/domain';
import type { Config } from './env.ts';
import { initialPasswordFile } from './lib/initial-password.ts';
import type { Deps } from './lib/context.ts';
import { createLogger } from './lib/logger.ts';
import { createMetrics } from './lib/metrics.ts';
import { createPublicCache } from './lib/public-cache.ts';
import { RateLimiter } from './lib/rate-limit.ts';
import { createSettingsCache } from './lib/settings-cache.ts';

/**
 * Everything a request needs, made once per process (or per test). `shipped` replaces the
 * shipped content a release compares against (tests give an older or newer set).
 */
export function createDeps(db: Db, config: Config, version: string, shipped?: ShippedSet): Deps {
  setWriteWindow(db, config.WRITE_BATCH_MS);
  let content = shipped;
  return {
    shippedContent: () => (content ??= loadContent()),
    db,
    config,
    version,
    initialPasswordFile: initialPasswordFile(config),
    settings: createSettingsCache(db),
    metrics: createMetrics(db, config.DATABASE_URL),
    publicCache: createPublicCache(config.PUBLIC_CACHE_SECONDS * 1000),
    logger: createLogger(config.LOG_LEVEL),
    limits: {
      login: new RateLimiter(config.LOGIN_RATE_LIMIT, 60_000),
      publicWrite: new RateLimiter(config.PUBLIC_WRITE_RATE_LIMIT, 60_000),
      events: new RateLimiter(config.EVENTS_RATE_LIMIT, 60_000),
      phoneReads: new RateLimiter(phoneReadsPerDevicePerDay, 86_400_000),
      contestPhone: new RateLimiter(config.CONTEST_PHONE_RATE_LIMIT, 60_000),
      contestAddress: new RateLimiter(config.CONTEST_ADDRESS_RATE_LIMIT, 60_000),
      tipSend: new RateLimiter(config.TIP_RATE_LIMIT, 3_600_000),
      tipRead: new RateLimiter(config.TIP_RATE_LIMIT * 6, 3_600_000),
      tipAdd: new RateLimiter(config.TIP_RATE_LIMIT, 3_600_000),
    },
  };
}

export async function openMigratedDb(config: Config): Promise<Db> {
  const db = await openDb({
    url: config.DATABASE_URL,
    authToken: config.DATABASE_AUTH_TOKEN,
    synchronous: config.DATABASE_SYNC,
  });
  await migrateDb(db);
  return db;
}
