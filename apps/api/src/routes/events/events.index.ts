import { createRoute, z } from '@hono/zod-openapi';
import { AppError, eventTimeProblem, maxEventsPerBatch, reachEventSchema } from '@vungxanh/domain';
import { getUnit, storeEvents, type EventRow } from '@vungxanh/db';
import { clientIp } from '../../lib/client-ip.ts';
import { createRouter } from '../../lib/create-router.ts';
import { errorResponses, json, jsonBody } from '../../lib/openapi.ts';
import { deviceKiosk } from '../kiosks/kiosks.handlers.ts';

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
  const wait = limits.events.hit(`events:${clientIp(c)}`);
  if (wait) throw new AppError(429, 'rate_limited', { retryAfter: wait });
  const kiosk = await deviceKiosk(c);
  const now = new Date();
  const rows: EventRow[] = [];
  const rejected: { id: string | null; reason: string }[] = [];
  const villages = new Map<string, { communeId: string; active: boolean } | null>();
  for (const raw of c.req.valid('json').events) {
    const parsed = reachEventSchema.safeParse(raw);
    const id =
      typeof (raw as { id?: unknown })?.id === 'string' ? String((raw as { id: string }).id).slice(0, 64) : null;
    if (!parsed.success) {
      rejected.push({ id, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      continue;
    }
    const e = parsed.data;
    const timeProblem = eventTimeProblem(e.occurredAt, now);
    if (timeProblem) {
      rejected.push({ id: e.id, reason: timeProblem });
      continue;
    }
    let place: Pick<EventRow, 'communeId' | 'villageId' | 'schoolId' | 'selfDeclared'>;
    if (kiosk) {
      place = { communeId: kiosk.communeId, villageId: kiosk.villageId, schoolId: kiosk.schoolId, selfDeclared: false };
    } else if (e.villageId) {
      if (!villages.has(e.villageId)) {
        const v = await getUnit(db, 'villages', e.villageId);
        villages.set(e.villageId, v ? { communeId: v.communeId, active: v.active } : null);
      }
      const village = villages.get(e.villageId);
      if (!village?.active) {
        rejected.push({ id: e.id, reason: 'unknown village' });
        continue;
      }
      place = { communeId: village.communeId, villageId: e.villageId, schoolId: null, selfDeclared: true };
    } else {
      place = { communeId: null, villageId: null, schoolId: null, selfDeclared: false };
    }
    rows.push({
      id: e.id,
      type: e.type,
      occurredAt: new Date(e.occurredAt),
      kioskId: kiosk?.id ?? null,
      payload: e.payload,
      ...place,
    });
  }
  const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
  const stored = await storeEvents(db, unique, now, kiosk?.id ?? null);
  c.get('deps').metrics.eventsIngested(
    unique.map((r) => r.occurredAt),
    now,
  );
  return c.json({ acknowledged: unique.map((r) => r.id), stored, rejected }, 200);
});
