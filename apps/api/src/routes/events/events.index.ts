import { createRoute, z } from '@hono/zod-openapi';
import { AppError, maxEventsPerBatch, vnDate } from '@vungxanh/domain';
import { clientIp } from '../../lib/client-ip.ts';
import { createRouter } from '../../lib/create-router.ts';
import { errorResponses, json, jsonBody } from '../../lib/openapi.ts';
import { deviceKiosk } from '../../lib/device.ts';
import { recordReach } from '../../use-cases/record-reach.ts';

const route = createRoute({
  method: 'post',
  path: '/',
  tags: ['events'],
  summary: 'Anonymous reach events in batches (public; a paired kiosk adds Authorization: Bearer)',
  description:
    'Each event carries its client-made UUID. Stored and already-stored ids are both acknowledged, so the device can drop them from its outbox; events that can never be stored are listed as rejected with the reason.',
  request: { body: jsonBody(z.strictObject({ events: z.array(z.unknown()).min(1).max(maxEventsPerBatch) })) },
  responses: {
    200: json(
      z.object({
        acknowledged: z.array(z.string()),
        stored: z.number().int(),
        rejected: z.array(z.object({ id: z.string().nullable(), reason: z.string() })),
      }),
    ),
    ...errorResponses,
  },
});

export const eventsRouter = createRouter().openapi(route, async (c) => {
  const { db, limits } = c.get('deps');
  const ip = clientIp(c);
  const wait = limits.events.hit(`events:${ip}`);
  if (wait) throw new AppError(429, 'rate_limited', { retryAfter: wait });
  const now = new Date();
  // Phones carry no identity; their address and the Vietnam day stand for "a device on a day".
  const day = `phone:${ip}:${vnDate(now.getTime())}`;
  const result = await recordReach(db, {
    kiosk: await deviceKiosk(c),
    events: c.req.valid('json').events,
    now,
    withinPhoneAllowance: () => limits.phoneReads.hit(day) === 0,
    onStored: (occurredAt) => c.get('deps').metrics.eventsIngested(occurredAt, now),
  });
  return c.json(result, 200);
});
