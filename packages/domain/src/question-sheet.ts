import {
  audiences,
  questionKey,
  questionSchema,
  questionTypes,
  topics,
  type Citation,
  type LocalizedQuestion,
  type Question,
} from './content.ts';
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

/**
 * One problem of a question row, before it is put in words: the row number in the file, the question's field
 * (`vi.options.a`), the column as the file labels it (null for a rule of the whole row), the cell as found (cut to
 * 60 characters), the rule the domain broke (its English message, see `questionProblems`), and for a column that
 * takes one of a few words, those words.
 */
export interface QuestionRowIssue {
  row: number;
  field: string;
  column: string | null;
  found: string;
  rule: string;
  values?: readonly string[];
}

export interface QuestionFileRow extends SheetRowResult {
  issues: QuestionRowIssue[];
}

/** The sheet column of a question's field path ("vi.options.a" → vi_a, "legalBasis.0.law" → legal_basis). */
export function questionColumnOf(path: string, type: string): string | null {
  const option = /^(vi|en)\.options\.([a-etf])$/.exec(path);
  if (option) {
    const id = type === 'true_false' ? (option[2] === 't' ? 'a' : option[2] === 'f' ? 'b' : option[2]) : option[2];
    return `${option[1]}_${id}`;
  }
  const [head = '', rest] = path.split('.', 2);
  if ((head === 'vi' || head === 'en') && (rest === 'text' || rest === 'explanation')) return `${head}_${rest}`;
  const columns: Record<string, string> = {
    type: 'type',
    topic: 'topic',
    difficulty: 'difficulty',
    audience: 'audience',
    lawVersion: 'law_version',
    legalBasis: 'legal_basis',
    source: 'source',
    correct: 'correct',
    reviewedOn: 'reviewed_on',
    vi: 'vi_text',
    en: 'en_text',
  };
  return columns[head] ?? null;
}

/** The cross-field rules that one column answers for (the rest concern the whole row). */
const ruleColumns: [RegExp, string][] = [
  [/correct options?|correct option/, 'correct'],
  [/^a legal item needs its legal basis$|^the law it follows/, 'legal_basis'],
  [/^a general-knowledge item needs a named source$/, 'source'],
];

/** The words a column takes, for a message that says what to type. */
const columnValues: Record<string, readonly string[]> = {
  type: questionTypes,
  topic: topics,
  audience: audiences,
  difficulty: ['1', '2', '3'],
};

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/**
 * A question file's rows, read by the column names of the header row however they are capitalised, each row also
 * refused when it repeats an earlier row's question (one import, one item), with every problem as a
 * `QuestionRowIssue` naming the column as the file labels it and what the cell holds.
 */
export function checkQuestionRows(
  records: readonly Record<string, string>[],
  rowNumbers: readonly number[] = [],
): QuestionFileRow[] {
  const labels: Record<string, string> = {};
  const keyed = records.map((record) => {
    const fields: Record<string, string> = {};
    for (const [label, value] of Object.entries(record)) {
      const field = questionSheetField(label);
      if (!field || field in fields) continue;
      fields[field] = value;
      labels[field] ??= label;
    }
    return fields;
  });
  const results = rowsToQuestions(keyed, rowNumbers);
  const firstRow = new Map<string, number>();
  for (const r of results) {
    if (!r.value) continue;
    const key = questionKey(r.value.vi.text);
    const first = firstRow.get(key);
    if (first !== undefined) r.errors.push({ path: 'question', message: `same question as row ${first}` });
    else firstRow.set(key, r.row);
  }
  return results.map((r, index) => {
    const record = keyed[index] ?? {};
    const type = String(record.type ?? '').trim();
    const issues: QuestionRowIssue[] = [];
    const named = new Set<string>();
    for (const e of r.errors) {
      const column =
        e.path === 'question'
          ? (ruleColumns.find(([rule]) => rule.test(e.message))?.[1] ?? null)
          : questionColumnOf(e.path, type);
      if (column && named.has(column)) continue;
      if (column) named.add(column);
      const found = column ? shorten(String(record[column] ?? '').trim()) : '';
      const values = column && e.path !== 'question' ? columnValues[column] : undefined;
      issues.push({
        row: r.row,
        field: e.path,
        column: column ? (labels[column] ?? column) : null,
        found,
        rule: e.message,
        ...(values ? { values } : {}),
      });
    }
    return { ...r, issues };
  });
}
