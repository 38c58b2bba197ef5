import { z, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import { importModes } from '@vungxanh/domain';
import type { AppEnv } from './context.ts';

export const ErrorSchema = z
  .object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Error');

const error = (description: string) => ({ content: { 'application/json': { schema: ErrorSchema } }, description });

/** The error responses a signed-in route can give, documented once. */
export const errorResponses = {
  400: error('Malformed request'),
  401: error('Not signed in'),
  403: error('Not allowed for this role, or origin refused'),
  404: error('Not found, or not in your scope'),
  409: error('Conflict with existing data'),
  413: error('Body too large'),
  422: error('Validation failed'),
  429: error('Too many requests'),
} as const;

export const json = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  content: { 'application/json': { schema } },
  description,
});

/** A required JSON body: @hono/zod-openapi skips validation of optional bodies with another content type. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const toPage = (q: { page: number; pageSize: number }) => ({
  limit: q.pageSize,
  offset: (q.page - 1) * q.pageSize,
});

export const OkSchema = z.object({ ok: z.literal(true) });

/** A handler typed by its route: validated input in, the route's own responses out. */
export type Handler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

/** The multipart body of every file import: the file, the commune it is for, and the mode. */
export const importUploadBody = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: z.object({
        file: z.any().openapi({ type: 'string', format: 'binary' }),
        communeId: z.string().max(64).optional(),
        mode: z.enum(importModes).default('check'),
      }),
    },
  },
} as const;

const RowError = z.object({ path: z.string(), message: z.string() });

/** An import's report: counts, whether it wrote anything, and each row with its errors. */
export const importReportSchema = <T extends Record<string, z.ZodType>>(row: T, name: string) =>
  z
    .object({
      mode: z.enum(importModes),
      imported: z.boolean(),
      valid: z.number().int(),
      invalid: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      rows: z.array(z.object({ row: z.number().int(), ...row, errors: z.array(RowError) })),
    })
    .openapi(name);
