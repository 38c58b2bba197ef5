/** Rules of the commitments feature: campaigns, signed entries, receipts, duplicates and coverage. */
import { z } from 'zod';
import { lawIds } from './laws.ts';
import { vnDate } from './periods.ts';
import { cleanText, nameKey } from './text.ts';
import { isoDate, nameSchema } from './units.ts';
import { campaignKinds, campaignTarget, type CampaignKind, type EntryStatus } from './commitment-units.ts';

const lawId = z.enum(lawIds);

const campaignFields = {
  kind: z.enum(campaignKinds),
  year: z.number().int().min(2020).max(2100),
  title: nameSchema,
  text: z.string().trim().min(20).max(8000),
  legalBasis: z.array(lawId).min(1).max(10),
  opensOn: isoDate,
  closesOn: isoDate,
};
const datesInOrder = (c: { opensOn?: string; closesOn?: string }) =>
  !c.opensOn || !c.closesOn || c.opensOn <= c.closesOn;

export const campaignInput = z
  .strictObject({ ...campaignFields, communeId: z.string().min(1).max(64) })
  .refine(datesInOrder, { path: ['closesOn'], message: 'must not be before opensOn' });
export const campaignPatch = z
  .strictObject(campaignFields)
  // Kind and year stay: entries already signed count for them.
  .omit({ kind: true, year: true })
  .partial()
  .refine(datesInOrder, { path: ['closesOn'], message: 'must not be before opensOn' });

/** A signed entry's text version moves on only when the words change. */
export function nextVersion(current: { text: string; version: number }, patchText: string | undefined): number {
  return patchText !== undefined && cleanText(patchText) !== cleanText(current.text)
    ? current.version + 1
    : current.version;
}

/** Open on these dates, inclusive, in Vietnam time. */
export function isCampaignOpen(c: { opensOn: string; closesOn: string }, today: string): boolean {
  return c.opensOn <= today && today <= c.closesOn;
}

/** Today's date in Vietnam (UTC+7, no daylight saving) as YYYY-MM-DD. */
export function vietnamToday(now: Date = new Date()): string {
  return vnDate(now.getTime());
}

// ---------------------------------------------------------------- receipt codes

/** No 0/O, 1/I/L: read aloud or copied from paper, a code cannot be mistyped into another. */
export const receiptAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const codeLength = 8;

/** A receipt code like "K7QM-4TXA" (about 39 bits: guessing one is not practical). */
export function newReceiptCode(random: (n: number) => number): string {
  let raw = '';
  for (let i = 0; i < codeLength; i++) raw += receiptAlphabet[random(receiptAlphabet.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** What a person typed, in the stored form, or null when it cannot be a code. */
export function normalizeReceiptCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '');
  if (raw.length !== codeLength || [...raw].some((ch) => !receiptAlphabet.includes(ch))) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

export const receiptCodeSchema = z
  .string()
  .max(20)
  .transform((s, ctx) => {
    const code = normalizeReceiptCode(s);
    if (!code) {
      ctx.addIssue({ code: 'custom', message: 'not a receipt code' });
      return z.NEVER;
    }
    return code;
  });

// ---------------------------------------------------------------- signing

/** A drawn signature as a PNG data URL, drawn at most 600 × 240 px: 5-25 kB, under the 64 kB body limit. */
export const signatureMaxBytes = 40_000;
const pngPrefix = 'data:image/png;base64,';

/** True when the data URL decodes to a PNG (its magic bytes) no larger than the cap. */
export function isPngDataUrl(value: string, maxBytes = signatureMaxBytes): boolean {
  if (!value.startsWith(pngPrefix)) return false;
  const b64 = value.slice(pngPrefix.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0) return false;
  if ((b64.length / 4) * 3 > maxBytes) return false;
  return base64Head(b64.slice(0, 12)).every((byte, i) => byte === pngMagic[i]);
}

const pngMagic = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const b64Digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The first bytes of a base64 text (12 characters give 9 bytes), without a platform decoder. */
function base64Head(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i + 4 <= text.length; i += 4) {
    const n = [...text.slice(i, i + 4)].reduce((acc, ch) => (acc << 6) | Math.max(0, b64Digits.indexOf(ch)), 0);
    bytes.push((n >> 16) & 255, (n >> 8) & 255, n & 255);
  }
  return bytes.slice(0, 8);
}

export const phoneSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^(\+84|0)\d{9,10}$/, 'not a Vietnamese phone number'));

const signatureSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('drawn'),
    dataUrl: z
      .string()
      .max(Math.ceil((signatureMaxBytes * 4) / 3) + pngPrefix.length + 4)
      .refine((s) => isPngDataUrl(s), 'must be a PNG image under the size limit'),
  }),
  z.strictObject({ kind: z.literal('typed'), name: nameSchema }),
]);

/**
 * What a signer sends. The id is made on the device, so a retry after a lost answer, a reload
 * or a week offline names the same entry.
 */
export const entryInput = z
  .strictObject({
    id: z.uuid(),
    campaignId: z.string().min(1).max(64),
    villageId: z.string().min(1).max(64).optional(),
    schoolId: z.string().min(1).max(64).optional(),
    organizationId: z.string().min(1).max(64).optional(),
    signerName: nameSchema,
    address: z
      .string()
      .trim()
      .max(200)
      .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters')
      .default(''),
    members: z.number().int().min(1).max(50).optional(),
    phone: z.union([z.literal('').transform(() => undefined), phoneSchema]).optional(),
    guardianName: nameSchema.optional(),
    consent: z.literal(true),
    signature: signatureSchema,
    signedAt: z.iso.datetime().optional(),
  })
  .refine((e) => e.signature.kind !== 'typed' || nameKey(e.signature.name) === nameKey(e.signerName), {
    path: ['signature', 'name'],
    message: 'the typed signature must be the signer’s full name',
  });
export type EntryInput = z.infer<typeof entryInput>;

/** The fields an entry of this kind must carry beyond the common ones; [] when it is complete. */
export function entryProblems(kind: CampaignKind, e: EntryInput): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const target = campaignTarget(kind);
  const want = { village: e.villageId, school: e.schoolId, organization: e.organizationId };
  for (const [unit, value] of Object.entries(want)) {
    if (unit === target && !value) problems.push({ path: `${unit}Id`, message: 'required' });
    if (unit !== target && value) problems.push({ path: `${unit}Id`, message: 'not for this campaign' });
  }
  if (kind === 'household') {
    if (!e.address) problems.push({ path: 'address', message: 'required' });
    if (e.members === undefined) problems.push({ path: 'members', message: 'required' });
  }
  if (kind === 'student' && !e.guardianName) problems.push({ path: 'guardianName', message: 'required' });
  return problems;
}

/**
 * The payload in one canonical text (sorted keys, cleaned text, no signedAt, which a device may
 * restamp on a retry): two sends of the same entry give the same text, and so the same hash.
 */
export function canonicalEntry(e: EntryInput): string {
  const value: Record<string, unknown> = {
    id: e.id,
    campaignId: e.campaignId,
    villageId: e.villageId ?? null,
    schoolId: e.schoolId ?? null,
    organizationId: e.organizationId ?? null,
    signerName: cleanText(e.signerName),
    address: cleanText(e.address),
    members: e.members ?? null,
    phone: e.phone ?? null,
    guardianName: e.guardianName ? cleanText(e.guardianName) : null,
    signature: e.signature.kind === 'typed' ? { kind: 'typed', name: cleanText(e.signature.name) } : e.signature,
  };
  return JSON.stringify(value, Object.keys(value).sort());
}

// ---------------------------------------------------------------- duplicates

/** A house number compared loosely: "Số nhà 12", "số 12" and "12" are the same house. */
export function houseKey(address: string): string {
  return nameKey(address)
    .replace(/\b(so nha|so|nha|sn)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, '');
}

export interface DuplicateCandidate {
  id: string;
  campaignId: string;
  villageId: string | null;
  signerName: string;
  address: string;
  status: EntryStatus;
  createdAt: string;
}

export interface DuplicateProposal {
  /** The entry kept: the first one received. */
  originalId: string;
  duplicateIds: string[];
}

/**
 * Proposes duplicates (a person decides): entries of the same campaign and village whose signer
 * name and house number match once diacritics, case and spacing are set aside. Rejected entries
 * and entries already marked duplicate are left out. Purged entries (no name) never match.
 */
export function proposeDuplicates(entries: readonly DuplicateCandidate[]): DuplicateProposal[] {
  const groups = new Map<string, DuplicateCandidate[]>();
  for (const e of entries) {
    if (e.status === 'rejected' || e.status === 'duplicate' || !nameKey(e.signerName)) continue;
    const key = [e.campaignId, e.villageId ?? '', nameKey(e.signerName), houseKey(e.address)].join('|');
    const group = groups.get(key) ?? [];
    group.push(e);
    groups.set(key, group);
  }
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => {
      const sorted = [...g].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
      // A verified entry is the one to keep, whatever came first.
      const original = sorted.find((e) => e.status === 'verified') ?? sorted[0]!;
      return { originalId: original.id, duplicateIds: sorted.filter((e) => e !== original).map((e) => e.id) };
    });
}

// ---------------------------------------------------------------- review

export const reviewInput = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('verify') }),
  z.strictObject({ decision: z.literal('reject'), reason: z.string().trim().min(3).max(500) }),
  z.strictObject({ decision: z.literal('duplicate'), duplicateOfId: z.string().min(1).max(64) }),
]);
export type ReviewInput = z.infer<typeof reviewInput>;

export const reviewStatus = { verify: 'verified', reject: 'rejected', duplicate: 'duplicate' } as const;

/**
 * Whether a reviewer sees an entry: `villageId` null for a commune's admins (every entry of their commune), a
 * village head's village for them (only that village's household entries).
 */
export function entryInReviewScope(entry: { kind: CampaignKind; villageId: string | null }, villageId: string | null) {
  return villageId === null || (entry.kind === 'household' && entry.villageId === villageId);
}

/**
 * Why an entry cannot be marked a duplicate of `original`, or null when it can: the original must be another
 * entry of the same campaign that the reviewer sees, and not itself a duplicate (no chains).
 */
export function duplicateOfProblem(
  entry: { id: string; campaignId: string },
  original: {
    id: string;
    campaignId: string;
    kind: CampaignKind;
    villageId: string | null;
    status: EntryStatus;
  } | null,
  reviewerVillageId: string | null,
): 'not_an_original' | 'duplicate_chain' | null {
  if (
    !original ||
    original.id === entry.id ||
    original.campaignId !== entry.campaignId ||
    !entryInReviewScope(original, reviewerVillageId)
  )
    return 'not_an_original';
  return original.status === 'duplicate' ? 'duplicate_chain' : null;
}

/** Ids one bulk review may name (a page of the review list is at most 200 rows). */
export const bulkReviewMaxIds = 500;
/** Entries one bulk review may change: a whole 50,000-row paper import, reviewed in one go. */
export const bulkReviewMax = 50_000;

/**
 * One decision for many pending entries: the ids ticked on a page, or every entry matching the
 * review list's filter. `expected` is the count the reviewer confirmed; if the pending entries
 * matching the filter are no longer that many (an import arrived meanwhile), nothing is changed.
 */
export const bulkReviewInput = z
  .strictObject({
    communeId: z.string().min(1).max(64).optional(),
    decision: z.enum(['verify', 'reject']),
    reason: z.string().trim().min(3).max(500).optional(),
    ids: z.array(z.string().min(1).max(64)).min(1).max(bulkReviewMaxIds).optional(),
    filter: z
      .strictObject({
        campaignId: z.string().min(1).max(64).optional(),
        villageId: z.string().min(1).max(64).optional(),
        kind: z.enum(campaignKinds).optional(),
      })
      .optional(),
    expected: z.number().int().min(0).max(bulkReviewMax).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.ids === undefined) === (v.filter === undefined))
      ctx.addIssue({ code: 'custom', path: ['ids'], message: 'give either ids or filter' });
    if (v.decision === 'reject' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required to reject' });
    if (v.decision === 'verify' && v.reason !== undefined)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'only when rejecting' });
  });
export type BulkReviewInput = z.infer<typeof bulkReviewInput>;

// ---------------------------------------------------------------- privacy

/** Months a commune keeps signers' personal fields unless it sets its own figure. */
export const defaultRetentionMonths = 36;
export const retentionInput = z.strictObject({
  communeId: z.string().min(1).max(64).optional(),
  retentionMonths: z.number().int().min(12).max(120),
});

/** Entries received before this instant are past retention. */
export function retentionCutoff(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

export * from './commitment-coverage.ts';
export * from './commitment-paper.ts';
export * from './commitment-texts.ts';
