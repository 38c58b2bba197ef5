import { describe, expect, it } from 'vitest';
import { analyseItems, itemFlags, scoreGroups, type AnalysedAttempt } from './item-analysis.ts';

const qs = [
  { id: 'easy', correct: ['a'] },
  { id: 'good', correct: ['b'] },
  { id: 'bad', correct: ['c'] },
];
const options = { easy: ['a', 'b', 'c'], good: ['a', 'b', 'c'], bad: ['a', 'b', 'c', 'd'] };

/** Ten strong and ten weak participants: the strong get "good" right and "bad" wrong; the weak the reverse. */
function round(): AnalysedAttempt[] {
  const strong = Array.from({ length: 10 }, () => ({
    score: 2,
    questions: qs,
    answers: { easy: ['a'], good: ['b'], bad: ['a'] },
  }));
  const weak = Array.from({ length: 10 }, () => ({
    score: 1,
    questions: qs,
    answers: { easy: ['a'], good: ['a'], bad: ['c'] },
  }));
  return [...strong, ...weak];
}

describe('analyseItems', () => {
  const stats = Object.fromEntries(analyseItems(round(), options).map((s) => [s.questionId, s]));

  it('gives each question its facility: the share of attempts that answered it right', () => {
    expect(stats.easy!.facility).toBe(1);
    expect(stats.good!.facility).toBe(0.5);
    expect(stats.bad!.facility).toBe(0.5);
  });

  it('tells the top 27 % from the bottom 27 %: +1 for an item only the strong get, -1 for one only the weak get', () => {
    expect(stats.good!.discrimination).toBe(1);
    expect(stats.bad!.discrimination).toBe(-1);
    expect(stats.easy!.discrimination).toBe(0);
  });

  it('counts every option, a distractor nobody chose included', () => {
    expect(stats.bad!.optionCounts).toEqual({ a: 10, b: 0, c: 10, d: 0 });
  });

  it('flags too easy, negative discrimination and unused distractors', () => {
    expect(stats.easy!.flags).toContain('too_easy');
    expect(stats.bad!.flags).toContain('negative_discrimination');
    expect(stats.bad!.flags).toContain('unused_distractor');
    expect(stats.good!.flags).not.toContain('negative_discrimination');
  });

  it('counts an unanswered question as not right, but not as answered', () => {
    const [s] = analyseItems([{ score: 0, questions: [qs[0]!], answers: {} }], options);
    expect(s).toMatchObject({ attempts: 1, answered: 0, right: 0, facility: 0 });
  });
});

describe('scoreGroups', () => {
  it('takes 27 % of the attempts (rounded, at least one) from each end', () => {
    const attempts = Array.from({ length: 11 }, (_, i) => ({ score: i }));
    const { top, bottom } = scoreGroups(attempts);
    expect(top.map((a) => a.score)).toEqual([10, 9, 8]);
    expect(bottom.map((a) => a.score)).toEqual([2, 1, 0]);
    expect(scoreGroups([{ score: 1 }])).toEqual({ top: [], bottom: [] });
  });
});

describe('itemFlags', () => {
  it('raises no flag on too few attempts, where chance alone moves the figures', () => {
    expect(itemFlags({ attempts: 5, facility: 1, discrimination: -1, optionCounts: { a: 5, b: 0 } }, ['a'])).toEqual(
      [],
    );
  });
  it('flags an item almost nobody gets right as too hard', () => {
    expect(itemFlags({ attempts: 40, facility: 0.1, discrimination: 0.3, optionCounts: {} }, ['a'])).toEqual([
      'too_hard',
    ]);
  });
});
