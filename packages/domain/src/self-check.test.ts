import { describe, expect, it } from 'vitest';
import {
  drawSelfCheck,
  isCorrectAnswer,
  lessonsToReread,
  optionOrder,
  scoreSelfCheck,
  shuffle,
  type SelfCheckItem,
} from './self-check.ts';

/** A repeatable stand-in for Math.random (mulberry32). */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const question = (id: string, topic: string, overrides: Partial<SelfCheckItem> = {}): SelfCheckItem => ({
  id,
  topic,
  type: 'single',
  correct: ['a'],
  vi: { options: { a: 'Một', b: 'Hai', c: 'Ba', d: 'Bốn' } },
  ...overrides,
});

const bank = [
  ...Array.from({ length: 12 }, (_, i) => question(`law-${i}`, 'law')),
  ...Array.from({ length: 6 }, (_, i) => question(`skills-${i}`, 'skills')),
];

describe('shuffle', () => {
  it('keeps every item once and leaves the input alone', () => {
    const input = [1, 2, 3, 4, 5, 6];
    const out = shuffle(input, seeded(1));
    expect([...out].sort()).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
    expect(out).not.toEqual(input);
  });
});

describe('drawSelfCheck', () => {
  it('draws ten by default from all topics, each question once', () => {
    const drawn = drawSelfCheck(bank, { random: seeded(2) });
    expect(drawn).toHaveLength(10);
    expect(new Set(drawn.map((d) => d.question.id)).size).toBe(10);
    expect(new Set(drawn.map((d) => d.question.topic))).toEqual(new Set(['law', 'skills']));
  });

  it('draws from one topic only, and fewer when the topic has fewer', () => {
    const drawn = drawSelfCheck(bank, { topic: 'skills', random: seeded(3) });
    expect(drawn).toHaveLength(6);
    expect(drawn.every((d) => d.question.topic === 'skills')).toBe(true);
    expect(drawSelfCheck(bank, { topic: 'law', count: 5 })).toHaveLength(5);
  });

  it('gives different draws for different random sequences', () => {
    const ids = (seed: number) => drawSelfCheck(bank, { random: seeded(seed) }).map((d) => d.question.id);
    expect(ids(4)).not.toEqual(ids(5));
  });

  it('brings new questions on a retry while the topic has enough', () => {
    const first = drawSelfCheck(bank, { topic: 'law', count: 6, random: seeded(6) }).map((d) => d.question.id);
    const again = drawSelfCheck(bank, { topic: 'law', count: 6, avoid: first, random: seeded(7) });
    expect(again.map((d) => d.question.id).filter((id) => first.includes(id))).toEqual([]);
    const third = drawSelfCheck(bank, { topic: 'law', count: 10, avoid: first, random: seeded(8) });
    expect(third.slice(0, 6).every((d) => !first.includes(d.question.id))).toBe(true);
    expect(third).toHaveLength(10);
  });

  it('shuffles options but keeps true/false in place and "all of the above" last', () => {
    const orders = new Set(
      Array.from({ length: 20 }, (_, i) => optionOrder(question('q', 'law'), seeded(i + 10)).join('')),
    );
    expect(orders.size).toBeGreaterThan(1);
    for (const order of orders) expect([...order].sort().join('')).toBe('abcd');
    const tf = question('tf', 'law', { type: 'true_false', correct: ['t'], vi: { options: { t: 'Đúng', f: 'Sai' } } });
    expect(optionOrder(tf, seeded(1))).toEqual(['t', 'f']);
    const all = question('all', 'law', {
      vi: { options: { a: 'Tất cả các đáp án trên', b: 'Hai', c: 'Ba', d: 'Bốn' } },
    });
    for (let i = 0; i < 10; i++) expect(optionOrder(all, seeded(i)).at(-1)).toBe('a');
  });
});

describe('isCorrectAnswer', () => {
  it('needs exactly the correct options, in any order', () => {
    expect(isCorrectAnswer(['a'], ['a'])).toBe(true);
    expect(isCorrectAnswer(['a'], ['b'])).toBe(false);
    expect(isCorrectAnswer(['a', 'c'], ['c', 'a'])).toBe(true);
    expect(isCorrectAnswer(['a', 'c'], ['a'])).toBe(false);
    expect(isCorrectAnswer(['a', 'c'], ['a', 'c', 'd'])).toBe(false);
    expect(isCorrectAnswer(['a'], [])).toBe(false);
  });
});

describe('scoreSelfCheck', () => {
  it('counts right answers and lists missed topics, most missed first', () => {
    expect(
      scoreSelfCheck([
        { topic: 'law', correct: true },
        { topic: 'skills', correct: false },
        { topic: 'fines', correct: false },
        { topic: 'fines', correct: false },
        { topic: 'law', correct: true },
      ]),
    ).toEqual({ score: 2, total: 5, wrongTopics: ['fines', 'skills'] });
    expect(scoreSelfCheck([{ topic: 'law', correct: true }]).wrongTopics).toEqual([]);
  });
});

describe('lessonsToReread', () => {
  it('picks lessons of the missed topics, most missed topic first', () => {
    const lessons = [
      { slug: 'a', topic: 'law' },
      { slug: 'b', topic: 'skills' },
      { slug: 'c', topic: 'fines' },
      { slug: 'd', topic: 'skills' },
    ];
    expect(lessonsToReread(lessons, ['skills', 'fines']).map((l) => l.slug)).toEqual(['b', 'd', 'c']);
    expect(lessonsToReread(lessons, ['skills', 'fines'], 2).map((l) => l.slug)).toEqual(['b', 'd']);
    expect(lessonsToReread(lessons, [])).toEqual([]);
  });
});
