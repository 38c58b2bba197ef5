import { createRoute, z } from '@hono/zod-openapi';
import { loginInput, passwordSchema, roleSchema } from '@vungxanh/domain';
import { errorResponses, json, jsonBody, OkSchema } from '../../lib/openapi.ts';

export const MeSchema = z
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
    mustEnrollTotp: z.boolean(),
    /** Signed in with a generated password: the console asks for a new one. */
    mustChangePassword: z.boolean(),
  })
  .openapi('Me');

const tags = ['auth'];

export const login = createRoute({
  method: 'post',
  path: '/login',
  tags,
  summary: 'Sign in with username, password and, where enabled, a TOTP code',
  request: { body: jsonBody(loginInput) },
  responses: { 200: json(MeSchema), ...errorResponses },
});

export const logout = createRoute({
  method: 'post',
  path: '/logout',
  tags,
  summary: 'Sign out this browser',
  responses: { 200: json(OkSchema), ...errorResponses },
});

export const logoutAll = createRoute({
  method: 'post',
  path: '/logout-all',
  tags,
  summary: 'Sign out every other session of the caller',
  responses: { 200: json(z.object({ ok: z.literal(true), ended: z.number().int() })), ...errorResponses },
});

export const me = createRoute({
  method: 'get',
  path: '/me',
  tags,
  summary: 'The signed-in account',
  responses: { 200: json(MeSchema), ...errorResponses },
});

export const changePassword = createRoute({
  method: 'post',
  path: '/password',
  tags,
  summary: 'Change the caller’s password (other sessions are signed out)',
  request: {
    body: jsonBody(z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema })),
  },
  responses: { 200: json(OkSchema), ...errorResponses },
});

export const totpSetup = createRoute({
  method: 'post',
  path: '/totp/setup',
  tags,
  summary: 'Start TOTP enrolment: a new secret, its otpauth URI and a QR code',
  responses: {
    200: json(z.object({ secret: z.string(), uri: z.string(), qrDataUrl: z.string() })),
    ...errorResponses,
  },
});

const TotpCode = z.strictObject({ code: z.string().regex(/^\d{6}$/) });

export const totpEnable = createRoute({
  method: 'post',
  path: '/totp/enable',
  tags,
  summary: 'Confirm enrolment with a code from the app',
  request: { body: jsonBody(TotpCode) },
  responses: { 200: json(MeSchema), ...errorResponses },
});

export const totpDisable = createRoute({
  method: 'post',
  path: '/totp/disable',
  tags,
  summary: 'Turn TOTP off (needs the password and a current code)',
  request: { body: jsonBody(TotpCode.extend({ password: z.string().min(1).max(200) })) },
  responses: { 200: json(MeSchema), ...errorResponses },
});
