import { z } from '@hono/zod-openapi';
import { audiences, citationSchema, contentStatuses, questionBankKinds, questionTypes, topics } from '@vungxanh/domain';
import type { schema } from '@vungxanh/db';

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
