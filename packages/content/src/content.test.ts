import { describe, expect, it } from 'vitest';
import {
  contentSetProblems,
  gateProblems,
  gateReport,
  gateSummary,
  lawById,
  nearDuplicatesAcross,
  questionProblems,
  questionSchema,
  topics,
} from '@vungxanh/domain';
import { loadContent } from './index.ts';

const content = loadContent();
const practice = content.questions;
const contest = content.contestQuestions;

describe('the shipped content', () => {
  it('has no invalid lesson or question, and no id in both banks', () => {
    expect(content.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([]);
  });
  it('keeps the rules across the practice bank', () => {
    expect(contentSetProblems({ lessons: content.lessons, questions: practice })).toEqual([]);
  });
  it('has no question in both banks, even reworded only in case, spacing or diacritics', () => {
    const both = { lessons: content.lessons, questions: [...practice, ...contest] };
    expect(contentSetProblems(both).filter((p) => p.includes('is the same as') || p.includes('id repeats'))).toEqual(
      [],
    );
  });
  it('has no contest item that is nearly a practice item (its key would be public)', () => {
    expect(nearDuplicatesAcross(contest, practice)).toEqual([]);
  });
  it('lets a self-check draw 20 questions of mixed difficulty from any topic', () => {
    for (const topic of topics) {
      const inTopic = practice.filter((q) => q.topic === topic);
      expect(inTopic.length, topic).toBeGreaterThanOrEqual(20);
      for (const d of [1, 2, 3])
        expect(inTopic.filter((q) => q.difficulty === d).length, `${topic} difficulty ${d}`).toBeGreaterThanOrEqual(5);
    }
  });
  it('cites only known laws, each with a status', () => {
    const cited = [
      ...content.lessons.flatMap((l) => l.legalBasis),
      ...[...practice, ...contest].flatMap((q) => q.legalBasis),
    ];
    for (const c of cited) expect(['in_force', 'earlier']).toContain(lawById(c.law)?.status);
  });
});

describe('the quality gates over the shipped banks', () => {
  const contestReport = gateReport(contest);
  const practiceReport = gateReport(practice);
  // The figures are the point of this check: print them for the log and the release note.
  console.log(`${gateSummary('contest bank', contestReport)}\n${gateSummary('practice bank', practiceReport)}`);

  it('keeps at least 200 contest-eligible items, enough distinct ones for a 40-question round', () => {
    expect(contestReport.eligible).toBeGreaterThanOrEqual(200);
    expect(contestReport.groups.drawCapacity).toBeGreaterThanOrEqual(40);
  });
  it('the practice bank passes the same gates except eligibility (a self-check should not be guessable either)', () => {
    expect(gateProblems(practiceReport, 'practice')).toEqual([]);
  });
  it('the contest bank passes every gate: no longest-option tell, balanced keys, leaks grouped, every item sourced in law', () => {
    expect(gateProblems(contestReport, 'contest')).toEqual([]);
  });
});

describe('the content checks catch a broken item', () => {
  const good = practice.find((q) => q.type === 'single' && q.lawVersion === 'luat-120-2025')!;
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
    expect(contentSetProblems({ lessons: content.lessons, questions: [...practice, copy] }).join()).toContain(
      'is the same as',
    );
  });
});
