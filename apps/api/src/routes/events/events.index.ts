import type { Context } from 'hono';
import { createRoute, z } from '@hono/zod-openapi';
import { AppError, canLogActivities, maxEventsPerBatch, reachDevices, vnDate } from '@vungxanh/domain';
import { auditContext } from '../../lib/audit.ts';
import { clientIp } from '../../lib/client-ip.ts';
import type { AppEnv } from '../../lib/context.ts';
import { createRouter } from '../../lib/create-router.ts';
import { errorResponses, json, jsonBody } from '../../lib/openapi.ts';
import { deviceKiosk } from '../../lib/device.ts';
import { attachSession, requireAuth } from '../../lib/session.ts';
import { recordReach } from '../../use-cases/record-reach.ts';

const route = createRoute({
  method: 'post',
  path: '/',
  tags: ['events'],
  summary: 'Anonymous reach events in batches (public; a paired kiosk adds Authorization: Bearer)',
  description:
    "Each event carries its client-made UUID. Stored and already-stored ids are both acknowledged, so the device can drop them from its outbox; events that can never be stored are listed as rejected with the reason. `device: \"officer\"` sends them from a signed-in officer's device (a role that logs outreach, with the session cookie): they count for the village they name, within the officer's scope, as a paired kiosk's do, and the batch is audited (`record_reach`).",
  request: {
    body: jsonBody(
      z.strictObject({
        events: z.array(z.unknown()).min(1).max(maxEventsPerBatch),
        device: z.enum(reachDevices).optional(),
      }),
    ),
  },
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
  const body = c.req.valid('json');
  const officer = body.device === 'officer' ? await signedInOfficer(c) : null;
  const now = new Date();
  // Phones carry no identity; their address and the Vietnam day stand for "a device on a day".
  const day = `phone:${ip}:${vnDate(now.getTime())}`;
  const result = await recordReach(db, {
    kiosk: officer ? null : await deviceKiosk(c),
    officer,
    events: body.events,
    now,
    withinPhoneAllowance: () => limits.phoneReads.hit(day) === 0,
    onStored: (occurredAt) => c.get('deps').metrics.eventsIngested(occurredAt, now),
  });
  return c.json(result, 200);
});

/** The caller of an officer's batch: signed in (401), in a role that logs outreach (403), and no kiosk token (422). */
async function signedInOfficer(c: Context<AppEnv>) {
  await attachSession(c);
  const { actor } = requireAuth(c);
  if (!canLogActivities(actor)) throw new AppError(403, 'forbidden');
  if (c.req.header('authorization'))
    throw new AppError(422, 'validation_failed', {}, [
      { path: 'device', message: 'an officer’s device sends no kiosk token' },
    ]);
  return { actor, audit: auditContext(c) };
}
