import { createRoute, z } from '@hono/zod-openapi';
import { kioskIdleSeconds, pairingCodeSchema } from '@vungxanh/domain';
import { errorResponses, IdParam, json, jsonBody } from '../../lib/openapi.ts';

export const KioskSchema = z
  .object({
    id: z.string(),
    communeId: z.string(),
    name: z.string(),
    villageId: z.string().nullable(),
    schoolId: z.string().nullable(),
    idleSeconds: z.number().int(),
    status: z.enum(['pending', 'paired', 'revoked']),
    pairingExpiresAt: z.string().nullable(),
    pairedAt: z.string().nullable(),
    lastSeenAt: z.string().nullable(),
    viVoice: z.boolean().nullable(),
    eventsCount: z.number().int(),
  })
  .openapi('Kiosk');

const idle = z.number().int().min(kioskIdleSeconds.min).max(kioskIdleSeconds.max);
const tags = ['kiosks'];

export const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The commune’s kiosks with their place, last contact and events sent',
  request: { query: z.object({ communeId: z.string().max(64).optional() }) },
  responses: { 200: json(z.object({ items: z.array(KioskSchema) })), ...errorResponses },
});

const WithCode = z.object({ kiosk: KioskSchema, pairingCode: z.string(), expiresAt: z.string() });

export const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Add a kiosk for a village or a school; answers a pairing code valid 15 minutes',
  request: {
    body: jsonBody(
      z
        .strictObject({
          name: z.string().trim().min(1).max(120),
          villageId: z.string().max(64).optional(),
          schoolId: z.string().max(64).optional(),
          idleSeconds: idle.default(kioskIdleSeconds.default),
        })
        .refine((k) => !!k.villageId !== !!k.schoolId, 'name either a village or a school'),
    ),
  },
  responses: { 201: json(WithCode, 'Created'), ...errorResponses },
});

export const update = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  request: {
    params: IdParam,
    body: jsonBody(z.strictObject({ name: z.string().trim().min(1).max(120), idleSeconds: idle }).partial()),
  },
  responses: { 200: json(KioskSchema), ...errorResponses },
});

export const newCode = createRoute({
  method: 'post',
  path: '/{id}/pairing-code',
  tags,
  summary: 'A fresh pairing code (the old one stops working); pairing again replaces the device',
  request: { params: IdParam },
  responses: { 200: json(WithCode), ...errorResponses },
});

export const revoke = createRoute({
  method: 'post',
  path: '/{id}/revoke',
  tags,
  summary: 'Revoke a kiosk: its device token and any pairing code stop working',
  request: { params: IdParam },
  responses: { 200: json(KioskSchema), ...errorResponses },
});

export const DeviceSchema = z
  .object({
    kioskId: z.string(),
    name: z.string(),
    communeId: z.string(),
    villageId: z.string().nullable(),
    schoolId: z.string().nullable(),
    placeName: z.string(),
    idleSeconds: z.number().int(),
  })
  .openapi('KioskDevice');

export const pair = createRoute({
  method: 'post',
  path: '/pair',
  tags,
  summary: 'On the device: trade a pairing code for a device token (public, rate-limited)',
  request: { body: jsonBody(z.strictObject({ code: pairingCodeSchema })) },
  responses: { 200: json(z.object({ deviceToken: z.string(), device: DeviceSchema })), ...errorResponses },
});

export const me = createRoute({
  method: 'get',
  path: '/me',
  tags,
  summary: 'On the device: its kiosk settings (Authorization: Bearer device token); also its heartbeat',
  // The heartbeat says whether the device can read lessons aloud in Vietnamese, so the console can show it.
  request: { query: z.object({ viVoice: z.enum(['yes', 'no']).optional() }) },
  responses: { 200: json(DeviceSchema), ...errorResponses },
});
