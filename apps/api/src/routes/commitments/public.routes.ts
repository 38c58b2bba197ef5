import { createRoute, z } from '@hono/zod-openapi';
import { campaignKinds, entryInput, entryStatuses } from '@vungxanh/domain';
import { errorResponses, IdParam, json, jsonBody } from '../../lib/openapi.ts';
import { docLang } from '../../lib/doc-locale.ts';
import { CampaignSchema, pdf } from './commitments.routes.ts';

/** Routes of the signers' side, under /api/public/commitments: no session. */

const tags = ['commitments'];

const ReceiptSchema = z
  .object({
    code: z.string(),
    status: z.enum(entryStatuses),
    campaignTitle: z.string(),
    year: z.number().int(),
    kind: z.enum(campaignKinds),
    signedAt: z.string(),
  })
  .openapi('CommitmentReceipt');

export const publicCampaigns = createRoute({
  method: 'get',
  path: '/campaigns',
  tags,
  summary: 'Open campaigns of a commune with the units to choose from (public)',
  request: { query: z.object({ communeId: z.string().min(1).max(64) }) },
  responses: {
    200: json(
      z.object({
        communeName: z.string(),
        retentionMonths: z.number().int(),
        campaigns: z.array(CampaignSchema.omit({ demo: true, communeId: true })),
        villages: z.array(z.object({ id: z.string(), name: z.string() })),
        schools: z.array(z.object({ id: z.string(), name: z.string() })),
        organizations: z.array(z.object({ id: z.string(), name: z.string() })),
      }),
    ),
    ...errorResponses,
  },
});

const SubmitReply = ReceiptSchema.extend({ id: z.string() });

export const submit = createRoute({
  method: 'post',
  path: '/entries',
  tags,
  summary:
    'Sign a commitment (public, rate-limited). The id is made by the device: the same id and payload again answers 200 with the first receipt; another payload under it is 409',
  request: { body: jsonBody(entryInput) },
  responses: { 201: json(SubmitReply, 'Stored'), 200: json(SubmitReply, 'Already stored'), ...errorResponses },
});

export const receipt = createRoute({
  method: 'get',
  path: '/receipts/{code}',
  tags,
  summary: 'Check a receipt code: status only, no personal data (public)',
  request: {
    params: z.object({
      code: z
        .string()
        .max(20)
        .openapi({ param: { name: 'code', in: 'path' } }),
    }),
  },
  responses: { 200: json(ReceiptSchema), ...errorResponses },
});

export const receiptPdf = createRoute({
  method: 'get',
  path: '/entries/{id}/receipt',
  tags,
  summary: 'The signer’s PDF copy; needs both the entry id (known only to the signing device) and its code',
  request: { params: IdParam, query: z.object({ code: z.string().max(20).optional(), lang: docLang }) },
  responses: { 200: pdf('The signed commitment'), ...errorResponses },
});
