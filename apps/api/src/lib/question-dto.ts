import { z } from '@hono/zod-openapi';
import {
  audiences,
  checkQuestionRows,
  citationSchema,
  contentStatuses,
  questionBankKinds,
  questionKey,
  questionSheetField,
  questionTypes,
  topics,
} from '@vungxanh/domain';
import type { schema } from '@vungxanh/db';
import type { Locale } from '@vungxanh/i18n';
import { importsMessage, questionImportIssueMessage } from '@vungxanh/i18n/server';
import { readTable } from './tabular.ts';

const Localized = z.object({ text: z.string(), options: z.record(z.string(), z.string()), explanation: z.string() });

/** A question as the console reads it: the content feature's practice bank and the contests' own bank share it. */
export const QuestionSchema = z
  .object({
    id: z.string(),
    communeId: z.string().nullable(),
    ref: z.string().nullable(),
    bank: z.enum(questionBankKinds),
    group: z.string().nullable(),
    releasedAt: z.string().nullable(),
    type: z.enum(questionTypes),
    topic: z.enum(topics),
    difficulty: z.number().int(),
    audience: z.enum(audiences),
    lawVersion: z.string(),
    legalBasis: z.array(citationSchema),
    source: z.string().nullable(),
    correct: z.array(z.string()),
    vi: Localized,
    en: Localized.nullable(),
    reviewedOn: z.string(),
    status: z.enum(contentStatuses),
    updatedAt: z.string(),
  })
  .openapi('Question');

export const toQuestion = (r: typeof schema.questions.$inferSelect) => ({
  id: r.id,
  communeId: r.communeId,
  ref: r.ref,
  bank: r.bank,
  group: r.exclusionGroup,
  releasedAt: r.releasedAt?.toISOString() ?? null,
  type: r.type,
  topic: r.topic,
  difficulty: r.difficulty,
  audience: r.audience,
  lawVersion: r.lawVersion,
  legalBasis: r.legalBasis,
  source: r.source,
  correct: r.correct,
  vi: r.vi,
  en: r.en,
  reviewedOn: r.reviewedOn,
  status: r.status,
  updatedAt: r.updatedAt.toISOString(),
});

/** A row of a question import's report: what happens to it, its problems, and why it is not written again. */
export const questionReportRow = {
  ref: z.string(),
  action: z.enum(['create', 'update', 'exists', 'error']),
  note: z.string().optional(),
};

/** What a question bank already holds of a file's questions (see `storedQuestionKeys` in @vungxanh/db). */
type Stored = (
  textKeys: readonly string[],
  refs: readonly string[],
) => Promise<{ textKeys: Set<string>; refs: Set<string> }>;

/**
 * A question file read and checked, for both question imports (the practice bank and a contest's own): the rows
 * to write, and the report the console shows, with each row's problems in the reader's language. A row whose
 * question the bank already holds is not written again (a file uploaded twice creates nothing twice); with
 * `updatesByRef`, a row whose ref the bank holds updates that question instead.
 */
export async function checkQuestionFile<M extends string>(
  file: File,
  mode: M,
  locale: Locale,
  stored: Stored,
  updatesByRef: boolean,
) {
  const { records, rowNumbers } = await readTable(file, locale, questionSheetField);
  // Rows keep the file's own column labels; the domain reads them by name and names them back in its problems.
  const results = checkQuestionRows(records, rowNumbers);
  const checked = results.filter((r) => r.value && r.errors.length === 0);
  const found = await stored(
    checked.map((r) => questionKey(r.value!.vi.text)),
    updatesByRef ? checked.flatMap((r) => (r.value!.ref ? [r.value!.ref] : [])) : [],
  );
  const actionOf = (r: (typeof results)[number]) => {
    if (!r.value || r.errors.length > 0) return 'error' as const;
    if (updatesByRef && r.value.ref && found.refs.has(r.value.ref)) return 'update' as const;
    return found.textKeys.has(questionKey(r.value.vi.text)) ? ('exists' as const) : ('create' as const);
  };
  const actions = results.map(actionOf);
  const valid = results.filter((_, i) => actions[i] === 'create' || actions[i] === 'update');
  const invalid = actions.filter((a) => a === 'error').length;
  const existing = actions.filter((a) => a === 'exists').length;
  const report = {
    mode,
    valid: results.length - invalid,
    invalid,
    existing,
    rows: results.map((r, i) => ({
      row: r.row,
      ref: r.ref,
      action: actions[i]!,
      errors: r.issues.map((issue) => ({ path: issue.field, message: questionImportIssueMessage(issue, locale) })),
      ...(actions[i] === 'exists' ? { note: importsMessage('questionExists', locale, { row: r.row }) } : {}),
    })),
  };
  return { valid, report };
}
