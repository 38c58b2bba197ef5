import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, instant, updatedAt } from './columns.ts';
import { communes } from './communes.ts';
import { schools } from './schools.ts';
import { villages } from './villages.ts';

/** A paired device in a village cultural house or a school. Codes and tokens are stored as hashes. */
export const kiosks = sqliteTable(
  'kiosks',
  {
    id: id(),
    communeId: text('commune_id')
      .notNull()
      .references(() => communes.id),
    name: text('name').notNull(),
    villageId: text('village_id').references(() => villages.id),
    schoolId: text('school_id').references(() => schools.id),
    idleSeconds: integer('idle_seconds').notNull().default(90),
    pairingCodeHash: text('pairing_code_hash'),
    pairingExpiresAt: instant('pairing_expires_at'),
    deviceTokenHash: text('device_token_hash'),
    pairedAt: instant('paired_at'),
    revokedAt: instant('revoked_at'),
    lastSeenAt: instant('last_seen_at'),
    /** Whether the device reported a Vietnamese voice for read-aloud with its last heartbeat; null: not yet. */
    viVoice: integer('vi_voice', { mode: 'boolean' }),
    eventsCount: integer('events_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('kiosks_commune_idx').on(t.communeId),
    uniqueIndex('kiosks_pairing_uq').on(t.pairingCodeHash),
    uniqueIndex('kiosks_token_uq').on(t.deviceTokenHash),
  ],
);
