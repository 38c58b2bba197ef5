import { createRoute, z } from '@hono/zod-openapi';
import { tipAddInput, tipHandovers, tipReadInput, tipStatuses, tipSubmitInput } from '@vungxanh/domain';
import { errorResponses, json, jsonBody } from '../../lib/openapi.ts';

const tags = ['tip box (public)'];

export const box = createRoute({
  method: 'get',
  path: '/box',
  tags,
  summary: 'A commune’s tip box: its public key and villages; 404 tip_box_closed until the police open it',
  request: { query: z.object({ communeId: z.string().min(1).max(64) }) },
  responses: {
    200: json(
      z.object({
        communeId: z.string(),
        communeName: z.string(),
        publicKey: z.string(),
        villages: z.array(z.object({ id: z.string(), name: z.string() })),
      }),
    ),
    ...errorResponses,
  },
});

export const submit = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary:
    'Send a tip sealed in the browser to the commune’s key; nothing about the sender is logged or stored but the day',
  request: { body: jsonBody(tipSubmitInput) },
  responses: { 201: json(z.object({ receivedOn: z.string() })), ...errorResponses },
});

export const read = createRoute({
  method: 'post',
  path: '/read',
  tags,
  summary:
    'What the holder of a receipt code may see: status, the police replies (encrypted to the code) and their own additions',
  request: { body: jsonBody(tipReadInput) },
  responses: {
    200: json(
      z.object({
        /** The commune the tip went to: additions are sealed to its key (GET /box). */
        communeId: z.string(),
        receivedOn: z.string(),
        status: z.enum(tipStatuses),
        handedTo: z.enum(tipHandovers).nullable(),
        changedOn: z.string(),
        thread: z.array(
          z.object({
            kind: z.enum(['tipster', 'reply']),
            /** A reply's ciphertext, opened with the key derived from the receipt code; null for the tipster's own additions (sealed to the police). */
            ciphertext: z.string().nullable(),
            writtenOn: z.string(),
          }),
        ),
      }),
    ),
    ...errorResponses,
  },
});

export const add = createRoute({
  method: 'post',
  path: '/add',
  tags,
  summary: 'Add information to a tip with its receipt code (sealed to the commune key in the browser)',
  request: { body: jsonBody(tipAddInput) },
  responses: { 201: json(z.object({ writtenOn: z.string() })), ...errorResponses },
});
