import { describe, expect, it } from 'vitest';
import { changedDrawSettings, type RoundDrawSettings } from './round-edit.ts';

const round: RoundDrawSettings = {
  startsAt: new Date('2026-12-01T01:00:00Z'),
  questionCount: 20,
  mix: { topics: ['law', 'harms'], difficulties: [1, 2] },
  timeLimitSeconds: 900,
  attemptsAllowed: 2,
  countingRule: 'best',
};

describe('changedDrawSettings', () => {
  it('sees no change when a form sends the same settings back, in any order', () => {
    expect(
      changedDrawSettings(round, {
        ...round,
        startsAt: new Date(round.startsAt.getTime()),
        mix: { topics: ['harms', 'law'], difficulties: [2, 1] },
      }),
    ).toEqual([]);
    expect(changedDrawSettings(round, {})).toEqual([]);
  });
  it('names each draw setting the edit would change', () => {
    expect(
      changedDrawSettings(round, {
        startsAt: new Date('2026-12-02T01:00:00Z'),
        questionCount: 10,
        mix: { topics: ['law'], difficulties: [1, 2] },
        attemptsAllowed: 2,
        countingRule: 'last',
      }),
    ).toEqual(['startsAt', 'mix', 'questionCount', 'countingRule']);
  });
});
