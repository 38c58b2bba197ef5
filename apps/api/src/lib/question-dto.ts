import { z } from '@hono/zod-openapi';
import {
  audiences,
  checkQuestionRows,
  citationSchema,
  contentStatuses,
  questionBankKinds,
  questionSheetField,
  questionTypes,
  topics,
} from '@vungxanh/domain';
import type { schema } from '@vungxanh/db';
import type { Locale } from '@vungxanh/i18n';
import { questionImportIssueMessage } from '@vungxanh/i18n/server';
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

/**
 * A question file read and checked, for both question imports (the practice bank and a contest's own): the rows
 * that pass, and the report the console shows, with each row's problems in the reader's language.
 */
export async function checkQuestionFile<M extends string>(file: File, mode: M, locale: Locale) {
  const { records, rowNumbers } = await readTable(file, locale, questionSheetField);
  // Rows keep the file's own column labels; the domain reads them by name and names them back in its problems.
  const results = checkQuestionRows(records, rowNumbers);
  const valid = results.filter((r) => r.value && r.errors.length === 0);
  const report = {
    mode,
    valid: valid.length,
    invalid: results.length - valid.length,
    rows: results.map((r) => ({
      row: r.row,
      ref: r.ref,
      errors: r.issues.map((i) => ({ path: i.field, message: questionImportIssueMessage(i, locale) })),
    })),
  };
  return { valid, report };
}
