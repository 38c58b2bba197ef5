import { createRoute, z } from '@hono/zod-openapi';
import {
  tipHandovers,
  tipKeyGrantWrap,
  tipKeySetupInput,
  tipMessageInput,
  tipStatuses,
  tipStatusInput,
  wrappedKeySchema,
} from '@vungxanh/domain';
import { docLang } from '../../lib/doc-locale.ts';
import { errorResponses, IdParam, json, jsonBody, OkSchema } from '../../lib/openapi.ts';

const tags = ['tip box (police)'];

const Wrapped = wrappedKeySchema;

const BoxSchema = z
  .object({
    communeId: z.string(),
    /** Null until an officer creates the commune's key. */
    publicKey: z.string().nullable(),
    createdOn: z.string().nullable(),
    /** The caller's own wrap of the private key; null when the caller holds none. */
    myWrap: z.object({ wrapped: Wrapped, provisional: z.boolean() }).nullable(),
    /** Who holds a wrap: officers by account id, and 'recovery' for the printed recovery sheet. */
    holders: z.array(
      z.object({ holder: z.string(), name: z.string().nullable(), provisional: z.boolean(), grantedOn: z.string() }),
    ),
    /** The commune's police officers, for giving access. */
    officers: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .openapi('TipBox');

export const box = createRoute({
  method: 'get',
  path: '/box',
  tags,
  summary: 'The commune’s tip-box key: public key, the caller’s wrapped private key, who holds access (commune police)',
  responses: { 200: json(BoxSchema), ...errorResponses },
});

export const createBox = createRoute({
  method: 'post',
  path: '/box',
  tags,
  summary:
    'Create the commune’s key pair (made in the browser): the public key, the officer’s wrap and the recovery sheet’s wrap',
  request: { body: jsonBody(tipKeySetupInput) },
  responses: { 201: json(BoxSchema), ...errorResponses },
});

const HolderParam = z.object({
  holder: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'holder', in: 'path' } }),
});

export const recoveryWrap = createRoute({
  method: 'get',
  path: '/box/wraps/recovery',
  tags,
  summary: 'The recovery sheet’s wrap, to open the key with the sheet’s passphrase (commune police)',
  responses: { 200: json(z.object({ wrapped: Wrapped })), ...errorResponses },
});

export const putWrap = createRoute({
  method: 'put',
  path: '/box/wraps/{holder}',
  tags,
  summary:
    'Store a wrap of the private key: the caller’s own (a new passphrase), another officer’s (access given, provisional until they choose their own passphrase) or a new recovery sheet',
  request: { params: HolderParam, body: jsonBody(tipKeyGrantWrap) },
  responses: { 200: json(BoxSchema), ...errorResponses },
});

export const deleteWrap = createRoute({
  method: 'delete',
  path: '/box/wraps/{holder}',
  tags,
  summary: 'Take an officer’s access away (their wrap is deleted)',
  request: { params: HolderParam },
  responses: { 200: json(BoxSchema), ...errorResponses },
});

const TipSummary = z
  .object({
    id: z.string(),
    villageId: z.string().nullable(),
    villageName: z.string().nullable(),
    receivedOn: z.string(),
    status: z.enum(tipStatuses),
    handedTo: z.enum(tipHandovers).nullable(),
    changedOn: z.string(),
    /** Size of the sealed tip in characters (a photo makes it large). */
    size: z.number().int(),
    messages: z.number().int(),
  })
  .openapi('TipSummary');

export const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The commune’s tips, newest first, without content (commune police)',
  request: { query: z.object({ status: z.enum(tipStatuses).optional() }) },
  responses: { 200: json(z.object({ items: z.array(TipSummary) })), ...errorResponses },
});

const TipDetail = TipSummary.extend({
  ciphertext: z.string(),
  thread: z.array(
    z.object({
      seq: z.number().int(),
      kind: z.enum(['tipster', 'reply', 'note']),
      ciphertext: z.string(),
      writtenOn: z.string(),
      authorName: z.string().nullable(),
    }),
  ),
}).openapi('TipDetail');

export const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One tip: its sealed content and messages, to open in the officer’s browser (commune police)',
  request: { params: IdParam },
  responses: { 200: json(TipDetail), ...errorResponses },
});

export const setStatus = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Change a tip’s status; passed_on names the police level it went to (audited)',
  request: { params: IdParam, body: jsonBody(tipStatusInput) },
  responses: { 200: json(TipDetail), ...errorResponses },
});

export const addMessage = createRoute({
  method: 'post',
  path: '/{id}/messages',
  tags,
  summary:
    'A reply the tipster reads with their receipt code, or an internal note sealed to the commune key (audited, without content)',
  request: { params: IdParam, body: jsonBody(tipMessageInput) },
  responses: { 201: json(TipDetail), ...errorResponses },
});

export const figures = createRoute({
  method: 'get',
  path: '/figures',
  tags,
  summary: 'Tips counted by month and status for a year, no content (commune police, commune admins, province viewers)',
  request: {
    query: z.object({
      year: z.coerce.number().int().min(2020).max(2100).optional(),
      communeId: z.string().min(1).max(64).optional(),
    }),
  },
  responses: {
    200: json(
      z.object({
        communeId: z.string(),
        year: z.number().int(),
        open: z.boolean(),
        figures: z.array(z.object({ month: z.string(), status: z.enum(tipStatuses), count: z.number().int() })),
        total: z.number().int(),
      }),
    ),
    ...errorResponses,
  },
});

export const poster = createRoute({
  method: 'get',
  path: '/poster',
  tags,
  summary:
    'A village’s A4 poster: the QR to the tip box with the hotline numbers, for the board in the cultural house (PDF, audited)',
  request: { query: z.object({ villageId: z.string().min(1).max(64).optional(), lang: docLang }) },
  responses: {
    200: { description: 'PDF', content: { 'application/pdf': { schema: z.any() } } },
    ...errorResponses,
  },
});

export { OkSchema };
