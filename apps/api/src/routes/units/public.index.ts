import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '@vungxanh/domain';
import { getCommune, listCommunes, listUnits } from '@vungxanh/db';
import { createRouter } from '../../lib/create-router.ts';
import { errorResponses, json } from '../../lib/openapi.ts';

const Place = z.object({ id: z.string(), name: z.string() });

const communes = createRoute({
  method: 'get',
  path: '/communes',
  tags: ['public'],
  summary: 'Communes, for a phone user choosing where they live (public, names only)',
  responses: { 200: json(z.object({ items: z.array(Place) })), ...errorResponses },
});

const villages = createRoute({
  method: 'get',
  path: '/villages',
  tags: ['public'],
  summary: 'Active villages of a commune (public, names only)',
  request: { query: z.object({ communeId: z.string().min(1).max(64) }) },
  responses: { 200: json(z.object({ items: z.array(Place) })), ...errorResponses },
});

/** Names of places only, so a phone user can say which village their reading counts for. */
export const publicUnitsRouter = createRouter()
  .openapi(communes, async (c) => {
    const rows = await listCommunes(c.get('deps').db, {});
    return c.json({ items: rows.map((r) => ({ id: r.id, name: r.name })) }, 200);
  })
  .openapi(villages, async (c) => {
    const { db } = c.get('deps');
    const { communeId } = c.req.valid('query');
    if (!(await getCommune(db, communeId))) throw new AppError(404, 'not_found');
    const { items } = await listUnits(db, 'villages', { communeId, limit: 1000, offset: 0 });
    return c.json({ items: items.map((r) => ({ id: r.id, name: r.name })) }, 200);
  });
