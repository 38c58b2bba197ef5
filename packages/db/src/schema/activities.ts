import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { activityTypes, audienceGroups } from '@vungxanh/domain';
import { accounts } from './accounts.ts';
import { createdAt, updatedAt } from './columns.ts';
import { communes } from './communes.ts';
import { schools } from './schools.ts';
import { villages } from './villages.ts';

/**
 * A logged outreach activity. The id is made by the client, so a retried submit finds the row it already wrote.
 * `date` is the Vietnam calendar day it took place (YYYY-MM-DD), which is what periods are cut on.
 */
export const activities = sqliteTable(
  'activities',
  {
    id: text('id').primaryKey(),
    communeId: text('commune_id')
      .notNull()
      .references(() => communes.id),
    date: text('date').notNull(),
    type: text('type', { enum: activityTypes }).notNull(),
    audienceGroup: text('audience_group', { enum: audienceGroups }).notNull(),
    participants: integer('participants'),
    organizer: text('organizer'),
    notes: text('notes'),
    createdBy: text('created_by').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('activities_commune_date_idx').on(t.communeId, t.date)],
);

/**
 * The villages and schools an activity reached, one row each. Commune and date are copied here so that coverage
 * for a period is one indexed range scan, without a join.
 */
export const activityUnits = sqliteTable(
  'activity_units',
  {
    activityId: text('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    /** `v:<villageId>` or `s:<schoolId>`: one key column keeps the primary key simple. */
    unitKey: text('unit_key').notNull(),
    communeId: text('commune_id').notNull(),
    date: text('date').notNull(),
    villageId: text('village_id').references(() => villages.id),
    schoolId: text('school_id').references(() => schools.id),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.unitKey] }),
    index('activity_units_commune_date_idx').on(t.communeId, t.date, t.villageId, t.schoolId, t.activityId),
    index('activity_units_village_date_idx').on(t.villageId, t.date),
    index('activity_units_school_date_idx').on(t.schoolId, t.date),
  ],
);

/** Photos are kept already resized (JPEG, metadata stripped); stored in the database so backups hold them. */
export const activityPhotos = sqliteTable(
  'activity_photos',
  {
    id: text('id').primaryKey(),
    activityId: text('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    communeId: text('commune_id').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('activity_photos_activity_idx').on(t.activityId)],
);

/** Per-commune choices for the coverage indicators (whether kiosk and online reach counts, and from how many events). */
export const coverageSettings = sqliteTable('coverage_settings', {
  communeId: text('commune_id')
    .primaryKey()
    .references(() => communes.id),
  digitalReachCounts: integer('digital_reach_counts', { mode: 'boolean' }).notNull().default(false),
  minEvents: integer('min_events').notNull().default(20),
  updatedAt: updatedAt(),
});
