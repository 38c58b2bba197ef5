import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Coverage rolled up per unit and Vietnam day, so every indicator of any period is a sum over days rather than a
 * scan of raw rows. The rows are kept by triggers (migration 0008) in the same transaction as the write that
 * changes what they count: event batches, activities and their units, commitment entries and their reviews.
 *
 * `unitKey` is `v:<villageId>`, `s:<schoolId>`, or `c` for the commune itself (distinct activities of the day).
 * `metric` is `ev:kiosk:<event type>` (a paired kiosk), `ev:self:<event type>` (a phone reader who picked the
 * village) or `act:<activity type>`.
 */
export const coverageDays = sqliteTable(
  'coverage_days',
  {
    communeId: text('commune_id').notNull(),
    day: text('day').notNull(),
    unitKey: text('unit_key').notNull(),
    metric: text('metric').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communeId, t.day, t.unitKey, t.metric] }),
    index('coverage_days_unit_idx').on(t.communeId, t.unitKey, t.metric, t.day),
  ],
);

/**
 * The same tallies per Vietnam month (`YYYY-MM`), with the last day of the month that has any: every period the
 * product reads (month, quarter, half, year, school year, recognition periods from 01/09) is whole months, so a
 * province's quarter sums three rows per unit and metric instead of ninety. Kept from `coverage_days` by triggers
 * (migration 0016), so it follows every write the day rows follow.
 */
export const coverageMonths = sqliteTable(
  'coverage_months',
  {
    communeId: text('commune_id').notNull(),
    month: text('month').notNull(),
    unitKey: text('unit_key').notNull(),
    metric: text('metric').notNull(),
    n: integer('n').notNull(),
    lastDay: text('last_day').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communeId, t.month, t.unitKey, t.metric] })],
);

/**
 * Commitment entries per campaign, unit, kind, status and Vietnam signing day. Keyed by campaign (not year) so a
 * campaign whose year is corrected needs no rewrite: the year comes from the campaign when read.
 * `unitKey` is `v:`, `s:` or `o:` plus the id, or `-` for an entry without a unit.
 */
export const commitmentDays = sqliteTable(
  'commitment_days',
  {
    communeId: text('commune_id').notNull(),
    campaignId: text('campaign_id').notNull(),
    unitKey: text('unit_key').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    day: text('day').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communeId, t.campaignId, t.unitKey, t.kind, t.status, t.day] })],
);

/**
 * The same counts without the day: what commitment coverage reads for a campaign year (a tenth of the day rows at
 * province scale). Kept from `commitment_days` by triggers (migration 0017), so it follows every write those follow.
 */
export const commitmentUnits = sqliteTable(
  'commitment_units',
  {
    communeId: text('commune_id').notNull(),
    campaignId: text('campaign_id').notNull(),
    unitKey: text('unit_key').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communeId, t.campaignId, t.unitKey, t.kind, t.status] })],
);

/**
 * A counter per commune that moves with every change to what its coverage is computed from: the day rollups of reach,
 * activities and commitments, its units, its coverage settings, its registry and its campaigns (triggers, migration
 * 0019). The coverage service keeps computed figures in memory against it: a figure whose commune's counter has not
 * moved is still right, whichever process or statement wrote since.
 */
export const coverageVersions = sqliteTable('coverage_versions', {
  communeId: text('commune_id').primaryKey(),
  v: integer('v').notNull(),
});
