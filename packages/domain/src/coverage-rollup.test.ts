import { describe, expect, it } from 'vitest';
import { addRollup, emptyCoverageTally, eventRollupKey, mergeTallies } from './coverage-rollup.ts';

describe('addRollup', () => {
  it('reads activities per unit and per commune, and kiosk and phone events apart', () => {
    const t = addRollup(emptyCoverageTally(), [
      { unitKey: 'c', metric: 'act:meeting', n: 2, last: '2026-03-02' },
      { unitKey: 'v:a', metric: 'act:meeting', n: 1, last: '2026-03-01' },
      { unitKey: 'v:a', metric: 'act:poster', n: 1, last: '2026-03-02' },
      { unitKey: 's:x', metric: 'act:meeting', n: 1, last: '2026-03-01' },
      { unitKey: 'v:a', metric: 'ev:kiosk:quiz_completed', n: 3, last: '2026-03-05' },
      { unitKey: 'v:a', metric: 'ev:kiosk:lesson_opened', n: 4, last: '2026-03-05' },
      { unitKey: 'v:b', metric: 'ev:self:quiz_completed', n: 9, last: '2026-03-05' },
      { unitKey: 's:x', metric: 'ev:kiosk:lesson_opened', n: 5, last: '2026-03-05' },
    ]);
    expect(t.activity).toEqual({
      villages: { a: { n: 2, last: '2026-03-02' } },
      schools: { x: { n: 1, last: '2026-03-01' } },
      count: 2,
    });
    expect(t.digital).toEqual({ a: { events: 7, quizzes: 3 } });
    expect(t.phone).toEqual({ b: { events: 9, quizzes: 9 } });
  });
});

describe('mergeTallies', () => {
  it('adds months together, keeping the latest activity day', () => {
    const march = addRollup(emptyCoverageTally(), [
      { unitKey: 'c', metric: 'act:meeting', n: 1, last: '2026-03-31' },
      { unitKey: 'v:a', metric: 'act:meeting', n: 1, last: '2026-03-31' },
      { unitKey: 'v:a', metric: 'ev:self:lesson_opened', n: 2, last: '2026-03-31' },
    ]);
    const april = addRollup(emptyCoverageTally(), [
      { unitKey: 'c', metric: 'act:meeting', n: 1, last: '2026-04-01' },
      { unitKey: 'v:a', metric: 'act:meeting', n: 1, last: '2026-04-01' },
      { unitKey: 'v:a', metric: 'ev:kiosk:quiz_completed', n: 1, last: '2026-04-01' },
    ]);
    expect(mergeTallies([april, march])).toEqual({
      activity: { villages: { a: { n: 2, last: '2026-04-01' } }, schools: {}, count: 2 },
      digital: { a: { events: 1, quizzes: 1 } },
      phone: { a: { events: 2, quizzes: 0 } },
    });
  });
});

describe('eventRollupKey', () => {
  const base = { communeId: 'c', villageId: 'v', schoolId: null, selfDeclared: false, type: 'quiz_completed' };
  it('counts an event on its Vietnam day, for its village or school, kiosk and self-declared apart', () => {
    expect(eventRollupKey({ ...base, occurredAt: Date.parse('2026-03-31T16:59:59.999Z') })).toEqual({
      communeId: 'c',
      day: '2026-03-31',
      unitKey: 'v:v',
      metric: 'ev:kiosk:quiz_completed',
    });
    expect(eventRollupKey({ ...base, occurredAt: Date.parse('2026-03-31T17:00:00.000Z') })!.day).toBe('2026-04-01');
    expect(
      eventRollupKey({ ...base, villageId: null, schoolId: 's', selfDeclared: true, occurredAt: 0 }),
    ).toMatchObject({ unitKey: 's:s', metric: 'ev:self:quiz_completed' });
  });
  it('leaves out an event with no commune or no unit', () => {
    expect(eventRollupKey({ ...base, communeId: null, occurredAt: 0 })).toBeNull();
    expect(eventRollupKey({ ...base, villageId: null, occurredAt: 0 })).toBeNull();
  });
});
