import { and, asc, count, desc, eq, inArray, isNull, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import { defaultRetentionMonths, type CampaignKind, type DuplicateCandidate, type EntryStatus } from '@vungxanh/domain';
import type { Db } from '../client.ts';
import { keptPerDb, rowInsert } from '../prepared.ts';
import { groupWrites } from '../write-queue.ts';
import {
  auditLog,
  commitmentCampaigns,
  commitmentEntries,
  commitmentSettings,
  organizations,
  schools,
  villages,
} from '../schema/index.ts';
import { auditInsert, type AuditEntry } from './audit.ts';
import type { Page } from './units.ts';

export type CampaignRow = typeof commitmentCampaigns.$inferSelect;
export type EntryRow = typeof commitmentEntries.$inferSelect;
export type EntryInsert = typeof commitmentEntries.$inferInsert;

export async function listCampaigns(db: Db, communeId: string, filter: { year?: number; openOn?: string } = {}) {
  const conditions: SQL[] = [eq(commitmentCampaigns.communeId, communeId)];
  if (filter.year) conditions.push(eq(commitmentCampaigns.year, filter.year));
  if (filter.openOn) {
    conditions.push(sql`${commitmentCampaigns.opensOn} <= ${filter.openOn}`);
    conditions.push(sql`${commitmentCampaigns.closesOn} >= ${filter.openOn}`);
  }
  return db
    .select()
    .from(commitmentCampaigns)
    .where(and(...conditions))
    .orderBy(desc(commitmentCampaigns.year), asc(commitmentCampaigns.kind), asc(commitmentCampaigns.title));
}

// The lookups of every public signing, kept per database (see keptPerDb).
const campaignById = keptPerDb((db) =>
  db
    .select()
    .from(commitmentCampaigns)
    .where(eq(commitmentCampaigns.id, sql.placeholder('id')))
    .prepare(),
);
const entryById = keptPerDb((db) =>
  db
    .select()
    .from(commitmentEntries)
    .where(eq(commitmentEntries.id, sql.placeholder('id')))
    .prepare(),
);
const unitById = (table: typeof villages | typeof schools | typeof organizations) =>
  keptPerDb((db) =>
    db
      .select({ id: table.id, name: table.name, communeId: table.communeId, active: table.active })
      .from(table)
      .where(eq(table.id, sql.placeholder('id')))
      .prepare(),
  );
const unitLookups = { village: unitById(villages), school: unitById(schools), organization: unitById(organizations) };

export async function getCampaign(db: Db, id: string) {
  return (await campaignById(db).all({ id }))[0] ?? null;
}

export async function insertCampaign(db: Db, row: typeof commitmentCampaigns.$inferInsert, audit: AuditEntry) {
  const id = row.id ?? crypto.randomUUID();
  await db.batch([db.insert(commitmentCampaigns).values({ ...row, id }), auditInsert(db, { ...audit, entityId: id })]);
  return (await getCampaign(db, id))!;
}

export async function updateCampaign(
  db: Db,
  id: string,
  patch: Partial<typeof commitmentCampaigns.$inferInsert>,
  audit: AuditEntry,
) {
  await db.batch([
    db.update(commitmentCampaigns).set(patch).where(eq(commitmentCampaigns.id, id)),
    auditInsert(db, audit),
  ]);
  return (await getCampaign(db, id))!;
}

export async function getEntry(db: Db, id: string) {
  return (await entryById(db).all({ id }))[0] ?? null;
}

const entryInsert = rowInsert(commitmentEntries);

/**
 * Stores a signed entry. Signings come in bursts (a campaign day at the cultural house, a school's pupils), so they
 * share commits on the database's group-commit queue; a raced id fails alone with a unique violation.
 */
export async function insertEntry(db: Db, values: EntryInsert) {
  const { stmt, row } = entryInsert(values);
  await groupWrites(db).run(stmt);
  return row;
}

/** A receipt's public face: status and campaign only, never the signer. */
export async function receiptByCode(db: Db, code: string) {
  const [row] = await db
    .select({
      code: commitmentEntries.code,
      status: commitmentEntries.status,
      signedAt: commitmentEntries.signedAt,
      campaignTitle: commitmentCampaigns.title,
      year: commitmentCampaigns.year,
      kind: commitmentCampaigns.kind,
    })
    .from(commitmentEntries)
    .innerJoin(commitmentCampaigns, eq(commitmentCampaigns.id, commitmentEntries.campaignId))
    .where(eq(commitmentEntries.code, code));
  return row ?? null;
}

export interface EntryFilter extends Page {
  communeId: string;
  campaignId?: string | undefined;
  villageId?: string | undefined;
  kind?: CampaignKind | undefined;
  status?: EntryStatus | undefined;
}

function entryWhere(f: Omit<EntryFilter, 'limit' | 'offset'>) {
  const conditions: SQL[] = [eq(commitmentEntries.communeId, f.communeId)];
  if (f.campaignId) conditions.push(eq(commitmentEntries.campaignId, f.campaignId));
  if (f.villageId) conditions.push(eq(commitmentEntries.villageId, f.villageId));
  if (f.kind) conditions.push(eq(commitmentEntries.kind, f.kind));
  if (f.status) conditions.push(eq(commitmentEntries.status, f.status));
  return and(...conditions);
}

const unitName = sql<string | null>`coalesce(${villages.name}, ${schools.name}, ${organizations.name})`.as('unit_name');

/** Entries with their campaign's title and their unit's name, newest first. */
export async function listEntries(db: Db, filter: EntryFilter) {
  const where = entryWhere(filter);
  const [items, [total]] = await Promise.all([
    db
      .select({ entry: commitmentEntries, campaignTitle: commitmentCampaigns.title, unitName })
      .from(commitmentEntries)
      .innerJoin(commitmentCampaigns, eq(commitmentCampaigns.id, commitmentEntries.campaignId))
      .leftJoin(villages, eq(villages.id, commitmentEntries.villageId))
      .leftJoin(schools, eq(schools.id, commitmentEntries.schoolId))
      .leftJoin(organizations, eq(organizations.id, commitmentEntries.organizationId))
      .where(where)
      .orderBy(desc(commitmentEntries.createdAt), asc(commitmentEntries.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(commitmentEntries).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** The rows the duplicate rule looks at: one campaign, or every campaign of a commune. */
export async function duplicateCandidates(
  db: Db,
  filter: { communeId: string; campaignId?: string | undefined; villageId?: string | undefined },
): Promise<DuplicateCandidate[]> {
  const rows = await db
    .select({
      id: commitmentEntries.id,
      campaignId: commitmentEntries.campaignId,
      villageId: commitmentEntries.villageId,
      signerName: commitmentEntries.signerName,
      address: commitmentEntries.address,
      status: commitmentEntries.status,
      createdAt: commitmentEntries.createdAt,
    })
    .from(commitmentEntries)
    .where(
      and(
        entryWhere(filter),
        notInArray(commitmentEntries.status, ['rejected', 'duplicate']),
        isNull(commitmentEntries.purgedAt),
      ),
    );
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** Records a review decision and its audit row together. */
export async function reviewEntry(
  db: Db,
  id: string,
  patch: Pick<EntryInsert, 'status' | 'reason' | 'duplicateOfId' | 'reviewerId' | 'reviewedAt'>,
  audit: AuditEntry,
) {
  await db.batch([db.update(commitmentEntries).set(patch).where(eq(commitmentEntries.id, id)), auditInsert(db, audit)]);
  return (await getEntry(db, id))!;
}

/**
 * Reviews many pending entries at once: those of `ids` (null: every entry) matching the filter.
 * In one transaction: `guard` hears how many are pending and may throw to change nothing; then
 * they are changed and one audit row records the count. Returns how many were changed.
 */
export async function bulkReviewEntries(
  db: Db,
  filter: Omit<EntryFilter, 'limit' | 'offset'>,
  ids: readonly string[] | null,
  patch: { status: 'verified' | 'rejected'; reason: string | null; reviewerId: string; reviewedAt: Date },
  audit: (changed: number) => AuditEntry,
  guard: (pending: number) => void = () => {},
) {
  const where = and(
    entryWhere(filter),
    eq(commitmentEntries.status, 'submitted'),
    ids ? inArray(commitmentEntries.id, [...ids]) : undefined,
  );
  return db.transaction(async (tx) => {
    const [pending] = await tx.select({ n: count() }).from(commitmentEntries).where(where);
    guard(pending?.n ?? 0);
    const changed = await tx.update(commitmentEntries).set(patch).where(where).returning({ id: commitmentEntries.id });
    await tx.insert(auditLog).values({ ...audit(changed.length), at: new Date() });
    return changed.length;
  });
}

/**
 * Writes the rows of a paper import and one audit row in one transaction: all of them or none.
 * `onProgress` hears how many rows are written after each chunk (for a 50,000-row file's progress).
 */
export async function insertPaperEntries(
  db: Db,
  rows: readonly EntryInsert[],
  audit: AuditEntry,
  onProgress?: (written: number) => void | Promise<void>,
) {
  if (rows.length === 0) return 0;
  // SQLite caps the variables of one statement; 30 columns × 25 rows stays well under it.
  const chunk = 25;
  await db.transaction(async (tx) => {
    await tx.insert(auditLog).values({ ...audit, at: new Date() });
    for (let i = 0; i < rows.length; i += chunk) {
      await tx.insert(commitmentEntries).values(rows.slice(i, i + chunk));
      if (onProgress && ((i / chunk) % 40 === 39 || i + chunk >= rows.length))
        await onProgress(Math.min(i + chunk, rows.length));
    }
  });
  return rows.length;
}

export async function retentionMonthsOf(db: Db, communeId: string) {
  const [row] = await db.select().from(commitmentSettings).where(eq(commitmentSettings.communeId, communeId));
  return row?.retentionMonths ?? defaultRetentionMonths;
}

export async function setRetentionMonths(db: Db, communeId: string, retentionMonths: number, audit: AuditEntry) {
  await db.batch([
    db
      .insert(commitmentSettings)
      .values({ communeId, retentionMonths })
      .onConflictDoUpdate({ target: commitmentSettings.communeId, set: { retentionMonths, updatedAt: new Date() } }),
    auditInsert(db, audit),
  ]);
}

/**
 * Blanks the personal fields of a commune's entries received before the cutoff; status, unit,
 * campaign and dates stay, so every count is unchanged. Returns how many entries it blanked.
 */
export async function purgeEntries(db: Db, communeId: string, cutoff: Date, audit: Omit<AuditEntry, 'summary'>) {
  const where = and(
    eq(commitmentEntries.communeId, communeId),
    lt(commitmentEntries.createdAt, cutoff),
    isNull(commitmentEntries.purgedAt),
  );
  const [n] = await db.select({ n: count() }).from(commitmentEntries).where(where);
  const purged = n?.n ?? 0;
  const record = auditInsert(db, { ...audit, summary: JSON.stringify({ purged, before: cutoff.toISOString() }) });
  if (purged === 0) {
    await record;
    return 0;
  }
  await db.batch([
    db
      .update(commitmentEntries)
      .set({ signerName: '', address: '', phone: null, guardianName: null, signature: null, purgedAt: new Date() })
      .where(where),
    record,
  ]);
  return purged;
}

/** All entries of a filter for an export, in a stable order (an export is bounded by a commune's size). */
export async function entriesForExport(db: Db, filter: Omit<EntryFilter, 'limit' | 'offset'>) {
  return db
    .select({ entry: commitmentEntries, campaignTitle: commitmentCampaigns.title, unitName })
    .from(commitmentEntries)
    .innerJoin(commitmentCampaigns, eq(commitmentCampaigns.id, commitmentEntries.campaignId))
    .leftJoin(villages, eq(villages.id, commitmentEntries.villageId))
    .leftJoin(schools, eq(schools.id, commitmentEntries.schoolId))
    .leftJoin(organizations, eq(organizations.id, commitmentEntries.organizationId))
    .where(entryWhere(filter))
    .orderBy(asc(commitmentEntries.createdAt), asc(commitmentEntries.id));
}

/** The village, school or organization an entry names: its id, name, commune and active flag (null: none). */
export async function getEntryUnit(db: Db, unit: { kind: 'village' | 'school' | 'organization'; id: string | null }) {
  if (!unit.id) return null;
  const [row] = await unitLookups[unit.kind](db).all({ id: unit.id });
  return row ?? null;
}

/** Name key → id of a commune's units of one kind, for reading paper forms. */
export async function unitKeysOf(db: Db, communeId: string, kind: 'village' | 'school' | 'organization') {
  const table = kind === 'village' ? villages : kind === 'school' ? schools : organizations;
  const rows = await db
    .select({ id: table.id, nameKey: table.nameKey })
    .from(table)
    .where(eq(table.communeId, communeId));
  return new Map(rows.map((r) => [r.nameKey, r.id]));
}

/** Id and name of a commune's active units, for the signing form's choices. */
export async function signingUnits(db: Db, communeId: string) {
  const pick = <T extends typeof villages | typeof schools | typeof organizations>(table: T) =>
    db
      .select({ id: table.id, name: table.name })
      .from(table)
      .where(and(eq(table.communeId, communeId), eq(table.active, true)))
      .orderBy(asc(table.sortKey));
  const [v, s, o] = await Promise.all([pick(villages), pick(schools), pick(organizations)]);
  return { villages: v, schools: s, organizations: o };
}

/** Signer, unit and day signed of a campaign's stored entries, by which a re-uploaded paper file is recognised. */
export async function storedEntryKeys(db: Db, campaignId: string) {
  return db
    .select({
      signerName: commitmentEntries.signerName,
      unitId: sql<string>`coalesce(${commitmentEntries.villageId}, ${commitmentEntries.schoolId}, ${commitmentEntries.organizationId})`,
      signedAt: commitmentEntries.signedAt,
    })
    .from(commitmentEntries)
    .where(and(eq(commitmentEntries.campaignId, campaignId), isNull(commitmentEntries.purgedAt)));
}
