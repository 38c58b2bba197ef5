import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '@vungxanh/domain';
import { getSettings, setSetting } from '@vungxanh/db';
import { audit, summarize } from '../../lib/audit.ts';
import { createRouter } from '../../lib/create-router.ts';
import { errorResponses, json, jsonBody } from '../../lib/openapi.ts';
import { requireAuth } from '../../lib/session.ts';

const SettingsSchema = z.object({ requireTotpForAdmins: z.boolean() }).openapi('Settings');

const getRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['settings'],
  summary: 'Instance settings (system)',
  responses: { 200: json(SettingsSchema), ...errorResponses },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/',
  tags: ['settings'],
  summary: 'Change instance settings (system)',
  request: { body: jsonBody(SettingsSchema.partial().strict()) },
  responses: { 200: json(SettingsSchema), ...errorResponses },
});

const systemOnly = (c: Parameters<typeof requireAuth>[0]) => {
  if (requireAuth(c).actor.role !== 'system') throw new AppError(403, 'forbidden');
};

export const settingsRouter = createRouter()
  .openapi(getRoute, async (c) => {
    systemOnly(c);
    return c.json(await getSettings(c.get('deps').db), 200);
  })
  .openapi(patchRoute, async (c) => {
    systemOnly(c);
    const patch = c.req.valid('json');
    const { db } = c.get('deps');
    if (patch.requireTotpForAdmins !== undefined)
      await setSetting(db, 'requireTotpForAdmins', patch.requireTotpForAdmins);
    c.get('deps').settings.invalidate();
    await audit(c, { entity: 'settings', action: 'update', summary: summarize(patch) });
    return c.json(await getSettings(db), 200);
  });
