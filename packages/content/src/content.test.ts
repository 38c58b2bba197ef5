import { describe, expect, it } from 'vitest';
import { contentSetProblems, lawById, questionProblems, questionSchema, topics } from '@vungxanh/domain';
import { loadContent } from './index.ts';

const content = loadContent();

describe('the shipped content', () => {
  it('has no invalid lesson or question', () => {
    expect(content.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([]);
  });
  it('keeps the rules across the whole set', () => {
    expect(contentSetProblems(content)).toEqual([]);
  });
  it('lets a contest draw 20 questions of mixed difficulty from any topic', () => {
    for (const topic of topics) {
      const inTopic = content.questions.filter((q) => q.topic === topic);
      expect(inTopic.length, topic).toBeGreaterThanOrEqual(20);
      for (const d of [1, 2, 3])
        expect(inTopic.filter((q) => q.difficulty === d).length, `${topic} difficulty ${d}`).toBeGreaterThanOrEqual(5);
    }
  });
  it('cites only known laws, each with a status', () => {
    const cited = [...content.lessons.flatMap((l) => l.legalBasis), ...content.questions.flatMap((q) => q.legalBasis)];
    for (const c of cited) expect(['in_force', 'earlier']).toContain(lawById(c.law)?.status);
  });
});

describe('the content checks catch a broken item', () => {
  const good = content.questions.find((q) => q.type === 'single' && q.lawVersion === 'luat-120-2025')!;
  const variant = (patch: Record<string, unknown>) => ({ ...good, ...patch });

  it.each([
    ['two correct options on a single-choice question', { correct: ['a', 'b'] }, 'correct options'],
    ['a correct option that does not exist', { correct: ['e'] }, 'not among the options'],
    ['options that repeat', { vi: { ...good.vi, options: { a: 'Có', b: 'có', c: 'Không' } } }, 'options repeat'],
    ['an empty explanation', { vi: { ...good.vi, explanation: '' } }, 'explanation'],
    ['a legal item without its legal basis', { legalBasis: [] }, 'legal basis'],
    [
      'a law that is not on the list',
      { legalBasis: [{ law: 'luat-999-2030', article: null, clause: null }] },
      'legalBasis',
    ],
  ])('%s', (_name, patch, message) => {
    const parsed = questionSchema.safeParse(variant(patch));
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain(message);
  });

  it('an item citing the 2021 law as if it were current', () => {
    const problems = questionProblems({
      ...good,
      lawVersion: 'luat-73-2021',
      legalBasis: [{ law: 'luat-73-2021', article: 'Điều 5', clause: null }],
      vi: {
        ...good.vi,
        text: 'Theo Luật Phòng, chống ma túy, hành vi nào bị nghiêm cấm?',
        explanation: 'Điều 5 của luật quy định các hành vi bị nghiêm cấm.',
      },
    });
    expect(problems.join()).toContain('without saying it was replaced');
  });

  it('two questions that differ only in case, spacing and diacritics', () => {
    const copy = {
      ...good,
      id: 'law-999',
      vi: {
        ...good.vi,
        text: good.vi.text
          .toUpperCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, ''),
      },
    };
    expect(contentSetProblems({ lessons: content.lessons, questions: [...content.questions, copy] }).join()).toContain(
      'is the same as',
    );
  });
});
