import { z } from 'zod';
import type { Actor } from './roles.ts';
import { isoDate } from './units.ts';

/** Outreach activities (DESIGN.md §4): what was done, where, for whom. */

export const activityTypes = [
  'meeting',
  'loudspeaker',
  'poster',
  'school_session',
  'stage',
  'social_media',
  'one_to_one',
  'other',
] as const;
export type ActivityType = (typeof activityTypes)[number];

export const audienceGroups = ['general', 'youth', 'students', 'high_risk', 'families'] as const;

/** Photos per activity, and the size an upload is reduced to. */
export const activityPhotoPolicy = {
  maxPhotos: 4,
  maxInputBytes: 12 * 1024 * 1024,
  maxEdgePx: 1600,
  jpegQuality: 80,
} as const;

const unitIds = z.array(z.string().min(1).max(64)).max(200);

const activityFields = {
  date: isoDate,
  type: z.enum(activityTypes),
  villageIds: unitIds,
  schoolIds: unitIds,
  audienceGroup: z.enum(audienceGroups),
  participants: z.number().int().min(0).max(1_000_000).nullable(),
  organizer: z.string().trim().max(200).nullable(),
  notes: z.string().trim().max(2000).nullable(),
};

const reachesSomewhere = (a: { villageIds?: string[]; schoolIds?: string[] }) =>
  a.villageIds === undefined || a.schoolIds === undefined || a.villageIds.length + a.schoolIds.length > 0;
const noRepeats = (ids: string[] | undefined) => !ids || new Set(ids).size === ids.length;

/** A new activity; the id is made by the client so that a retried submit stores it once. */
export const activityInput = z
  .strictObject({
    id: z.uuid(),
    ...activityFields,
    participants: activityFields.participants.default(null),
    organizer: activityFields.organizer.default(null),
    notes: activityFields.notes.default(null),
    audienceGroup: activityFields.audienceGroup.default('general'),
    schoolIds: unitIds.default([]),
    villageIds: unitIds.default([]),
  })
  .refine(reachesSomewhere, { path: ['villageIds'], message: 'name at least one village or school' })
  .refine((a) => noRepeats(a.villageIds) && noRepeats(a.schoolIds), {
    path: ['villageIds'],
    message: 'a unit is named twice',
  });

export const activityPatch = z
  .strictObject(activityFields)
  .partial()
  .refine((a) => a.villageIds === undefined || a.schoolIds === undefined || reachesSomewhere(a), {
    path: ['villageIds'],
    message: 'name at least one village or school',
  })
  .refine((a) => noRepeats(a.villageIds) && noRepeats(a.schoolIds), {
    path: ['villageIds'],
    message: 'a unit is named twice',
  });

export type ActivityInput = z.infer<typeof activityInput>;
export type ActivityPatch = z.infer<typeof activityPatch>;

/** The roles that write to the outreach log. */
export function canLogActivities(actor: Actor): boolean {
  return ['system', 'commune_admin', 'village_head', 'school_staff'].includes(actor.role);
}

/**
 * Whether the actor may record (or change) an activity that reaches these units. Village heads only for their
 * own village, school staff only for their own school; commune admins anywhere in their commune (the caller has
 * already checked that the units belong to the commune).
 */
export function mayLogFor(actor: Actor, units: { villageIds: readonly string[]; schoolIds: readonly string[] }) {
  switch (actor.role) {
    case 'system':
    case 'commune_admin':
      return true;
    case 'village_head':
      return units.schoolIds.length === 0 && units.villageIds.every((v) => v === actor.villageId);
    case 'school_staff':
      return units.villageIds.length === 0 && units.schoolIds.every((s) => s === actor.schoolId);
    default:
      return false;
  }
}

/** An activity may not be dated after today in Vietnam: a log records what happened. */
export function isFutureDate(date: string, todayVn: string): boolean {
  return date > todayVn;
}
