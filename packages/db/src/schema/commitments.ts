import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { campaignKinds, entryChannels, entryStatuses } from '@vungxanh/domain';
import { createdAt, id, instant, updatedAt } from './columns.ts';
import { accounts } from './accounts.ts';
import { communes } from './communes.ts';
import { kiosks } from './kiosks.ts';
import { organizations } from './organizations.ts';
import { schools } from './schools.ts';
import { villages } from './villages.ts';

/** A yearly commitment campaign of one kind in a commune, with the text people sign. */
export const commitmentCampaigns = sqliteTable(
  'commitment_campaigns',
  {
    id: id(),
    communeId: text('commune_id')
      .notNull()
      .references(() => communes.id),
    kind: text('kind', { enum: campaignKinds }).notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    /** Goes up by one whenever the text changes; each entry keeps the version it was signed under. */
    version: integer('version').notNull().default(1),
    /** Law ids from the domain's list, as JSON. */
    legalBasis: text('legal_basis', { mode: 'json' }).$type<string[]>().notNull(),
    opensOn: text('opens_on').notNull(),
    closesOn: text('closes_on').notNull(),
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('commitment_campaigns_commune_year_idx').on(t.communeId, t.year)],
);

/**
 * One signed commitment. The id is made by the signing device, so retries name the same row; the
 * payload hash tells a retry from a different entry sent under a used id.
 */
export const commitmentEntries = sqliteTable(
  'commitment_entries',
  {
    id: text('id').primaryKey(),
    communeId: text('commune_id')
      .notNull()
      .references(() => communes.id),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => commitmentCampaigns.id),
    kind: text('kind', { enum: campaignKinds }).notNull(),
    campaignVersion: integer('campaign_version').notNull(),
    villageId: text('village_id').references(() => villages.id),
    schoolId: text('school_id').references(() => schools.id),
    organizationId: text('organization_id').references(() => organizations.id),
    /** Blanked by the retention purge; counts survive. */
    signerName: text('signer_name').notNull(),
    address: text('address').notNull().default(''),
    members: integer('members'),
    phone: text('phone'),
    guardianName: text('guardian_name'),
    signatureKind: text('signature_kind', { enum: ['drawn', 'typed', 'paper'] }).notNull(),
    /** A PNG data URL or the typed name; null for paper forms and after the purge. */
    signature: text('signature'),
    consentAt: instant('consent_at').notNull(),
    signedAt: instant('signed_at').notNull(),
    channel: text('channel', { enum: entryChannels }).notNull(),
    kioskId: text('kiosk_id').references(() => kiosks.id),
    status: text('status', { enum: entryStatuses }).notNull().default('submitted'),
    code: text('code').notNull(),
    payloadHash: text('payload_hash').notNull(),
    reviewerId: text('reviewer_id').references(() => accounts.id),
    reviewedAt: instant('reviewed_at'),
    reason: text('reason'),
    duplicateOfId: text('duplicate_of_id'),
    purgedAt: instant('purged_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('commitment_entries_code_uq').on(t.code),
    index('commitment_entries_campaign_village_idx').on(t.campaignId, t.villageId),
    index('commitment_entries_commune_idx').on(t.communeId, t.createdAt),
    // Covers the coverage tallies (per commune, kind, village and status) without reading the rows.
    index('commitment_entries_tally_idx').on(t.communeId, t.kind, t.villageId, t.status, t.campaignId),
  ],
);

/** Per-commune settings of the feature: how long signers' personal fields are kept. */
export const commitmentSettings = sqliteTable('commitment_settings', {
  communeId: text('commune_id')
    .primaryKey()
    .references(() => communes.id),
  retentionMonths: integer('retention_months').notNull(),
  updatedAt: updatedAt(),
});
