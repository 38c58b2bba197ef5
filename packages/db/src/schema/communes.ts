import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { communeKinds, outreachFrequencies } from '@vungxanh/domain';
import { createdAt, id, updatedAt } from './columns.ts';
import { provinces } from './provinces.ts';

export const communes = sqliteTable(
  'communes',
  {
    id: id(),
    provinceId: text('province_id')
      .notNull()
      .references(() => provinces.id),
    kind: text('kind', { enum: communeKinds }).notNull(),
    name: text('name').notNull(),
    code: text('code').notNull(),
    targetFrequency: text('target_frequency', { enum: outreachFrequencies }).notNull().default('quarterly'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('communes_code_uq').on(t.code), index('communes_province_idx').on(t.provinceId)],
);
