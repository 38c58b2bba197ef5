import { describe, expect, it } from 'vitest';
import { checkQuestionRows, questionColumnOf } from './question-sheet.ts';

const good = {
  Type: 'single',
  Topic: 'skills',
  Difficulty: '2',
  Audience: 'students',
  Law_Version: 'general',
  Source: 'WHO',
  Correct: 'b',
  Reviewed_On: '23/11/2026',
  VI_TEXT: 'Khi bạn bè mời thử một viên kẹo lạ, em nên làm gì?',
  VI_A: 'Ăn thử cho vui',
  VI_B: 'Từ chối và báo người lớn',
  VI_C: 'Cất đi ăn sau',
  VI_EXPLANATION: 'Kẹo không rõ nguồn gốc có thể chứa ma túy; hãy từ chối.',
};

describe('question sheet rows', () => {
  it('names a field by the column it is typed in, true/false options as a and b', () => {
    expect(questionColumnOf('vi.options.t', 'true_false')).toBe('vi_a');
    expect(questionColumnOf('en.options.f', 'true_false')).toBe('en_b');
    expect(questionColumnOf('vi.options.c', 'single')).toBe('vi_c');
    expect(questionColumnOf('legalBasis.0.law', 'single')).toBe('legal_basis');
    expect(questionColumnOf('vi.explanation', 'single')).toBe('vi_explanation');
    expect(questionColumnOf('question', 'single')).toBeNull();
  });

  it('reads columns however they are capitalised and names each problem by the label and what the cell holds', () => {
    const rows = checkQuestionRows(
      [good, { ...good, VI_TEXT: 'Một câu hỏi khác về kẹo?', Correct: 'e', Difficulty: '7' }, good],
      [3, 4, 5],
    );
    expect(rows[0]!.issues).toEqual([]);
    expect(rows[0]!.value?.reviewedOn).toBe('2026-11-23');
    expect(rows[1]!.issues).toEqual([
      {
        row: 4,
        field: 'difficulty',
        column: 'Difficulty',
        found: '7',
        rule: expect.any(String),
        values: ['1', '2', '3'],
      },
    ]);
    // A repeated question concerns the whole row, and names the row it repeats.
    expect(rows[2]!.issues).toEqual([
      { row: 5, field: 'question', column: null, found: '', rule: 'same question as row 3' },
    ]);
  });

  it('puts a cross-field rule on the column that answers for it', () => {
    const [row] = checkQuestionRows([{ ...good, Correct: 'e' }], [2]);
    expect(row!.issues).toEqual([
      { row: 2, field: 'question', column: 'Correct', found: 'e', rule: 'a correct option is not among the options' },
    ]);
    const [long] = checkQuestionRows([{ ...good, VI_TEXT: 'x'.repeat(500) }], [2]);
    expect(long!.issues[0]).toMatchObject({ column: 'VI_TEXT', found: `${'x'.repeat(59)}…` });
  });
});
