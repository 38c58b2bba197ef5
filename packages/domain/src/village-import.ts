import { z } from 'zod';
import { isoDate, villageKinds } from './units.ts';
import { nameKey } from './text.ts';
import type { FieldIssue } from './errors.ts';
import { parseSheetDate, type ExpectRule, type RowIssue } from './import-sheet.ts';

/** One data row of an import file: header name → cell text. */
export type ImportRecord = Record<string, string>;

const headerAliases: Record<string, string> = {
  name: 'name',
  ten: 'name',
  kind: 'kind',
  loai: 'kind',
  population: 'population',
  so_dan: 'population',
  dan_so: 'population',
  households: 'households',
  so_ho: 'households',
  mailbox_installed_on: 'mailboxInstalledOn',
  hom_thu: 'mailboxInstalledOn',
  board_installed_on: 'boardInstalledOn',
  bang_duong_day_nong: 'boardInstalledOn',
  active: 'active',
  // The labels of the downloadable template (@vungxanh/i18n `imports.villageColumns`).
  ten_thon_to_dan_pho: 'name',
  ngay_lap_hom_thu: 'mailboxInstalledOn',
  ngay_lap_bang_duong_day_nong: 'boardInstalledOn',
  dang_hoat_dong: 'active',
  mailbox_installed: 'mailboxInstalledOn',
  hotline_board_installed: 'boardInstalledOn',
  in_use: 'active',
  village_or_residential_group: 'name',
};

/** The columns of the village template, in order. */
export const villageColumns = [
  'name',
  'kind',
  'population',
  'households',
  'mailboxInstalledOn',
  'boardInstalledOn',
  'active',
] as const;

/** Maps a header cell ("Số hộ", "households") to a field, or null when unknown. */
export function importField(header: string): string | null {
  const key = nameKey(header)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return headerAliases[key] ?? null;
}

const kindAliases: Record<string, (typeof villageKinds)[number]> = {
  thon: 'thon',
  to_dan_pho: 'to_dan_pho',
  'to dan pho': 'to_dan_pho',
  tdp: 'to_dan_pho',
};

const optionalCount = z
  .string()
  .transform((s) => s.replace(/[.\s]/g, ''))
  .pipe(
    z.union([
      z.literal('').transform(() => null),
      z
        .string()
        .regex(/^\d{1,8}$/)
        .transform(Number),
    ]),
  );
// Dates as officials type them (01/04/2026, 1/4/26) or as Excel stores them, kept as YYYY-MM-DD.
const optionalDate = z.union([
  z.literal('').transform(() => null),
  z
    .string()
    .transform((s) => parseSheetDate(s) ?? s)
    .pipe(isoDate),
]);

const rowSchema = z.object({
  name: z.string().trim().min(1).max(120),
  kind: z.string().transform((s, ctx) => {
    const kind = kindAliases[nameKey(s)];
    if (!kind) {
      ctx.addIssue({ code: 'custom', message: 'kind must be thon or to_dan_pho' });
      return z.NEVER;
    }
    return kind;
  }),
  population: optionalCount,
  households: optionalCount,
  mailboxInstalledOn: optionalDate,
  boardInstalledOn: optionalDate,
  active: z
    .string()
    .transform((s) => !['0', 'false', 'no', 'khong', 'ngung'].includes(nameKey(s)))
    .default(true),
});

export type ImportedVillage = z.infer<typeof rowSchema>;

export interface ImportRowResult {
  /** The row's number in the file, as Excel shows it. */
  row: number;
  name: string;
  value: ImportedVillage | null;
  /** Each problem by field; `issues` holds what the API puts in a sentence (`importIssueMessage`). */
  errors: FieldIssue[];
  issues: RowIssue[];
}

/** What to type in a village column, for the row's sentence. */
const expectOf: Record<string, ExpectRule> = {
  name: 'text120',
  kind: 'villageKind',
  population: 'count',
  households: 'count',
  mailboxInstalledOn: 'date',
  boardInstalledOn: 'date',
};

/**
 * Validates every row of a village import; a row is valid or carries its errors.
 * Names repeated inside the file are errors on the later rows.
 */
export function validateVillageRows(
  records: readonly ImportRecord[],
  rowNumbers: readonly number[] = [],
): ImportRowResult[] {
  const seen = new Map<string, number>();
  return records.map((record, index) => {
    const row = rowNumbers[index] ?? index + 2;
    const fields: Record<string, string> = {};
    const columns: Record<string, string> = {};
    for (const [header, cell] of Object.entries(record)) {
      const field = importField(header);
      if (field && !(field in fields)) {
        fields[field] = (cell ?? '').trim();
        columns[field] = header;
      }
    }
    const parsed = rowSchema.safeParse({
      name: fields.name ?? '',
      kind: fields.kind ?? '',
      population: fields.population ?? '',
      households: fields.households ?? '',
      mailboxInstalledOn: fields.mailboxInstalledOn ?? '',
      boardInstalledOn: fields.boardInstalledOn ?? '',
      active: fields.active ?? 'true',
    });
    const issues: RowIssue[] = [];
    const issue = (field: string, expect: ExpectRule, params?: RowIssue['params']) => {
      if (issues.some((i) => i.field === field)) return;
      const found = fields[field] ?? '';
      issues.push({ row, field, column: columns[field] ?? null, found, expect, ...(params ? { params } : {}) });
    };
    if (!parsed.success)
      for (const i of parsed.error.issues) {
        const field = String(i.path[0] ?? 'name');
        issue(field, fields[field] ? (expectOf[field] ?? 'required') : 'required');
      }
    const name = (fields.name ?? '').trim();
    if (name) {
      const key = nameKey(name);
      const first = seen.get(key);
      if (first !== undefined) issue('name', 'uniqueName', { first });
      else seen.set(key, row);
    }
    const errors = issues.map((i) => ({ path: i.field, message: i.expect }));
    return { row, name, value: issues.length === 0 && parsed.success ? parsed.data : null, errors, issues };
  });
}

/** How an import file is taken: only checked, all rows or none, or the valid rows alone. */
export const importModes = ['check', 'all_or_nothing', 'valid_only'] as const;
export type ImportMode = (typeof importModes)[number];

/**
 * What an import does with its checked rows: only report them (a check, or nothing valid), refuse
 * the whole file (all or nothing with a bad row), or write the valid rows.
 */
export function importStep(mode: ImportMode, valid: number, invalid: number): 'report' | 'refuse' | 'write' {
  if (mode === 'check' || valid === 0) return 'report';
  if (mode === 'all_or_nothing' && invalid > 0) return 'refuse';
  return 'write';
}
