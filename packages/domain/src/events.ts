import { z } from 'zod';
import { canLogActivities, mayLogFor } from './activities.ts';
import type { Actor } from './roles.ts';

export const eventTypes = ['lesson_opened', 'lesson_completed', 'quiz_completed', 'kiosk_session'] as const;
export type EventType = (typeof eventTypes)[number];

const payloads = {
  lesson_opened: z.strictObject({ lessonId: z.string().min(1).max(80) }),
  lesson_completed: z.strictObject({ lessonId: z.string().min(1).max(80) }),
  quiz_completed: z
    .strictObject({
      score: z.number().int().min(0).max(100),
      total: z.number().int().min(1).max(100),
      topic: z.string().max(40).optional(),
    })
    .refine((p) => p.score <= p.total, 'score is above total'),
  kiosk_session: z.strictObject({ seconds: z.number().int().min(0).max(86_400) }),
} as const;

/** How far a device clock may run ahead, and how old an event may be when it finally arrives. */
export const eventClock = { aheadMs: 24 * 3_600_000, maxAgeMs: 366 * 24 * 3_600_000 } as const;

/**
 * One anonymous reach event as a device sends it: a client-made UUID, a type, when it happened and
 * a small payload; never anything about a person. A phone may name the village it chose.
 */
export const reachEventSchema = z
  .strictObject({
    id: z.uuid(),
    type: z.enum(eventTypes),
    occurredAt: z.iso.datetime({ offset: true }),
    villageId: z.string().min(1).max(64).optional(),
    payload: z.record(z.string(), z.unknown()).default({}),
  })
  .superRefine((e, ctx) => {
    const parsed = payloads[e.type].safeParse(e.payload);
    if (!parsed.success)
      for (const i of parsed.error.issues)
        ctx.addIssue({ code: 'custom', path: ['payload', ...i.path.map(String)], message: i.message });
  });
export type ReachEvent = z.infer<typeof reachEventSchema>;

/** Whether an event's time is believable on arrival; events outside it are refused, not stored. */
export function eventTimeProblem(occurredAt: string, now: Date): string | null {
  const t = new Date(occurredAt).getTime();
  if (t > now.getTime() + eventClock.aheadMs) return 'occurredAt is in the future';
  if (t < now.getTime() - eventClock.maxAgeMs) return 'occurredAt is too old';
  return null;
}

export const maxEventsPerBatch = 100;

/** Pairing codes: six digits, easy to type on a touch screen, valid for 15 minutes, used once. */
export const pairingPolicy = { digits: 6, validMinutes: 15 } as const;
export const pairingCodeSchema = z.string().regex(/^\d{6}$/);

export const kioskIdleSeconds = { min: 30, max: 900, default: 90 } as const;

/**
 * Reads a phone may add to the phone-readers figure per device and Vietnam day; beyond it they are kept but count
 * nowhere, so one script cannot inflate a village's figure.
 */
export const phoneReadsPerDevicePerDay = 100;

export interface EventPlace {
  communeId: string | null;
  villageId: string | null;
  schoolId: string | null;
  /** A phone reader's own choice of village: shown as its own figure, never counted toward "reached". */
  selfDeclared: boolean;
}

const nowhere: EventPlace = { communeId: null, villageId: null, schoolId: null, selfDeclared: false };

/**
 * Where an event counts. A paired kiosk's events count for the village or school where it stands (these may mark
 * a village reached). An event without a kiosk counts only if it names an active village, and then only in the
 * phone-readers figure, while the device's daily allowance lasts; past it, or without a village, it counts nowhere.
 * Answers `unknown village` for a village that does not exist or is inactive.
 */
export function eventPlace(
  kiosk: { communeId: string; villageId: string | null; schoolId: string | null } | null,
  named: { id: string; communeId: string; active: boolean } | null | undefined,
  withinAllowance: () => boolean,
): EventPlace | 'unknown village' {
  if (kiosk)
    return { communeId: kiosk.communeId, villageId: kiosk.villageId, schoolId: kiosk.schoolId, selfDeclared: false };
  if (named === undefined) return nowhere;
  if (!named?.active) return 'unknown village';
  if (!withinAllowance()) return nowhere;
  return { communeId: named.communeId, villageId: named.id, schoolId: null, selfDeclared: true };
}

/** The devices that may send reach events besides paired kiosks and anonymous phones. */
export const reachDevices = ['officer'] as const;

/**
 * Where an event from a signed-in officer's device counts (the same figure as a paired kiosk's: it may mark a
 * village reached). It counts for the village it names, which must be active and one the officer may log outreach
 * for (`mayLogFor`: a commune admin's commune, a village head's own village); without a village, for the officer's
 * own village or school. Answers why not otherwise.
 */
export function officerEventPlace(
  actor: Actor,
  named: { id: string; communeId: string; active: boolean } | null | undefined,
): EventPlace | 'unknown village' | 'not your village' | 'villageId required' {
  if (named === undefined) {
    if (actor.communeId && actor.villageId)
      return { communeId: actor.communeId, villageId: actor.villageId, schoolId: null, selfDeclared: false };
    if (actor.communeId && actor.schoolId)
      return { communeId: actor.communeId, villageId: null, schoolId: actor.schoolId, selfDeclared: false };
    return 'villageId required';
  }
  if (!named?.active) return 'unknown village';
  const inScope = actor.role === 'system' || actor.communeId === named.communeId;
  if (!inScope || !canLogActivities(actor) || !mayLogFor(actor, { villageIds: [named.id], schoolIds: [] }))
    return 'not your village';
  return { communeId: named.communeId, villageId: named.id, schoolId: null, selfDeclared: false };
}
