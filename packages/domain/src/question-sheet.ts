import { questionKey, questionSchema, type Citation, type LocalizedQuestion, type Question } from './content.ts';
import type { FieldIssue } from './errors.ts';
import { parseSheetDate } from './import-sheet.ts';

const optionIds = ['a', 'b', 'c', 'd', 'e'] as const;

/** The columns of the question bank spreadsheet, in order. */
export const questionSheetColumns = [
  'ref',
  'type',
  'topic',
  'difficulty',
  'audience',
  'law_version',
  'legal_basis',
  'source',
  'correct',
  'reviewed_on',
  'vi_text',
  ...optionIds.map((o) => `vi_${o}`),
  'vi_explanation',
  'en_text',
  ...optionIds.map((o) => `en_${o}`),
  'en_explanation',
] as const;

/** Names a question sheet's column by its header cell, or null: what finds the header row below any title rows. */
export function questionSheetField(header: string): string | null {
  const key = header.trim().toLowerCase();
  return (questionSheetColumns as readonly string[]).includes(key) ? key : null;
}

/** "luat-120-2025|Điều 5|khoản 1; blhs-2015|Điều 256a|" ⇄ citations. */
export function formatCitations(basis: readonly Citation[]): string {
  return basis.map((c) => [c.law, c.article ?? '', c.clause ?? ''].join('|')).join('; ');
}
export function parseCitations(cell: string): unknown[] {
  return cell
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [law = '', article = '', clause = ''] = part.split('|').map((s) => s.trim());
      return { law, article: article || null, clause: clause || null };
    });
}

type Row = Record<string, string | number>;

/** What a spreadsheet row holds of a question, from the bank or from the database. */
export interface QuestionLike {
  ref: string | null;
  type: Question['type'];
  topic: string;
  difficulty: number;
  audience: string;
  lawVersion: string;
  legalBasis: readonly Citation[];
  source?: string | null | undefined;
  correct: readonly string[];
  reviewedOn: string;
  vi: LocalizedQuestion;
  en?: LocalizedQuestion | null | undefined;
}

/** One question as a spreadsheet row (true/false questions use options a=t, b=f). */
export function questionToRow(q: QuestionLike): Row {
  const row: Row = {
    ref: q.ref ?? '',
    type: q.type,
    topic: q.topic,
    difficulty: q.difficulty,
    audience: q.audience,
    law_version: q.lawVersion,
    legal_basis: formatCitations(q.legalBasis),
    source: q.source ?? '',
    correct: q.correct.join(','),
    reviewed_on: q.reviewedOn,
  };
  for (const locale of ['vi', 'en'] as const) {
    const text = q[locale];
    row[`${locale}_text`] = text?.text ?? '';
    row[`${locale}_explanation`] = text?.explanation ?? '';
    for (const o of optionIds) row[`${locale}_${o}`] = text?.options[o] ?? '';
    if (q.type === 'true_false' && text) {
      row[`${locale}_a`] = text.options.t ?? '';
      row[`${locale}_b`] = text.options.f ?? '';
    }
  }
  if (q.type === 'true_false') row.correct = q.correct[0] === 't' ? 'a' : 'b';
  return row;
}

export interface SheetRowResult {
  row: number;
  ref: string;
  value: (Omit<Question, 'id'> & { ref: string | null }) | null;
  errors: FieldIssue[];
}

/** Reads spreadsheet rows into questions, validated by the same schema as the shipped bank. */
export function rowsToQuestions(
  records: readonly Record<string, string>[],
  rowNumbers: readonly number[] = [],
): SheetRowResult[] {
  return records.map((r, index) => {
    const row = rowNumbers[index] ?? index + 2;
    const cell = (k: string) => String(r[k] ?? '').trim();
    const type = cell('type');
    const tf = type === 'true_false';
    const localized = (locale: 'vi' | 'en') => {
      if (!cell(`${locale}_text`)) return undefined;
      const options: Record<string, string> = {};
      if (tf) Object.assign(options, { t: cell(`${locale}_a`), f: cell(`${locale}_b`) });
      else for (const o of optionIds) if (cell(`${locale}_${o}`)) options[o] = cell(`${locale}_${o}`);
      return { text: cell(`${locale}_text`), options, explanation: cell(`${locale}_explanation`) };
    };
    const correct = cell('correct')
      .split(/[,\s]+/)
      .filter(Boolean)
      .map((c) => c.toLowerCase())
      .map((c) => (tf ? (c === 'a' ? 't' : c === 'b' ? 'f' : c) : c));
    const candidate = {
      id: 'sheet-000',
      type,
      topic: cell('topic'),
      difficulty: Number(cell('difficulty')),
      audience: cell('audience') || 'all',
      lawVersion: cell('law_version') || 'general',
      legalBasis: parseCitations(cell('legal_basis')),
      source: cell('source') || null,
      correct,
      reviewedOn: parseSheetDate(cell('reviewed_on')) ?? cell('reviewed_on'),
      vi: localized('vi'),
      ...(localized('en') ? { en: localized('en') } : {}),
    };
    const parsed = questionSchema.safeParse(candidate);
    const ref = cell('ref');
    if (!parsed.success) {
      return {
        row,
        ref,
        value: null,
        errors: parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'question', message: i.message })),
      };
    }
    const { id: _id, ...question } = parsed.data;
    return { row, ref, value: { ...question, ref: ref || null }, errors: [] };
  });
}

/** A question file's rows, each also refused when it repeats an earlier row's question (one import, one item). */
export function checkQuestionRows(
  records: readonly Record<string, string>[],
  rowNumbers: readonly number[] = [],
): SheetRowResult[] {
  const results = rowsToQuestions(records, rowNumbers);
  const firstRow = new Map<string, number>();
  for (const r of results) {
    if (!r.value) continue;
    const key = questionKey(r.value.vi.text);
    const first = firstRow.get(key);
    if (first !== undefined) r.errors.push({ path: 'vi_text', message: `same question as row ${first}` });
    else firstRow.set(key, r.row);
  }
  return results;
}
