import { describe, expect, it } from 'vitest';
import { canReadContestBank, drawCapacity, drawGated, drawLongestShare, type DrawQuestion } from './contest-bank.ts';

const mix = { topics: [], difficulties: [] };

/** A single-choice item; `longKey` makes its correct option strictly the longest. */
const q = (id: string, overrides: Partial<DrawQuestion> & { longKey?: boolean } = {}): DrawQuestion => {
  const { longKey = false, ...rest } = overrides;
  return {
    id,
    type: 'single',
    topic: 'law',
    difficulty: 1,
    correct: ['a'],
    vi: {
      options: longKey
        ? { a: 'một đáp án dài hơn hẳn', b: 'ngắn', c: 'ngắn nữa' }
        : { a: 'đúng', b: 'sai một', c: 'sai hai' },
    },
    ...rest,
  };
};

/** A deterministic stand-in for Math.random. */
function seeded(seed: number) {
  let s = seed;
  return () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
}

describe('drawGated', () => {
  it('never puts two items of one exclusion group in a draw', () => {
    const pool = [
      q('a1', { group: 'hotline' }),
      q('a2', { group: 'hotline' }),
      q('a3', { group: 'hotline' }),
      q('b1', { group: 'art-256a' }),
      q('b2', { group: 'art-256a' }),
      q('c1'),
    ];
    for (let seed = 1; seed < 50; seed++) {
      const draw = drawGated(pool, mix, 3, seeded(seed))!;
      const groups = draw.questions.map((d) => pool.find((p) => p.id === d.id)!.group).filter(Boolean);
      expect(new Set(groups).size).toBe(groups.length);
      expect(draw.questions).toHaveLength(3);
    }
  });

  it('counts a group once when telling whether the pool is big enough', () => {
    const pool = [q('a1', { group: 'g' }), q('a2', { group: 'g' }), q('c1')];
    expect(drawCapacity(pool, mix)).toBe(2);
    expect(drawGated(pool, mix, 3)).toBeNull();
    expect(drawGated(pool, mix, 2)).not.toBeNull();
  });

  it('keeps the longest-correct share within 35 % when the pool allows it, and flags it when not', () => {
    const mixed = [
      ...Array.from({ length: 6 }, (_, i) => q(`long${i}`, { longKey: true })),
      ...Array.from({ length: 6 }, (_, i) => q(`fair${i}`)),
    ];
    for (let seed = 1; seed < 30; seed++) {
      const draw = drawGated(mixed, mix, 6, seeded(seed))!;
      expect(draw.longestShare).toBeLessThanOrEqual(0.35);
      expect(draw.flagged).toBe(false);
    }
    const allLong = Array.from({ length: 6 }, (_, i) => q(`long${i}`, { longKey: true }));
    const flagged = drawGated(allLong, mix, 4, seeded(3))!;
    expect(flagged.longestShare).toBe(1);
    expect(flagged.flagged).toBe(true);
  });

  it('keeps each drawn key on the server side of the draw', () => {
    const draw = drawGated([q('x', { correct: ['b'] })], mix, 1)!;
    expect(draw.questions[0]).toMatchObject({ id: 'x', correct: ['b'] });
    expect([...draw.questions[0]!.order].sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('drawLongestShare', () => {
  it('counts single-choice items whose key is strictly the longest option', () => {
    const tie = q('t', { vi: { options: { a: 'bằng nhau', b: 'bằng nhau', c: 'x' } } });
    expect(drawLongestShare([q('1', { longKey: true }), q('2'), tie, q('4')])).toBe(0.25);
    expect(drawLongestShare([])).toBe(0);
  });
});

describe('canReadContestBank', () => {
  it('lets the system read it all, a commune admin only the commune’s own, nobody else', () => {
    expect(canReadContestBank({ role: 'system', communeId: null }, 'c1')).toBe(true);
    expect(canReadContestBank({ role: 'commune_admin', communeId: 'c1' }, 'c1')).toBe(true);
    expect(canReadContestBank({ role: 'commune_admin', communeId: 'c1' }, null)).toBe(false);
    expect(canReadContestBank({ role: 'commune_admin', communeId: 'c1' }, 'c2')).toBe(false);
    for (const role of ['organizer', 'village_head', 'school_staff', 'province_viewer'])
      expect(canReadContestBank({ role, communeId: 'c1' }, 'c1')).toBe(false);
  });
});
