import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { villageKinds } from '@vungxanh/domain';
import { createdAt, id, updatedAt } from './columns.ts';
import { communes } from './communes.ts';

export const villages = sqliteTable(
  'villages',
  {
    id: id(),
    communeId: text('commune_id')
      .notNull()
      .references(() => communes.id),
    kind: text('kind', { enum: villageKinds }).notNull(),
    name: text('name').notNull(),
    /** nameKey(name): unique per commune, so "Tổ 5" and "to 5" cannot both exist. */
    nameKey: text('name_key').notNull(),
    sortKey: text('sort_key').notNull(),
    population: integer('population'),
    households: integer('households'),
    mailboxInstalledOn: text('mailbox_installed_on'),
    boardInstalledOn: text('board_installed_on'),
    /** The year the commune's roadmap aims to have this village recognised drug-free. */
    roadmapTargetYear: integer('roadmap_target_year'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** Demo figures are marked so nobody mistakes them for real statistics. */
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('villages_commune_name_uq').on(t.communeId, t.nameKey),
    index('villages_commune_idx').on(t.communeId),
  ],
);
