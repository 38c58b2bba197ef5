import type { Context } from 'hono';
import { AppError, canEditCriteria, criteriaListInput } from '@vungxanh/domain';
import {
  criteriaFor,
  getCommune,
  getProvince,
  replaceCriteria as replaceCriteriaRows,
  type CriterionRow,
} from '@vungxanh/db';
import type { AppEnv } from '../../lib/context.ts';
import { audit, summarize } from '../../lib/audit.ts';
import type { Handler } from '../../lib/openapi.ts';
import { requireAuth } from '../../lib/session.ts';
import { toCriterion } from '../../use-cases/registry.ts';
import type * as routes from './registry.routes.ts';

type Ctx = Context<AppEnv>;

/** The criteria lists: read by everyone in the province, kept by the system administrators. */

/** The province whose list the caller reads: the one asked for if in scope (404 otherwise), else their own. */
async function criteriaProvince(c: Ctx, asked: string | undefined): Promise<string | null> {
  const { actor } = requireAuth(c);
  const { db } = c.get('deps');
  if (actor.role === 'system') {
    if (asked && !(await getProvince(db, asked))) throw new AppError(404, 'not_found');
    return asked ?? null;
  }
  let own = actor.provinceId;
  if (!own && actor.communeId) own = (await getCommune(db, actor.communeId))?.provinceId ?? null;
  if (asked && asked !== own) throw new AppError(404, 'not_found');
  return own;
}

const criteriaDto = (provinceId: string | null, list: { items: CriterionRow[]; inherited: boolean }) => ({
  provinceId,
  inherited: list.inherited,
  items: list.items.map(toCriterion),
});

export const criteria: Handler<typeof routes.criteria> = async (c) => {
  const provinceId = await criteriaProvince(c, c.req.valid('query').provinceId);
  return c.json(criteriaDto(provinceId, await criteriaFor(c.get('deps').db, provinceId)), 200);
};

export const replaceCriteria: Handler<typeof routes.replaceCriteria> = async (c) => {
  const { actor } = requireAuth(c);
  if (!canEditCriteria(actor)) throw new AppError(403, 'forbidden');
  const input = c.req.valid('json');
  const { db } = c.get('deps');
  if (input.provinceId && !(await getProvince(db, input.provinceId))) throw new AppError(404, 'not_found');
  const items = criteriaListInput.parse(input.items);
  const saved = await replaceCriteriaRows(db, input.provinceId, items);
  await audit(c, {
    entity: 'registry_criteria',
    entityId: input.provinceId,
    action: 'replace',
    summary: summarize({ provinceId: input.provinceId, keys: items.map((i) => i.key) }),
  });
  return c.json(criteriaDto(input.provinceId, saved), 200);
};
