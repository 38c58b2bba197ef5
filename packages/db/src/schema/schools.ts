import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { schoolLevels } from '@vungxanh/domain';
import { createdAt, id, updatedAt } from './columns.ts';
import { communes } from './communes.ts';

export const schools = sqliteTable(
  'schools',
  {
    id: id(),
    communeId: text('commune_id')
      .notNull()
      .references(() => communes.id),
    level: text('level', { enum: schoolLevels }).notNull(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    sortKey: text('sort_key').notNull(),
    students: integer('students'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('schools_commune_name_uq').on(t.communeId, t.nameKey),
    index('schools_commune_idx').on(t.communeId),
  ],
);
