import { createRoute, z } from '@hono/zod-openapi';
import { docLang } from '../../lib/doc-locale.ts';
import { errorResponses, IdParam, json, jsonBody } from '../../lib/openapi.ts';

const organizer = ['contests'];
const participants = ['contests (participants)'];

const ShareSchema = z
  .object({
    code: z.string(),
    url: z.string(),
    /** The QR of `url` as a PNG data URL, for the console and the poster. */
    qrDataUrl: z.string(),
  })
  .openapi('ContestShare');

export const share = createRoute({
  method: 'get',
  path: '/{id}/share',
  tags: organizer,
  summary: 'The contest’s short link and its QR (the link is made, and audited, the first time)',
  request: { params: IdParam },
  responses: { 200: json(ShareSchema), ...errorResponses },
});

export const poster = createRoute({
  method: 'get',
  path: '/{id}/poster',
  tags: organizer,
  summary: 'A printable A4 poster: title, rounds and dates, the QR and how to take part (PDF, audited)',
  request: { params: IdParam, query: z.object({ lang: docLang }) },
  responses: {
    200: { description: 'PDF', content: { 'application/pdf': { schema: z.any() } } },
    ...errorResponses,
  },
});

const CodeParam = z.object({
  code: z
    .string()
    .min(1)
    .max(16)
    .openapi({ param: { name: 'code', in: 'path' } }),
});

export const resolveLink = createRoute({
  method: 'get',
  path: '/links/{code}',
  tags: participants,
  summary: 'The contest a short link names; only the id, and only for a contest participants may see',
  request: { params: CodeParam },
  responses: { 200: json(z.object({ contestId: z.string() })), ...errorResponses },
});

export const recover = createRoute({
  method: 'post',
  path: '/{id}/recover',
  tags: participants,
  summary:
    'Move a registration to this device with the phone number and recovery code: a new token (the old one stops working) and a new recovery code; attempts stay counted',
  request: {
    params: IdParam,
    body: jsonBody(z.strictObject({ phone: z.string().min(1).max(32), code: z.string().min(1).max(32) })),
  },
  responses: {
    200: json(z.object({ token: z.string(), recoveryCode: z.string(), participantId: z.string() })),
    ...errorResponses,
  },
});
