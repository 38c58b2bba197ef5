import { createRoute, z } from '@hono/zod-openapi';
import { citationSchema } from '@vungxanh/domain';
import { errorResponses, IdParam, json } from '../../lib/openapi.ts';

const token = z.object({ 'x-participant-token': z.string().max(100).optional() });

export const ReviewSchema = z
  .object({
    attemptId: z.string(),
    attemptNo: z.number().int(),
    /** Whether this is the attempt that counts for the ranking, per the round's rule. */
    counts: z.boolean(),
    countedAttemptId: z.string().nullable(),
    score: z.number().int(),
    total: z.number().int(),
    questions: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        options: z.array(z.object({ id: z.string(), text: z.string() })),
        chosen: z.array(z.string()),
        correct: z.array(z.string()),
        right: z.boolean(),
        explanation: z.string(),
        legalBasis: z.array(citationSchema),
      }),
    ),
  })
  .openapi('AttemptReview');

export const review = createRoute({
  method: 'get',
  path: '/attempts/{id}/review',
  tags: ['contests (participants)'],
  summary: 'After the round has ended: the participant’s answers with the right ones, explanations and citations',
  request: { params: IdParam, headers: token },
  responses: { 200: json(ReviewSchema), ...errorResponses },
});
