import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The real server, started as an operator starts it, on what goes wrong on a fresh machine: every problem an
 * operator can fix ends the start within seconds, non-zero, with one line naming the variable and no stack trace.
 */

const serverEntry = resolve(import.meta.dirname, '../src/server.ts');
const tsx = resolve(import.meta.dirname, '../node_modules/.bin/tsx');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const running = new Set<ReturnType<typeof spawn>>();
afterEach(() => {
  for (const child of running) child.kill();
  running.clear();
});

/** Starts the server; resolves when it exits, or (with `untilListening`) once it listens, then stops it. */
function start(env: Record<string, string>, options: { untilListening?: boolean } = {}): Promise<Run> {
  return new Promise((ok) => {
    const child = spawn(tsx, [serverEntry], {
      env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'info', SEED_DEMO: 'false', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      if (options.untilListening && stdout.includes('"listening"')) child.kill();
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('exit', (code) => {
      running.delete(child);
      ok({ code, stdout, stderr });
    });
  });
}

function expectOneLine(run: Run, variable: string, says: RegExp) {
  expect(run.code, run.stderr).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^${variable}: `));
  expect(lines[0]).toMatch(says);
  expect(run.stderr).not.toMatch(/\n\s+at |node:internal|Error:/);
}

const freshDir = () => mkdtempSync(join(tmpdir(), 'vungxanh-start-'));

function busyPort(): Promise<{ port: number; server: Server }> {
  return new Promise((ok) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => ok({ port: (server.address() as { port: number }).port, server }));
  });
}

// Each case starts a real process through tsx, which takes seconds on a busy 2-core machine.
describe('a start that cannot finish says why in one line', { timeout: 90_000 }, () => {
  it('a busy port stops the start before anything is seeded, and the next start still shows the password', async () => {
    const dir = freshDir();
    const db = join(dir, 'data', 'vungxanh.db');
    const { port, server } = await busyPort();
    try {
      const run = await start({ PORT: String(port), DATABASE_URL: `file:${db}` });
      expectOneLine(run, 'PORT', /already in use/);
      expect(run.stdout).not.toMatch(/password/);
      expect(existsSync(db)).toBe(false);
    } finally {
      server.close();
    }
    const next = await start({ DATABASE_URL: `file:${db}` }, { untilListening: true });
    expect(next.stdout).toMatch(/First start: system administrator "admin", password: \S+/);
  });

  it('a database path under a file', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'plain'), 'not a folder');
    expectOneLine(await start({ DATABASE_URL: `file:${join(dir, 'plain', 'x.db')}` }), 'DATABASE_URL', /not a folder/);
  });

  it('a database path that is a folder', async () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'db'));
    expectOneLine(await start({ DATABASE_URL: `file:${join(dir, 'db')}` }), 'DATABASE_URL', /is a folder/);
  });

  it('a database under /proc, where a folder cannot be made (it used to spin forever)', async () => {
    expectOneLine(
      await start({ DATABASE_URL: 'file:/proc/vungxanh/x.db' }),
      'DATABASE_URL',
      /cannot create the folder/,
    );
    expectOneLine(await start({ DATABASE_URL: 'file:/proc/self/status' }), 'DATABASE_URL', /cannot open/);
  });

  it('a libSQL server that does not answer', async () => {
    const { port, server } = await busyPort();
    await new Promise((r) => server.close(r));
    expectOneLine(
      await start({ DATABASE_URL: `libsql://127.0.0.1:${port}`, DATABASE_AUTH_TOKEN: 'x' }),
      'DATABASE_URL',
      /cannot use the libSQL server/,
    );
  });
});

describe('the generated admin password stays recoverable until it is changed', { timeout: 90_000 }, () => {
  it('is kept beside the database, readable by this user only, and named again on the next start', async () => {
    const dir = freshDir();
    const db = join(dir, 'vungxanh.db');
    const first = await start({ DATABASE_URL: `file:${db}` }, { untilListening: true });
    const printed = first.stdout.match(/password: (\S+)/)![1];
    const file = join(dir, 'admin-password.txt');
    expect(readFileSync(file, 'utf8').trim()).toBe(printed);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const second = await start({ DATABASE_URL: `file:${db}` }, { untilListening: true });
    expect(second.stdout).toContain(`still in ${file}`);
    expect(second.stdout).not.toContain(printed);
  });

  it('is not written when ADMIN_PASSWORD is set', async () => {
    const dir = freshDir();
    await start(
      { DATABASE_URL: `file:${join(dir, 'v.db')}`, ADMIN_PASSWORD: 'a long secret 123' },
      { untilListening: true },
    );
    expect(existsSync(join(dir, 'admin-password.txt'))).toBe(false);
  });
});
