import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, instant } from './columns.ts';

/** Who did what, when and from where: every admin write, sign-in and export. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: id(),
    at: instant('at').notNull(),
    accountId: text('account_id'),
    username: text('username'),
    /** The commune the record belongs to, so commune admins see their own trail. */
    communeId: text('commune_id'),
    ip: text('ip'),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    action: text('action').notNull(),
    /** A short JSON summary of what changed (field names and new values; never passwords). */
    summary: text('summary'),
  },
  (t) => [index('audit_at_idx').on(t.at), index('audit_commune_idx').on(t.communeId, t.at)],
);
