import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

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
