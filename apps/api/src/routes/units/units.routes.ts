import { createRoute, z } from '@hono/zod-openapi';
import { docLang } from '../../lib/doc-locale.ts';
import {
  communeInput,
  communePatch,
  organizationInput,
  organizationPatch,
  provinceInput,
  schoolInput,
  schoolPatch,
  villageInput,
  villagePatch,
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
import { CommuneSchema, OrganizationSchema, ProvinceSchema, SchoolSchema, VillageSchema } from './units.schemas.ts';

const tags = ['units'];

export const listProvinces = createRoute({
  method: 'get',
  path: '/provinces',
  tags,
  summary: 'Provinces in the caller’s scope',
  responses: { 200: json(z.object({ items: z.array(ProvinceSchema) })), ...errorResponses },
});

export const createProvince = createRoute({
  method: 'post',
  path: '/provinces',
  tags,
  summary: 'Add a province (system)',
  request: { body: jsonBody(provinceInput) },
  responses: { 201: json(ProvinceSchema, 'Created'), ...errorResponses },
});

export const listCommunes = createRoute({
  method: 'get',
  path: '/communes',
  tags,
  summary: 'Communes in the caller’s scope',
  request: { query: z.object({ provinceId: z.string().max(64).optional() }) },
  responses: { 200: json(z.object({ items: z.array(CommuneSchema) })), ...errorResponses },
});

export const getCommune = createRoute({
  method: 'get',
  path: '/communes/{id}',
  tags,
  request: { params: IdParam },
  responses: { 200: json(CommuneSchema), ...errorResponses },
});

export const createCommune = createRoute({
  method: 'post',
  path: '/communes',
  tags,
  summary: 'Add a commune (system)',
  request: { body: jsonBody(communeInput) },
  responses: { 201: json(CommuneSchema, 'Created'), ...errorResponses },
});

export const updateCommune = createRoute({
  method: 'patch',
  path: '/communes/{id}',
  tags,
  summary: 'Edit a commune: name, kind, code, target outreach frequency',
  request: { params: IdParam, body: jsonBody(communePatch) },
  responses: { 200: json(CommuneSchema), ...errorResponses },
});

export const summary = createRoute({
  method: 'get',
  path: '/summary',
  tags,
  summary: 'Active villages, schools and organizations per commune in scope',
  responses: {
    200: json(
      z.object({
        items: z.array(
          z.object({
            communeId: z.string(),
            name: z.string(),
            villages: z.number().int(),
            schools: z.number().int(),
            organizations: z.number().int(),
          }),
        ),
      }),
    ),
    ...errorResponses,
  },
});

const ListQuery = PageQuery.extend({
  communeId: z.string().max(64).optional(),
  q: z.string().max(120).optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/** The same five routes for villages, schools and organizations. */
function unitRoutes<K extends string, I extends z.ZodType, P extends z.ZodType, R extends z.ZodType>(
  path: K,
  input: I,
  patch: P,
  row: R,
) {
  const t = [...tags, path];
  return {
    list: createRoute({
      method: 'get',
      path: `/${path}` as `/${K}`,
      tags: t,
      request: { query: ListQuery },
      responses: { 200: json(paged(row)), ...errorResponses },
    }),
    get: createRoute({
      method: 'get',
      path: `/${path}/{id}` as `/${K}/{id}`,
      tags: t,
      request: { params: IdParam },
      responses: { 200: json(row), ...errorResponses },
    }),
    create: createRoute({
      method: 'post',
      path: `/${path}` as `/${K}`,
      tags: t,
      request: { body: jsonBody(input) },
      responses: { 201: json(row, 'Created'), ...errorResponses },
    }),
    update: createRoute({
      method: 'patch',
      path: `/${path}/{id}` as `/${K}/{id}`,
      tags: t,
      summary: 'Edit, deactivate ({ active: false }) or reactivate',
      request: { params: IdParam, body: jsonBody(patch) },
      responses: { 200: json(row), ...errorResponses },
    }),
  };
}

export const villages = unitRoutes('villages', villageInput, villagePatch, VillageSchema);
export const schools = unitRoutes('schools', schoolInput, schoolPatch, SchoolSchema);
export const organizations = unitRoutes('organizations', organizationInput, organizationPatch, OrganizationSchema);

export const ImportReportSchema = importReportSchema(
  { name: z.string(), action: z.enum(['create', 'update', 'error']) },
  'VillageImportReport',
);

export const villageTemplate = createRoute({
  method: 'get',
  path: '/villages/import/template',
  tags: [...tags, 'villages'],
  summary:
    'An XLSX template for the village import (a title row, the header row in the console’s language, an example row)',
  request: { query: z.object({ lang: docLang }) },
  responses: {
    200: {
      content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.any() } },
      description: 'The template',
    },
    ...errorResponses,
  },
});

export const importVillages = createRoute({
  method: 'post',
  path: '/villages/import',
  tags: [...tags, 'villages'],
  summary: 'Import villages from CSV or XLSX: check first, then all or nothing, or the valid rows only',
  request: { body: importUploadBody },
  responses: { 200: json(ImportReportSchema), ...errorResponses },
});
