import { createRoute, z } from '@hono/zod-openapi';
import { AppError, canReadAudit } from '@vungxanh/domain';
import { listAudit } from '@vungxanh/db';
import { createRouter } from '../../lib/create-router.ts';
import { errorResponses, json, PageQuery, paged, toPage } from '../../lib/openapi.ts';
import { requireAuth } from '../../lib/session.ts';

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    username: z.string().nullable(),
    communeId: z.string().nullable(),
    ip: z.string().nullable(),
    entity: z.string(),
    entityId: z.string().nullable(),
    action: z.string(),
    summary: z.string().nullable(),
  })
  .openapi('AuditEntry');

export const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['audit'],
  summary: 'The audit log, newest first (a commune admin: the commune’s entries)',
  request: {
    query: PageQuery.extend({ entity: z.string().max(40).optional(), action: z.string().max(40).optional() }),
  },
  responses: { 200: json(paged(AuditEntrySchema)), ...errorResponses },
});

export const auditRouter = createRouter().openapi(listRoute, async (c) => {
  const { actor } = requireAuth(c);
  if (!canReadAudit(actor)) throw new AppError(403, 'forbidden');
  const query = c.req.valid('query');
  const result = await listAudit(c.get('deps').db, {
    ...toPage(query),
    ...(query.entity ? { entity: query.entity } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(actor.role === 'system' ? {} : { communeId: actor.communeId! }),
  });
  const items = result.items.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    username: e.username,
    communeId: e.communeId,
    ip: e.ip,
    entity: e.entity,
    entityId: e.entityId,
    action: e.action,
    summary: e.summary,
  }));
  return c.json({ items, total: result.total, page: query.page, pageSize: query.pageSize }, 200);
});
