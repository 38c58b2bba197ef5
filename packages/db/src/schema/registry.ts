import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { computedCriterionKeys, criterionSources, decisionStatuses, registryStatuses } from '@vungxanh/domain';
import { createdAt, id, instant, updatedAt } from './columns.ts';
import { communes } from './communes.ts';
import { provinces } from './provinces.ts';
import { villages } from './villages.ts';

/**
 * The criteria of a drug-free village. Rows without a province are the defaults; a province that keeps its own list
 * has rows with its id, and then only those apply to its communes.
 */
export const registryCriteria = sqliteTable(
  'registry_criteria',
  {
    id: id(),
    provinceId: text('province_id').references(() => provinces.id),
    key: text('key').notNull(),
    labelVi: text('label_vi').notNull(),
    labelEn: text('label_en').notNull(),
    source: text('source', { enum: criterionSources }).notNull(),
    computedKey: text('computed_key', { enum: computedCriterionKeys }),
    target: integer('target'),
    maxCount: integer('max_count'),
    basis: text('basis').notNull().default(''),
    toCheck: integer('to_check', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [index('registry_criteria_province_idx').on(t.provinceId, t.sortOrder)],
);

/** A village's current place in the workflow; a village without a row has not started. */
export const registryVillages = sqliteTable(
  'registry_villages',
  {
    villageId: text('village_id')
      .primaryKey()
      .references(() => villages.id),
    communeId: text('commune_id')
      .notNull()
      .references(() => communes.id),
    status: text('status', { enum: registryStatuses }).notNull(),
    /** The recognition period of the last proposal or decision. */
    periodKey: text('period_key'),
    updatedAt: updatedAt(),
  },
  (t) => [index('registry_villages_commune_idx').on(t.communeId)],
);

/** Every status change, keyed by the client's request id so a retry is answered with the first result. */
export const registryChanges = sqliteTable(
  'registry_changes',
  {
    id: text('id').primaryKey(),
    communeId: text('commune_id')
      .notNull()
      .references(() => communes.id),
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id),
    from: text('from_status', { enum: registryStatuses }).notNull(),
    to: text('to_status', { enum: registryStatuses }).notNull(),
    periodKey: text('period_key'),
    /** The day the change took effect (YYYY-MM-DD, Vietnam time): the decision date for a recognition. */
    effectiveOn: text('effective_on').notNull(),
    decisionId: text('decision_id'),
    note: text('note'),
    accountId: text('account_id'),
    at: instant('at').notNull(),
  },
  (t) => [
    index('registry_changes_village_idx').on(t.villageId, t.at),
    index('registry_changes_commune_idx').on(t.communeId, t.effectiveOn),
  ],
);

/** A committee decision that recognises (or confirms) a village as drug-free for one recognition period. */
export const recognitionDecisions = sqliteTable(
  'recognition_decisions',
  {
    id: id(),
    communeId: text('commune_id')
      .notNull()
      .references(() => communes.id),
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id),
    periodKey: text('period_key').notNull(),
    kind: text('kind', { enum: decisionStatuses }).notNull(),
    number: text('number').notNull(),
    date: text('date').notNull(),
    certificateNumber: text('certificate_number').notNull(),
    /** Set when the committee recognised the village against unmet computed criteria: its written reason. */
    overrideReason: text('override_reason'),
    /** The computed criteria (keys) that were unmet when it decided, as JSON; null without an override. */
    overrideCriteria: text('override_criteria', { mode: 'json' }).$type<string[]>(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('recognition_decisions_village_period_uq').on(t.villageId, t.periodKey),
    index('recognition_decisions_commune_idx').on(t.communeId, t.date),
  ],
);

/** An aggregate count entered for one criterion, village and period, with where the figure comes from. */
export const criteriaValues = sqliteTable(
  'criteria_values',
  {
    id: id(),
    communeId: text('commune_id')
      .notNull()
      .references(() => communes.id),
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id),
    periodKey: text('period_key').notNull(),
    criterionKey: text('criterion_key').notNull(),
    value: integer('value').notNull(),
    note: text('note').notNull(),
    accountId: text('account_id'),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('criteria_values_uq').on(t.villageId, t.periodKey, t.criterionKey)],
);
