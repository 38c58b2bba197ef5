import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { instant } from './columns.ts';

/**
 * Anonymous reach: the id is the device's own UUID, so a replayed batch stores nothing twice.
 * The unit it counts for comes from the kiosk, or from the village a phone user chose (self-declared).
 */
export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    occurredAt: instant('occurred_at').notNull(),
    receivedAt: instant('received_at').notNull(),
    kioskId: text('kiosk_id'),
    communeId: text('commune_id'),
    villageId: text('village_id'),
    schoolId: text('school_id'),
    selfDeclared: integer('self_declared', { mode: 'boolean' }).notNull().default(false),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    // Covers the coverage indicators' reads (events per village and period) without visiting the table.
    index('events_commune_time_idx').on(t.communeId, t.occurredAt, t.villageId, t.type),
    index('events_village_time_idx').on(t.villageId, t.occurredAt),
  ],
);
