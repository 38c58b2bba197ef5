import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '@vungxanh/db';

const apiDir = resolve(fileURLToPath(import.meta.url), '../..');
const dir = mkdtempSync(join(tmpdir(), 'vungxanh-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The real server in its own process (through tsx, so no build is needed). */
async function startServer(dbFile: string): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: apiDir,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${dbFile}`,
      ADMIN_PASSWORD: 'shutdown-test-password',
      SEED_DEMO: 'false',
      EVENTS_RATE_LIMIT: '1000000',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/"url":"(http[^"]+)"/);
      if (m) ok(m[1]!.replace('localhost', '127.0.0.1'));
    });
    child.once('exit', () => fail(new Error(`server exited before listening:\n${out}`)));
  });
  return { child, url, log: () => out };
}

const batch = () =>
  Array.from({ length: 20 }, () => ({
    id: crypto.randomUUID(),
    type: 'quiz_completed',
    occurredAt: new Date().toISOString(),
    payload: { score: 7, total: 10 },
  }));

describe('graceful shutdown', () => {
  it('stores every write it acknowledged when SIGTERM lands in the middle of a burst', async () => {
    const dbFile = join(dir, 'burst.db');
    const { child, url, log } = await startServer(dbFile);
    const acknowledged: string[] = [];
    let refused = 0;
    let stopAt = 0;
    const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
    // Eight senders, each posting batches one after another until the server stops answering.
    const sender = async () => {
      for (let i = 0; i < 400; i++) {
        try {
          const res = await fetch(`${url}/api/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: url },
            body: JSON.stringify({ events: batch() }),
          });
          if (res.ok) acknowledged.push(...((await res.json()) as { acknowledged: string[] }).acknowledged);
        } catch {
          refused++;
          if (stopAt) return;
        }
      }
    };
    const senders = Array.from({ length: 8 }, sender);
    while (acknowledged.length < 400) await new Promise((r) => setTimeout(r, 10));
    stopAt = acknowledged.length;
    child.kill('SIGTERM');
    await Promise.all(senders);
    expect(await exited, log()).toBe(0);
    expect(log()).toContain('"msg":"stopped"');
    expect(acknowledged.length).toBeGreaterThan(stopAt);
    expect(refused).toBeGreaterThan(0);

    // The last checkpoint moved everything into the database file.
    expect(existsSync(`${dbFile}-wal`) ? statSync(`${dbFile}-wal`).size : 0).toBe(0);
    const db = await openDb({ url: `file:${dbFile}` });
    const stored = new Set<string>();
    for (const row of (await db.$client.execute('SELECT id FROM events')).rows) stored.add(String(row[0]));
    db.$client.close();
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  }, 120_000);
});
