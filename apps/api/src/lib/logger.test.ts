import { describe, expect, it } from 'vitest';
import { createLogger, perTurn } from './logger.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, stream: { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) } };
}

describe('logger', () => {
  it('writes one JSON line with time, level, message and the given fields', () => {
    const { lines, stream } = capture();
    createLogger('info', stream).info('request', { route: '/api/health', status: 200 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'request', route: '/api/health', status: 200 });
    expect(new Date(String(lines[0]!.t)).toISOString()).toBe(lines[0]!.t);
    // No host name or process id: the line carries only what the caller gave.
    expect(Object.keys(lines[0]!).sort()).toEqual(['level', 'msg', 'route', 'status', 't']);
  });

  it('drops lines below the level and everything when silent', () => {
    const warn = capture();
    const log = createLogger('warn', warn.stream);
    log.info('hidden');
    log.error('shown');
    expect(warn.lines.map((l) => l.msg)).toEqual(['shown']);
    const silent = capture();
    createLogger('silent', silent.stream).error('nothing');
    expect(silent.lines).toEqual([]);
  });
});

describe('perTurn', () => {
  it('hands the lines of one turn to the destination in one write, in order, and all of them on flush', async () => {
    const writes: string[] = [];
    let flushed = 0;
    const dest = perTurn({ write: (s: string) => void writes.push(s), flush: (cb) => (flushed++, cb?.()) });
    const log = createLogger('info', dest);
    log.info('one', { n: 1 });
    log.info('two', { n: 2 });
    expect(writes).toEqual([]);
    await new Promise((ok) => setImmediate(ok));
    expect(writes).toHaveLength(1);
    expect(
      writes[0]!
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { msg: string }).msg),
    ).toEqual(['one', 'two']);
    log.info('three');
    log.flush();
    expect(writes).toHaveLength(2);
    expect(JSON.parse(writes[1]!)).toMatchObject({ msg: 'three', level: 'info' });
    expect(flushed).toBe(1);
  });
});
