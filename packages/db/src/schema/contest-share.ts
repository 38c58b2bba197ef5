import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, instant } from './columns.ts';
import { communes } from './communes.ts';
import { contestParticipants, contests } from './contests.ts';

/** The short link of a contest (/c/<code>), made the first time an organizer opens its share panel. */
export const contestLinks = sqliteTable('contest_links', {
  code: text('code').primaryKey(),
  contestId: text('contest_id')
    .notNull()
    .unique()
    .references(() => contests.id),
  /** The host commune; null for a contest hosted by the province. */
  communeId: text('commune_id').references(() => communes.id),
  createdAt: createdAt(),
});

/**
 * A participant's recovery code, stored as a hash only. Kept apart from the participant row so the
 * hot token look-up on every answer does not carry it; replaced each time it is used.
 */
export const contestRecovery = sqliteTable(
  'contest_recovery',
  {
    participantId: text('participant_id')
      .primaryKey()
      .references(() => contestParticipants.id),
    contestId: text('contest_id')
      .notNull()
      .references(() => contests.id),
    codeHash: text('code_hash').notNull(),
    createdAt: createdAt(),
    usedAt: instant('used_at'),
  },
  (t) => [index('contest_recovery_contest_idx').on(t.contestId)],
);
