import type { Context } from 'hono';
import {
  AppError,
  assignableRoles,
  canManageAccounts,
  canReadCommune,
  isWeakPassword,
  requiredScope,
  type Actor,
} from '@vungxanh/domain';
import {
  createAccount,
  deleteSessionsOf,
  getAccount,
  getCommune,
  getProvince,
  getUnit,
  listAccounts,
  updateAccount,
  type AccountRow,
} from '@vungxanh/db';
import type { AppEnv } from '../../lib/context.ts';
import { audit, summarize } from '../../lib/audit.ts';
import { toPage, type Handler } from '../../lib/openapi.ts';
import { forgetInitialPassword } from '../../lib/initial-password.ts';
import { generatePassword, hashPassword } from '../../lib/password.ts';
import { readableCommune } from '../../lib/scope.ts';
import { requireAuth } from '../../lib/session.ts';
import { unique } from '../../lib/unique.ts';
import type * as routes from './accounts.routes.ts';

const toDto = (a: AccountRow) => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  provinceId: a.provinceId,
  communeId: a.communeId,
  villageId: a.villageId,
  schoolId: a.schoolId,
  totpEnabled: a.totpEnabled,
  disabled: a.disabled,
  lastLoginAt: a.lastLoginAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
});

function manager(c: Context<AppEnv>): Actor {
  const { actor } = requireAuth(c);
  if (!canManageAccounts(actor)) throw new AppError(403, 'forbidden');
  return actor;
}

/** An account the caller manages, or 404: commune admins see only their commune's accounts. */
async function managedAccount(c: Context<AppEnv>, id: string) {
  const actor = manager(c);
  const account = await getAccount(c.get('deps').db, id);
  if (!account) throw new AppError(404, 'not_found');
  if (actor.role !== 'system' && (account.communeId !== actor.communeId || account.role === 'system')) {
    throw new AppError(404, 'not_found');
  }
  return account;
}

const invalidScope = (path: string) =>
  new AppError(422, 'validation_failed', {}, [{ path, message: 'required for this role' }]);

export const list: Handler<typeof routes.list> = async (c) => {
  const actor = manager(c);
  const query = c.req.valid('query');
  let communeId = query.communeId;
  if (actor.role !== 'system') communeId = actor.communeId!;
  else if (communeId) await readableCommune(c, communeId);
  const result = await listAccounts(c.get('deps').db, { ...toPage(query), ...(communeId ? { communeId } : {}) });
  return c.json(
    { items: result.items.map(toDto), total: result.total, page: query.page, pageSize: query.pageSize },
    200,
  );
};

export const get: Handler<typeof routes.get> = async (c) =>
  c.json(toDto(await managedAccount(c, c.req.valid('param').id)), 200);

export const create: Handler<typeof routes.create> = async (c) => {
  const actor = manager(c);
  const input = c.req.valid('json');
  const { db } = c.get('deps');
  if (!assignableRoles(actor).includes(input.role)) throw new AppError(403, 'forbidden');
  if (isWeakPassword(input.password, input.username)) throw new AppError(422, 'weak_password');

  // Fill and check the scope the role needs; a unit outside the caller's scope is 404.
  const scope = {
    provinceId: null as string | null,
    communeId: null as string | null,
    villageId: null as string | null,
    schoolId: null as string | null,
  };
  switch (requiredScope(input.role)) {
    case 'province': {
      if (!input.provinceId) throw invalidScope('provinceId');
      if (actor.role !== 'system' || !(await getProvince(db, input.provinceId))) throw new AppError(404, 'not_found');
      scope.provinceId = input.provinceId;
      break;
    }
    case 'commune': {
      const commune = await readableCommune(c, input.communeId ?? actor.communeId ?? '');
      scope.communeId = commune.id;
      break;
    }
    case 'village':
    case 'school': {
      const kind = input.role === 'village_head' ? 'villages' : 'schools';
      const unitId = kind === 'villages' ? input.villageId : input.schoolId;
      if (!unitId) throw invalidScope(kind === 'villages' ? 'villageId' : 'schoolId');
      const unit = await getUnit(db, kind, unitId);
      const commune = unit && (await getCommune(db, unit.communeId));
      if (!unit || !commune || !canReadCommune(actor, commune)) throw new AppError(404, 'not_found');
      scope.communeId = commune.id;
      if (kind === 'villages') scope.villageId = unit.id;
      else scope.schoolId = unit.id;
      break;
    }
    case 'none':
      break;
  }
  if (actor.role !== 'system' && scope.communeId !== actor.communeId) throw new AppError(404, 'not_found');
  if (scope.communeId) scope.provinceId = (await getCommune(db, scope.communeId))!.provinceId;

  const account = await unique(
    async () =>
      createAccount(db, {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash: await hashPassword(input.password),
        ...scope,
      }),
    'duplicate_username',
  );
  const { password: _password, ...rest } = input;
  await audit(c, {
    entity: 'account',
    entityId: account.id,
    communeId: account.communeId,
    action: 'create',
    summary: summarize({ ...rest, ...scope }),
  });
  return c.json(toDto(account), 201);
};

export const update: Handler<typeof routes.update> = async (c) => {
  const account = await managedAccount(c, c.req.valid('param').id);
  const patch = c.req.valid('json');
  const { db } = c.get('deps');
  const auth = requireAuth(c);
  if (patch.disabled === true && account.id === auth.account.id) throw new AppError(409, 'conflict');
  const updated = (await updateAccount(db, account.id, patch))!;
  if (patch.disabled === true) await deleteSessionsOf(db, account.id);
  const action = patch.disabled === true ? 'disable' : patch.disabled === false ? 'enable' : 'update';
  await audit(c, {
    entity: 'account',
    entityId: account.id,
    communeId: account.communeId,
    action,
    summary: summarize(patch),
  });
  return c.json(toDto(updated), 200);
};

export const resetPassword: Handler<typeof routes.resetPassword> = async (c) => {
  const account = await managedAccount(c, c.req.valid('param').id);
  const { db } = c.get('deps');
  const password = generatePassword();
  await updateAccount(db, account.id, { passwordHash: await hashPassword(password), mustChangePassword: true });
  await deleteSessionsOf(db, account.id);
  if (account.username === 'admin') forgetInitialPassword(c.get('deps').initialPasswordFile);
  await audit(c, { entity: 'account', entityId: account.id, communeId: account.communeId, action: 'reset_password' });
  return c.json({ password }, 200);
};
