import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { roles } from '@vungxanh/domain';
import { createdAt, id, instant, updatedAt } from './columns.ts';
import { communes } from './communes.ts';
import { provinces } from './provinces.ts';
import { schools } from './schools.ts';
import { villages } from './villages.ts';

export const accounts = sqliteTable(
  'accounts',
  {
    id: id(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: roles }).notNull(),
    provinceId: text('province_id').references(() => provinces.id),
    communeId: text('commune_id').references(() => communes.id),
    villageId: text('village_id').references(() => villages.id),
    schoolId: text('school_id').references(() => schools.id),
    /** Base32 TOTP secret; set while enrolling, confirmed when totpEnabled turns true. */
    totpSecret: text('totp_secret'),
    totpEnabled: integer('totp_enabled', { mode: 'boolean' }).notNull().default(false),
    /** The last TOTP step accepted, so one code cannot be used twice. */
    totpLastStep: integer('totp_last_step'),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    /** The password was generated (first start, reset): the console asks for a new one until it is changed. */
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    lastLoginAt: instant('last_login_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('accounts_username_uq').on(t.username), index('accounts_commune_idx').on(t.communeId)],
);
