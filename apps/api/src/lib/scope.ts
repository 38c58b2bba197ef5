import type { Context } from 'hono';
import { AppError, canManageUnits, canReadCommune } from '@vungxanh/domain';
import { getCommune } from '@vungxanh/db';
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
