import { describe, expect, it } from 'vitest';
import { outboxRetry, retryDelayMs, settledIds, takeBatch } from './outbox.ts';

const entry = (id: string, minute: number) => ({
  id,
  occurredAt: `2026-07-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
});

describe('takeBatch', () => {
  it('sends the oldest entries first, at most the batch size', () => {
    const entries = [entry('c', 30), entry('a', 10), entry('b', 20), entry('d', 40)];
    expect(takeBatch(entries, 3).map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(takeBatch(entries).map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(takeBatch(Array.from({ length: 120 }, (_, i) => entry(`e${i}`, i % 60)))).toHaveLength(50);
  });
});

describe('settledIds', () => {
  it('lets go of acknowledged and rejected entries only', () => {
    const sent = ['a', 'b', 'c', 'd'];
    const reply = {
      acknowledged: ['a', 'c'],
      rejected: [
        { id: 'd', reason: 'too old' },
        { id: null, reason: 'x' },
      ],
    };
    expect(settledIds(sent, reply)).toEqual(['a', 'c', 'd']);
  });

  it('never lets go of an id the batch did not carry', () => {
    expect(settledIds(['a'], { acknowledged: ['a', 'z'], rejected: [{ id: 'y', reason: 'r' }] })).toEqual(['a']);
    expect(settledIds(['a', 'b'], { acknowledged: [], rejected: [] })).toEqual([]);
  });
});

describe('retryDelayMs', () => {
  const middle = () => 0.5;
  it('doubles from two seconds up to a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 12].map((n) => retryDelayMs(n, null, middle))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('spreads retries with jitter but stays within a minute', () => {
    expect(retryDelayMs(1, null, () => 0)).toBe(1_500);
    expect(retryDelayMs(1, null, () => 0.999)).toBeLessThanOrEqual(2_500);
    expect(retryDelayMs(20, null, () => 0.999)).toBe(outboxRetry.maxMs);
  });

  it('waits at least as long as the server asks', () => {
    expect(retryDelayMs(1, 30, middle)).toBe(30_000);
    expect(retryDelayMs(6, 5, middle)).toBe(60_000);
  });
});
