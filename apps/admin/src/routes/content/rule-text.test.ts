import { describe, expect, it } from 'vitest';
import { questionProblems } from '@vungxanh/domain';
import { ruleText } from './rule-text';

const text = (options: Record<string, string>) => ({ text: 'Câu hỏi thử?', options, explanation: 'Giải thích.' });

describe('ruleText', () => {
  it('knows every rule message the domain gives for a broken question', () => {
    const problems = [
      ...questionProblems({
        type: 'single',
        correct: ['a', 'a', 'x'],
        lawVersion: 'nd-90-2024',
        legalBasis: [],
        vi: text({ a: 'Một', b: 'một' }),
        en: text({ a: 'One', c: 'one' }),
      }),
      ...questionProblems({
        type: 'true_false',
        correct: ['t'],
        lawVersion: 'general',
        legalBasis: [],
        vi: text({ a: 'Đúng', b: 'Sai' }),
      }),
      ...questionProblems({
        type: 'single',
        correct: ['a'],
        lawVersion: 'luat-120-2025',
        legalBasis: [{ law: 'luat-73-2021', article: null, clause: null }],
        vi: text({ a: 'Một', b: 'Hai', c: 'Ba' }),
        en: text({ a: 'One', b: 'Two', c: 'Three' }),
      }),
      'same question as row 4',
    ];
    expect(problems.length).toBeGreaterThan(10);
    expect(problems.filter((p) => ruleText(p) === null)).toEqual([]);
  });

  it('leaves a message it does not know to the caller', () => {
    expect(ruleText('something else')).toBeNull();
  });
});
