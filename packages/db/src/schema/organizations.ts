import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organizationKinds } from '@vungxanh/domain';
import { createdAt, id, updatedAt } from './columns.ts';
import { communes } from './communes.ts';

export const organizations = sqliteTable(
  'organizations',
  {
    id: id(),
    communeId: text('commune_id')
      .notNull()
      .references(() => communes.id),
    kind: text('kind', { enum: organizationKinds }).notNull(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    sortKey: text('sort_key').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('organizations_commune_name_uq').on(t.communeId, t.nameKey),
    index('organizations_commune_idx').on(t.communeId),
  ],
);
