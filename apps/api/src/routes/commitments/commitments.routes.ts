import { createRoute, z } from '@hono/zod-openapi';
import { docLang } from '../../lib/doc-locale.ts';
import {
  bulkReviewInput,
  campaignInput,
  campaignKinds,
  campaignPatch,
  entryChannels,
  entryStatuses,
  retentionInput,
  reviewInput,
} from '@vungxanh/domain';
import {
  errorResponses,
  IdParam,
  importReportSchema,
  importUploadBody,
  json,
  jsonBody,
  PageQuery,
  paged,
} from '../../lib/openapi.ts';

const tags = ['commitments'];
const communeQuery = z.string().min(1).max(64).optional();
const year = z.coerce.number().int().min(2020).max(2100);

export const CampaignSchema = z
  .object({
    id: z.string(),
    communeId: z.string(),
    kind: z.enum(campaignKinds),
    year: z.number().int(),
    title: z.string(),
    text: z.string(),
    version: z.number().int(),
    legalBasis: z.array(z.string()),
    opensOn: z.string(),
    closesOn: z.string(),
    demo: z.boolean(),
  })
  .openapi('CommitmentCampaign');

export const EntrySchema = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    campaignTitle: z.string(),
    kind: z.enum(campaignKinds),
    campaignVersion: z.number().int(),
    villageId: z.string().nullable(),
    schoolId: z.string().nullable(),
    organizationId: z.string().nullable(),
    unitName: z.string().nullable(),
    signerName: z.string(),
    address: z.string(),
    members: z.number().int().nullable(),
    phone: z.string().nullable(),
    guardianName: z.string().nullable(),
    signatureKind: z.enum(['drawn', 'typed', 'paper']),
    channel: z.enum(entryChannels),
    status: z.enum(entryStatuses),
    code: z.string(),
    reason: z.string().nullable(),
    duplicateOfId: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    signedAt: z.string(),
    createdAt: z.string(),
    purged: z.boolean(),
  })
  .openapi('CommitmentEntry');

export const EntryDetailSchema = EntrySchema.extend({
  /** The drawn signature (PNG data URL) or the typed name; null for paper and purged entries. */
  signature: z.string().nullable(),
  /** Other entries the duplicate rule pairs with this one. */
  possibleDuplicates: z.array(z.object({ id: z.string(), code: z.string(), signerName: z.string() })),
}).openapi('CommitmentEntryDetail');

export const pdf = (description: string) => ({
  content: { 'application/pdf': { schema: z.any().openapi({ type: 'string', format: 'binary' }) } },
  description,
});

export const listCampaigns = createRoute({
  method: 'get',
  path: '/campaigns',
  tags,
  summary: 'The commune’s campaigns, newest year first',
  request: { query: z.object({ communeId: communeQuery, year: year.optional() }) },
  responses: { 200: json(z.object({ items: z.array(CampaignSchema) })), ...errorResponses },
});

export const createCampaign = createRoute({
  method: 'post',
  path: '/campaigns',
  tags,
  summary: 'Create a campaign (commune admins)',
  request: { body: jsonBody(campaignInput) },
  responses: { 201: json(CampaignSchema, 'Created'), ...errorResponses },
});

export const updateCampaign = createRoute({
  method: 'patch',
  path: '/campaigns/{id}',
  tags,
  summary: 'Edit a campaign; a change of text raises its version, entries keep theirs',
  request: { params: IdParam, body: jsonBody(campaignPatch) },
  responses: { 200: json(CampaignSchema), ...errorResponses },
});

export const blankForm = createRoute({
  method: 'get',
  path: '/campaigns/{id}/form',
  tags,
  summary: 'A printable blank paper form (PDF) for the campaign, optionally for one village',
  request: {
    params: IdParam,
    query: z.object({ villageId: z.string().min(1).max(64).optional(), lang: docLang }),
  },
  responses: { 200: pdf('The form'), ...errorResponses },
});

export const PaperReportSchema = importReportSchema(
  {
    signerName: z.string(),
    action: z.enum(['create', 'exists', 'error']),
    /** Why a row is not created again: already stored, or the same as an earlier row of the file. */
    note: z.string().optional(),
  },
  'CommitmentImportReport',
).extend({ existing: z.number().int() });

const paperUploadBody = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: importUploadBody.content['multipart/form-data'].schema.extend({
        campaignId: z.string().min(1).max(64),
      }),
    },
  },
} as const;

export const importPaper = createRoute({
  method: 'post',
  path: '/import',
  tags,
  summary:
    'Enter signed paper forms of a campaign from CSV or XLSX: check, then all or nothing, or the valid rows only',
  request: { body: paperUploadBody },
  responses: { 200: json(PaperReportSchema), ...errorResponses },
});

export const paperTemplate = createRoute({
  method: 'get',
  path: '/import/template',
  tags,
  summary: 'An XLSX template for paper forms (the campaign’s columns, a title row, an example row)',
  request: {
    query: z.object({ communeId: communeQuery, campaignId: z.string().min(1).max(64).optional(), lang: docLang }),
  },
  responses: {
    200: {
      content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.any() } },
      description: 'The template',
    },
    ...errorResponses,
  },
});

const entryFilter = z.object({
  communeId: communeQuery,
  campaignId: z.string().min(1).max(64).optional(),
  villageId: z.string().min(1).max(64).optional(),
  kind: z.enum(campaignKinds).optional(),
  status: z.enum(entryStatuses).optional(),
});

export const listEntries = createRoute({
  method: 'get',
  path: '/entries',
  tags,
  summary: 'Signed entries to review: a village head sees the village’s household entries only',
  request: { query: entryFilter.extend(PageQuery.shape) },
  responses: { 200: json(paged(EntrySchema)), ...errorResponses },
});

export const getEntry = createRoute({
  method: 'get',
  path: '/entries/{id}',
  tags,
  request: { params: IdParam },
  responses: { 200: json(EntryDetailSchema), ...errorResponses },
});

export const reviewEntry = createRoute({
  method: 'post',
  path: '/entries/{id}/review',
  tags,
  summary: 'Verify, reject with a reason, or mark as a duplicate of another entry (audited)',
  request: { params: IdParam, body: jsonBody(reviewInput) },
  responses: { 200: json(EntrySchema), ...errorResponses },
});

export const bulkReview = createRoute({
  method: 'post',
  path: '/entries/bulk-review',
  tags,
  summary:
    'Verify or reject many pending entries at once: the ids ticked on a page, or every entry matching a filter (one audit row with the count, all or nothing)',
  request: { body: jsonBody(bulkReviewInput) },
  responses: {
    200: json(
      z
        .object({ decision: z.enum(['verify', 'reject']), changed: z.number().int(), unchanged: z.number().int() })
        .openapi('BulkReviewResult'),
    ),
    ...errorResponses,
  },
});

export const duplicates = createRoute({
  method: 'get',
  path: '/duplicates',
  tags,
  summary: 'Proposed duplicates: same campaign and village, same name and house number (a person decides)',
  request: { query: entryFilter.pick({ communeId: true, campaignId: true }) },
  responses: {
    200: json(
      z.object({
        items: z.array(z.object({ original: EntrySchema, duplicates: z.array(EntrySchema) })),
      }),
    ),
    ...errorResponses,
  },
});

export const exportEntries = createRoute({
  method: 'get',
  path: '/export',
  tags,
  summary: 'Entries as XLSX in the console’s language (commune admins; audited)',
  request: { query: entryFilter.extend({ lang: docLang }) },
  responses: {
    200: {
      content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.any() } },
      description: 'The workbook',
    },
    ...errorResponses,
  },
});

const FractionSchema = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  ratio: z.number().nullable(),
});
const VillageCoverageSchema = z.object({
  id: z.string(),
  name: z.string(),
  households: z.number().int(),
  signed: z.number().int(),
  verified: FractionSchema,
});

export const coverage = createRoute({
  method: 'get',
  path: '/coverage',
  tags,
  summary: 'Coverage for a campaign year: households per village, organizations and schools, furthest villages',
  request: { query: z.object({ communeId: communeQuery, year }) },
  responses: {
    200: json(
      z
        .object({
          year: z.number().int(),
          villages: z.array(VillageCoverageSchema),
          households: FractionSchema,
          signed: FractionSchema,
          units: FractionSchema,
          furthest: z.array(VillageCoverageSchema),
        })
        .openapi('CommitmentCoverage'),
    ),
    ...errorResponses,
  },
});

export const summary = createRoute({
  method: 'get',
  path: '/summary',
  tags,
  summary: 'Entry counts by campaign kind and status for a year (for the periodic report)',
  request: { query: z.object({ communeId: communeQuery, year }) },
  responses: {
    200: json(
      z.object({
        items: z.array(z.object({ kind: z.enum(campaignKinds), status: z.enum(entryStatuses), count: z.number() })),
      }),
    ),
    ...errorResponses,
  },
});

const PrivacySchema = z.object({ communeId: z.string(), retentionMonths: z.number().int() });

export const getPrivacy = createRoute({
  method: 'get',
  path: '/privacy',
  tags,
  summary: 'How long the commune keeps signers’ personal fields',
  request: { query: z.object({ communeId: communeQuery }) },
  responses: { 200: json(PrivacySchema), ...errorResponses },
});

export const setPrivacy = createRoute({
  method: 'patch',
  path: '/privacy',
  tags,
  request: { body: jsonBody(retentionInput) },
  responses: { 200: json(PrivacySchema), ...errorResponses },
});

export const purge = createRoute({
  method: 'post',
  path: '/purge',
  tags,
  summary: 'Blank names, addresses, phones and signatures of entries past retention; counts stay',
  request: { body: jsonBody(z.strictObject({ communeId: communeQuery })) },
  responses: { 200: json(z.object({ purged: z.number().int(), before: z.string() })), ...errorResponses },
});
