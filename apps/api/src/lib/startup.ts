import { mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';

/** A start-up problem an operator can fix: said in one line naming the variable, never as a stack trace. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/**
 * Whether the server could listen on the port. Checked before anything is seeded, so a busy port cannot cost the
 * only printed copy of a generated password.
 */
export function checkPortFree(port: number, host: string): Promise<void> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      fail(
        new StartupError(listenProblem(err, port, host) ?? `PORT: cannot listen on ${host}:${port} (${err.message})`),
      ),
    );
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => ok()));
  });
}

/** The one line for an error from listen(), or null when it is not one an operator can fix. */
export function listenProblem(err: NodeJS.ErrnoException, port: number, host: string): string | null {
  if (err.code === 'EADDRINUSE')
    return `PORT: ${host}:${port} is already in use by another program; stop it or set PORT to a free port`;
  if (err.code === 'EACCES') return `PORT: not allowed to listen on port ${port}; choose a port above 1023`;
  if (err.code === 'EADDRNOTAVAIL') return `HOST: ${host} is not an address of this machine`;
  return null;
}

/** The file of a `file:` database URL, or null for memory and servers. */
export function databaseFile(url: string): string | null {
  const path = url.match(/^file:(.+)$/)?.[1]?.split('?')[0];
  if (!path || path.startsWith(':memory:')) return null;
  return resolve(path);
}

/**
 * Makes sure a database file can be opened or created: its folder exists (created one level at a time: Node's
 * recursive mkdir never returns on /proc) and the path is not a folder or a device.
 */
export function prepareDatabaseFile(file: string): void {
  const missing: string[] = [];
  let dir = dirname(file);
  for (;;) {
    const kind = kindOf(dir);
    if (kind === 'dir') break;
    if (kind !== 'none')
      throw new StartupError(`DATABASE_URL: cannot put the database under ${dir}: it is not a folder`);
    missing.unshift(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (err) {
      throw new StartupError(
        `DATABASE_URL: cannot create the folder ${folder} (${(err as NodeJS.ErrnoException).code})`,
      );
    }
  }
  const kind = kindOf(file);
  if (kind === 'dir') throw new StartupError(`DATABASE_URL: ${file} is a folder, not a database file`);
  if (kind === 'other') throw new StartupError(`DATABASE_URL: ${file} is not a regular file`);
}

function kindOf(path: string): 'none' | 'dir' | 'file' | 'other' {
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : 'other';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    return 'other';
  }
}

/** The deepest message of an error chain (drivers wrap the cause several times). */
function rootMessage(err: unknown): string {
  let message = err instanceof Error ? err.message : String(err);
  for (let e: unknown = err; e instanceof Error; e = e.cause) if (e.message) message = e.message;
  return message.split('\n')[0]!.slice(0, 200);
}

/**
 * Opens the database within `timeoutMs`, turning any failure into one line naming DATABASE_URL: a file that cannot
 * be opened or created, a server that cannot be reached or refuses the token.
 */
export async function openWithin<T>(url: string, open: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const where = databaseFile(url) ?? url.replace(/\/\/[^@/]*@/, '//');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(
      () => fail(new StartupError(`DATABASE_URL: ${where} did not answer within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([open(), timeout]);
  } catch (err) {
    if (err instanceof StartupError) throw err;
    const remote = databaseFile(url) === null;
    throw new StartupError(
      `DATABASE_URL: cannot ${remote ? 'use the libSQL server at' : 'open the database file'} ${where} (${rootMessage(err)})`,
    );
  } finally {
    clearTimeout(timer);
  }
}
