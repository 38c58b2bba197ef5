import { questionRuleMessage } from './question-rules.ts';
import { resources } from './resources.ts';
import type { Locale } from './index.ts';

export { resources };

/** The message for an error code in a locale, for the API's error shape (both languages held in memory). */
export function errorMessage(code: string, locale: Locale): string {
  const table = resources[locale].errors as Record<string, string>;
  return table[code] ?? table.internal ?? code;
}

/** One problem in one row of an import file, as the domain reports it (`RowIssue` in @vungxanh/domain). */
export interface ImportIssue {
  row: number;
  field: string;
  column: string | null;
  found: string;
  expect: string;
  params?: Record<string, string | number>;
}

function fill(message: string, values: Record<string, string | number>) {
  return message.replace(/\{\{\s*(\w+)\s*\}\}/g, (all, name: string) => String(values[name] ?? all));
}

/**
 * A row's problem as one sentence in the user's language: the row number, the column as the file
 * labels it (or the template's label when the file has no such column), what was found and what to type.
 */
export function importIssueMessage(issue: ImportIssue, locale: Locale, columnLabel?: string): string {
  const m = resources[locale].imports;
  const params = { ...issue.params };
  if (typeof params.target === 'string' && params.target in m.targets)
    params.target = m.targets[params.target as keyof typeof m.targets];
  const expect = fill((m.expect as Record<string, string>)[issue.expect] ?? '', params);
  const column = issue.column ?? columnLabel ?? issue.field;
  return fill(issue.found ? m.issue.found : m.issue.empty, { row: issue.row, column, found: issue.found, expect });
}

/** A message lookup for one language, for the messages shared with the console (see question-rules.ts). */
export function translator(locale: Locale): (key: string, params?: Record<string, string>) => string {
  return (key, params = {}) => {
    let node: unknown = resources[locale];
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    return typeof node === 'string' ? fill(node, params) : key;
  };
}

/** A problem of a question row (a rule, or a field check worded by zod in English) in the reader's language. */
function questionIssueMessage(message: string, locale: Locale): string {
  const t = translator(locale);
  const known = questionRuleMessage(message, t);
  if (known) return known;
  if (locale === 'en') return message;
  const min = /expected string to have >=(\d+)/.exec(message);
  if (min)
    return Number(min[1]) <= 1 ? t('admin.validation.required') : t('admin.validation.minChars', { min: min[1]! });
  const max = /expected string to have <=(\d+)/.exec(message);
  if (max) return t('admin.validation.maxChars', { max: max[1]! });
  if (/^required$|received undefined/.test(message)) return t('admin.validation.required');
  return t('admin.validation.invalid');
}

/** One problem of a question row, as the domain reports it (`QuestionRowIssue` in @vungxanh/domain). */
export interface QuestionImportIssue {
  row: number;
  field: string;
  column: string | null;
  found: string;
  rule: string;
  values?: readonly string[];
}

/**
 * A question row's problem as one sentence in the reader's language, like every import's: the row number, the
 * column as the file labels it, what the cell holds and what to type (the words the column takes, or the rule).
 */
export function questionImportIssueMessage(issue: QuestionImportIssue, locale: Locale): string {
  const m = resources[locale].imports;
  const expect = issue.values
    ? fill(m.expect.oneOf, { values: issue.values.join(', ') })
    : issue.field === 'reviewedOn'
      ? m.expect.date
      : issue.field === 'lawVersion'
        ? m.expect.lawCode
        : questionIssueMessage(issue.rule, locale);
  if (!issue.column) return fill(m.issue.row, { row: issue.row, expect });
  return fill(issue.found ? m.issue.found : m.issue.empty, {
    row: issue.row,
    column: issue.column,
    found: issue.found,
    expect,
  });
}

/** A message of the `imports` section with its placeholders filled in. */
export function importsMessage(
  key: 'exists' | 'repeated' | 'questionExists',
  locale: Locale,
  values: Record<string, string | number>,
): string {
  return fill(resources[locale].imports.issue[key], values);
}
