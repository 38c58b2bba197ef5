import type { Actor } from '@vungxanh/domain';
import type { Db, AccountRow, ShippedSet } from '@vungxanh/db';
import type { Locale } from '@vungxanh/i18n';
import type { Config } from '../env.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';
import type { PublicCache } from './public-cache.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { SettingsCache } from './settings-cache.ts';

/** What every request can read from the context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    locale: Locale;
    deps: Deps;
    /** Set by the session middleware when a valid session cookie came with the request. */
    auth: { actor: Actor; account: AccountRow; tokenHash: string; mustEnrollTotp: boolean } | null;
  };
}

export interface Deps {
  db: Db;
  config: Config;
  logger: Logger;
  version: string;
  /** Where a generated password of `admin` is kept until it is changed (see initial-password.ts). */
  initialPasswordFile: string;
  settings: SettingsCache;
  publicCache: PublicCache;
  metrics: Metrics;
  /** The shipped lessons and questions a content release compares with the database (read once). */
  shippedContent: () => ShippedSet;
  limits: {
    login: RateLimiter;
    publicWrite: RateLimiter;
    events: RateLimiter;
    /** Phone reads that count toward the phone-readers figure, per device (address) and Vietnam day. */
    phoneReads: RateLimiter;
    contestPhone: RateLimiter;
    contestAddress: RateLimiter;
    /** The tip box, per blinded address and per blinded kiosk token (routes/tips/public.handlers.ts). */
    tipSend: RateLimiter;
    tipRead: RateLimiter;
    tipAdd: RateLimiter;
  };
}
