import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, instant } from './columns.ts';

/**
 * Failed sign-ins per username (known or not) and client address, for lockout: a stranger's failures lock only
 * the stranger's address out. An address's failures are cleared when it signs in.
 */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: id(),
    username: text('username').notNull(),
    address: text('address').notNull().default(''),
    at: instant('at').notNull(),
  },
  (t) => [index('login_failures_username_idx').on(t.username, t.address, t.at)],
);
