import { createRoute, z } from '@hono/zod-openapi';
import { questionBankKinds, releaseActions } from '@vungxanh/domain';
import { errorResponses, json, jsonBody } from '../../lib/openapi.ts';

const tags = ['content'];

export const ReleasePlanSchema = z
  .object({
    version: z.string(),
    /** Whether applying would change anything. */
    pending: z.boolean(),
    counts: z.record(z.enum(releaseActions), z.number().int()),
    lines: z.array(
      z.object({
        kind: z.enum(['lesson', 'question']),
        key: z.string(),
        title: z.string(),
        action: z.enum(releaseActions),
        /** The action in the caller's language. */
        label: z.string(),
        bank: z.enum(questionBankKinds).nullable(),
      }),
    ),
    lastApplied: z.object({ version: z.string(), appliedAt: z.string() }).nullable(),
  })
  .openapi('ContentReleasePlan');

export const previewRelease = createRoute({
  method: 'get',
  path: '/release',
  tags,
  summary: 'Preview the shipped content release: what applying it would do to each item (system admin)',
  responses: { 200: json(ReleasePlanSchema), ...errorResponses },
});

export const applyRelease = createRoute({
  method: 'post',
  path: '/release',
  tags,
  summary: 'Apply the previewed shipped content release (system admin; idempotent, audited)',
  request: {
    body: jsonBody(z.strictObject({ version: z.string().regex(/^[0-9a-f]{16}$/) })),
  },
  responses: {
    200: json(z.object({ applied: z.boolean(), plan: ReleasePlanSchema })),
    ...errorResponses,
  },
});
