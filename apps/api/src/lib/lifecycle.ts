import type { Server } from 'node:http';
import type { Http2SecureServer, Http2Server } from 'node:http2';
import { checkpointDb, isEmbedded, type Db } from '@vungxanh/db';
import type { Logger } from './logger.ts';

/**
 * Checkpoints the embedded database's WAL every `seconds`: with many readers SQLite's automatic
 * checkpoint can be starved and the WAL would grow without bound. Returns a stop function.
 */
export function scheduleCheckpoints(db: Db, url: string, seconds: number, logger: Logger): () => void {
  if (!isEmbedded(url) || seconds <= 0) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    checkpointDb(db)
      .then((r) => r?.busy && logger.warn('wal checkpoint left pages behind busy readers', { walPages: r.walPages }))
      .catch((err: Error) => logger.warn('wal checkpoint failed', { error: err.message }))
      .finally(() => (running = false));
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Stops on SIGTERM or SIGINT without losing an acknowledged write: stop accepting connections,
 * let requests in flight finish (their group commits included) for at most `graceMs`, then
 * checkpoint, close the database, write out the log and exit.
 */
export function handleShutdown(opts: {
  server: Server | Http2Server | Http2SecureServer;
  db: Db;
  url: string;
  graceMs: number;
  logger: Logger;
  before?: () => void;
}) {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    opts.logger.info('stopping', { signal });
    opts.before?.();
    const http = opts.server as Server;
    // Idle keep-alive connections would hold close() open; busy ones are closed once they answer.
    const idle = setInterval(() => http.closeIdleConnections?.(), 100);
    const force = setTimeout(() => {
      opts.logger.warn('stopping: requests still open after the grace period were cut', { graceMs: opts.graceMs });
      http.closeAllConnections?.();
    }, opts.graceMs);
    http.close(() => {
      clearInterval(idle);
      clearTimeout(force);
      void finish(started);
    });
  };
  const finish = async (started: number) => {
    try {
      if (isEmbedded(opts.url)) await checkpointDb(opts.db);
    } catch (err) {
      opts.logger.warn('final wal checkpoint failed', { error: (err as Error).message });
    }
    opts.db.$client.close();
    opts.logger.info('stopped', { ms: Date.now() - started });
    opts.logger.flush();
    process.exit(0);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
