import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, json } from '../../lib/openapi.ts';

const Report = z.object({
  count: z.number().int(),
  longestShare: z.number(),
  longestFlagged: z.boolean(),
  trueShare: z.number(),
  trueFalseFlagged: z.boolean(),
  multipleFlagged: z.boolean(),
  groups: z.number().int(),
  proposals: z.array(z.object({ ids: z.array(z.string()), reasons: z.array(z.string()) })),
  ineligible: z.array(z.object({ id: z.string(), reason: z.string() })),
});

export const gates = createRoute({
  method: 'get',
  path: '/gates',
  tags: ['content'],
  summary: 'Quality-gate reports per question bank the caller edits (content editors only)',
  responses: {
    200: json(
      z
        .object({
          banks: z.array(z.object({ bank: z.enum(['practice', 'contest']), scope: z.string(), report: Report })),
        })
        .openapi('BankGates'),
    ),
    ...errorResponses,
  },
});
