import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, instant } from './columns.ts';

/** Failed sign-ins per username (known or not), for lockout. Cleared on success. */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: id(),
    username: text('username').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [index('login_failures_username_idx').on(t.username, t.at)],
);
