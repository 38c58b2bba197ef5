import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { scaled } from '../timeouts.ts';

export const ownServerPassword = 'own-server-password';

export interface OwnServer {
  baseURL: string;
  /** Where its database lives: start another server on the same port and folder to "restart" it. */
  dataDir: string;
  stop: () => Promise<void>;
}

/**
 * A server of our own for a test that must take the network away: killing it is what a kiosk sees
 * when the connection drops. Pass the `dataDir` of a stopped one to start it again on the same database.
 */
export async function startOwnServer(port: number, options: { dataDir?: string } = {}): Promise<OwnServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'vungxanh-e2e-own-'));
  const child: ChildProcess = spawn(process.execPath, [resolve(import.meta.dirname, '../../apps/api/dist/server.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${join(dataDir, 'own.db')}`,
      ADMIN_PASSWORD: ownServerPassword,
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  const baseURL = `http://127.0.0.1:${port}`;
  // A start takes seconds on a busy machine: wait as long as the suite's timeouts allow, then say so.
  const deadline = Date.now() + scaled(30_000);
  for (;;) {
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      if (Date.now() > deadline) throw new Error(`our own server on port ${port} did not start in time`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    baseURL,
    dataDir,
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null || child.signalCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill();
      }),
  };
}
