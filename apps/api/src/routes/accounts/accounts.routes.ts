import { createRoute, z } from '@hono/zod-openapi';
import { accountInput, accountPatch, roleSchema } from '@vungxanh/domain';
import { errorResponses, IdParam, json, jsonBody, PageQuery, paged } from '../../lib/openapi.ts';

export const AccountSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    provinceId: z.string().nullable(),
    communeId: z.string().nullable(),
    villageId: z.string().nullable(),
    schoolId: z.string().nullable(),
    totpEnabled: z.boolean(),
    disabled: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Account');

const tags = ['accounts'];

export const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Accounts the caller manages (a commune admin: those of the commune)',
  request: { query: PageQuery.extend({ communeId: z.string().max(64).optional() }) },
  responses: { 200: json(paged(AccountSchema)), ...errorResponses },
});

export const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  request: { params: IdParam },
  responses: { 200: json(AccountSchema), ...errorResponses },
});

export const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Create an account with a role and the scope that role needs',
  request: { body: jsonBody(accountInput) },
  responses: { 201: json(AccountSchema, 'Created'), ...errorResponses },
});

export const update = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Rename, disable (ends its sessions) or enable an account',
  request: { params: IdParam, body: jsonBody(accountPatch) },
  responses: { 200: json(AccountSchema), ...errorResponses },
});

export const resetPassword = createRoute({
  method: 'post',
  path: '/{id}/reset-password',
  tags,
  summary: 'Set a new random password (shown once) and end the account’s sessions',
  request: { params: IdParam },
  responses: { 200: json(z.object({ password: z.string() })), ...errorResponses },
});
