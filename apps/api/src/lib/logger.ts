import pino, { type DestinationStream } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** Writes out what is still buffered (at shutdown). */
  flush(): void;
}

/**
 * One JSON object per line (`t`, `level`, `msg`, then the fields), written by pino to an
 * asynchronous destination so that a request never waits on stdout. Lines are gathered into
 * writes of at least 4 KB (or every half second): one write per request line was the largest
 * single cost of a small answer under load. Callers pass ids, routes, statuses and timings only:
 * never names, phone numbers, bodies or client addresses.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const dest = destination ?? pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 500 });
  const log = pino(
    {
      level,
      base: null,
      messageKey: 'msg',
      timestamp: () => `,"t":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    dest,
  );
  return {
    debug: (msg, fields = {}) => log.debug(fields, msg),
    info: (msg, fields = {}) => log.info(fields, msg),
    warn: (msg, fields = {}) => log.warn(fields, msg),
    error: (msg, fields = {}) => log.error(fields, msg),
    flush: () => log.flush(),
  };
}
