import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:|:memory:)/, 'must start with file:, libsql:, http(s): or ws(s):')
    .default('file:./data/vungxanh.db'),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must have at least 10 characters').optional(),
  PUBLIC_ORIGIN: z
    .url()
    .transform((u) => new URL(u).origin)
    .optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  SEED_DEMO: bool.default(true),
  /** Sign-in attempts allowed per client address per minute. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Public writes (kiosk pairing, later sign-ups) per client address per minute. */
  PUBLIC_WRITE_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(30),
  /** Event batches per client address per minute (a school's phones may share one address). */
  EVENTS_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(600),
  /** Contest registrations and attempt starts per phone number per minute. */
  CONTEST_PHONE_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(10),
  /** Contest registrations and attempt starts per client address per minute (a school room shares one). */
  CONTEST_ADDRESS_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(300),
  /** Tips sent per hour from one address or one kiosk (also the hourly cap on additions; reads get six times it). */
  TIP_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(10),
  /** Milliseconds bursty public writes (contest answers and submits, signings, event batches) wait to share a commit. */
  WRITE_BATCH_MS: z.coerce.number().int().min(0).max(50).default(2),
  /** `full`: an acknowledged write survives a power cut; `normal`: faster, survives only a crashed process. */
  DATABASE_SYNC: z.enum(['full', 'normal']).default('full'),
  /** Seconds between WAL checkpoints of the embedded database; 0 leaves it to SQLite. */
  WAL_CHECKPOINT_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  /** Seconds a stopping server waits for requests in flight before it closes anyway. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
  /** Bearer token that /api/metrics asks for; without one the route is off. */
  METRICS_TOKEN: z.string().min(16, 'must have at least 16 characters').optional(),
  /** Seconds hot public reads (contest list and pages, boards, village lists) are kept in memory; 0 turns it off. */
  PUBLIC_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
});

export type Config = z.infer<typeof schema>;

/** Reads the configuration once; a bad value throws a message naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  // The group commit's window was first for contests only, under this name; servers configured with it keep it.
  if (cleaned.WRITE_BATCH_MS === undefined && cleaned.CONTEST_WRITE_BATCH_MS !== undefined)
    cleaned.WRITE_BATCH_MS = cleaned.CONTEST_WRITE_BATCH_MS;
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
