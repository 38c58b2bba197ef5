import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { VN_TIME_ZONE } from '@vungxanh/domain';
import { findChromium } from './find-chromium.mjs';
import { scaled } from './timeouts.ts';

const port = Number(process.env.E2E_PORT ?? 4317);
// Workers load this file again: the directory made by the runner reaches them through the environment, so that a
// test can read the server's database file (the tip box's test searches it for what must not be there).
const dataDir = (process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'vungxanh-e2e-')));
export const databaseFile = join(dataDir, 'e2e.db');
export const adminPassword = 'e2e-admin-password';

/**
 * Each worker drives its own Chromium against the one server, and a Chromium page keeps about a core busy: more
 * workers than cores only makes every test slower. `E2E_WORKERS` sets the number; otherwise one per core (2 on
 * CI's 2-core machine), at most 3.
 */
function workers(): number {
  const set = Number(process.env.E2E_WORKERS);
  if (Number.isInteger(set) && set > 0) return set;
  return Math.max(1, Math.min(3, availableParallelism()));
}

export default defineConfig({
  testDir: './tests',
  timeout: scaled(30_000),
  expect: { timeout: scaled(7_000) },
  fullyParallel: true,
  workers: workers(),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'vi-VN',
    timezoneId: VN_TIME_ZONE,
    trace: 'off',
    launchOptions: {
      executablePath: findChromium() ?? undefined,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node ../apps/api/dist/server.js',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: scaled(60_000),
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${databaseFile}`,
      ADMIN_PASSWORD: adminPassword,
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '1000',
    },
  },
});
