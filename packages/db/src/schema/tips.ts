import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts.ts';
import { communes } from './communes.ts';
import { villages } from './villages.ts';

/**
 * The tip box (hòm thư tố giác). Everything readable about a tip is ciphertext made in a browser; the server keeps
 * the commune, the village the tipster chose (if any), the Vietnam day (never a time of day) and the status.
 */

/** A commune's tip-box public key. The private key exists only wrapped (`tip_key_wraps`). */
export const tipKeys = sqliteTable('tip_keys', {
  communeId: text('commune_id')
    .primaryKey()
    .references(() => communes.id),
  publicKey: text('public_key').notNull(),
  createdBy: text('created_by')
    .notNull()
    .references(() => accounts.id),
  createdOn: text('created_on').notNull(),
});

/**
 * The private key wrapped under one holder's passphrase: an officer's (`holder` = account id) or the printed
 * recovery sheet's (`holder` = 'recovery'). A wrap given by another officer carries `provisional`: its holder must
 * re-wrap it under a passphrase of their own on first unlock.
 */
export const tipKeyWraps = sqliteTable(
  'tip_key_wraps',
  {
    communeId: text('commune_id')
      .notNull()
      .references(() => tipKeys.communeId),
    holder: text('holder').notNull(),
    wrapped: text('wrapped').notNull(),
    provisional: integer('provisional', { mode: 'boolean' }).notNull().default(false),
    grantedBy: text('granted_by')
      .notNull()
      .references(() => accounts.id),
    grantedOn: text('granted_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communeId, t.holder] })],
);

export const tips = sqliteTable(
  'tips',
  {
    id: text('id').primaryKey(),
    communeId: text('commune_id')
      .notNull()
      .references(() => communes.id),
    villageId: text('village_id').references(() => villages.id),
    /** The Vietnam day received, YYYY-MM-DD. */
    receivedOn: text('received_on').notNull(),
    status: text('status', { enum: ['new', 'checking', 'passed_on', 'closed'] })
      .notNull()
      .default('new'),
    handedTo: text('handed_to', { enum: ['province', 'ministry', 'other'] }),
    /** The sealed tip (text, contact, photo, reply key). */
    ciphertext: text('ciphertext').notNull(),
    /** SHA-256 of the lookup value derived from the tipster's receipt code. */
    lookupHash: text('lookup_hash').notNull().unique(),
    /** The Vietnam day of the last change a tipster should see (a status or a reply). */
    changedOn: text('changed_on').notNull(),
  },
  (t) => [index('tips_commune_idx').on(t.communeId, t.receivedOn)],
);

/** Messages on a tip, in the order written (`seq`): the tipster's added information, officers' replies and notes. */
export const tipMessages = sqliteTable(
  'tip_messages',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    tipId: text('tip_id')
      .notNull()
      .references(() => tips.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['tipster', 'reply', 'note'] }).notNull(),
    ciphertext: text('ciphertext').notNull(),
    /** The officer who wrote a reply or a note; null for the tipster. */
    authorId: text('author_id').references(() => accounts.id),
    writtenOn: text('written_on').notNull(),
  },
  (t) => [index('tip_messages_tip_idx').on(t.tipId, t.seq)],
);
