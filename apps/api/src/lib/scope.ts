import type { Context } from 'hono';
import { AppError, canManageUnits, canReadCommune } from '@vungxanh/domain';
import { getCommune, listCommunes, type Db } from '@vungxanh/db';
import type { Actor } from '@vungxanh/domain';
import type { AppEnv } from './context.ts';
import { requireAuth } from './session.ts';

/** The commune if the caller may read it; otherwise 404, so other communes' ids reveal nothing. */
export async function readableCommune(c: Context<AppEnv>, communeId: string) {
  const { actor } = requireAuth(c);
  const commune = await getCommune(c.get('deps').db, communeId);
  if (!commune || !canReadCommune(actor, commune)) throw new AppError(404, 'not_found');
  return commune;
}

/** The commune if the caller may manage its units: 404 outside their scope, 403 inside it without the role. */
export async function manageableCommune(c: Context<AppEnv>, communeId: string) {
  const commune = await readableCommune(c, communeId);
  if (!canManageUnits(requireAuth(c).actor, commune.id)) throw new AppError(403, 'forbidden');
  return commune;
}

/** The commune a list is about: the one asked for, or the caller's own. */
export function communeParam(c: Context<AppEnv>, asked: string | undefined): string {
  const { actor } = requireAuth(c);
  const communeId = asked ?? actor.communeId;
  if (!communeId) throw new AppError(422, 'validation_failed', {}, [{ path: 'communeId', message: 'required' }]);
  return communeId;
}

/** The communes an actor reads (optionally within one province), by the same rule as `canReadCommune`. */
export async function visibleCommunes(db: Db, actor: Actor, provinceId?: string) {
  if (actor.role === 'system') return listCommunes(db, provinceId ? { provinceId } : {});
  if (actor.role === 'province_viewer') {
    if (!actor.provinceId || (provinceId && provinceId !== actor.provinceId)) return [];
    return listCommunes(db, { provinceId: actor.provinceId });
  }
  if (!actor.communeId) return [];
  const rows = await listCommunes(db, { ids: [actor.communeId] });
  return provinceId ? rows.filter((r) => r.provinceId === provinceId) : rows;
}

/** The ids of those communes, or null for "all" (the system role), for filters on commune-scoped rows. */
export async function visibleCommuneIds(c: Context<AppEnv>): Promise<string[] | null> {
  const { actor } = requireAuth(c);
  if (actor.role === 'system') return null;
  return (await visibleCommunes(c.get('deps').db, actor)).map((r) => r.id);
}
