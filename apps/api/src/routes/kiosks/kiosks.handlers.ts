import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Context } from 'hono';
import { AppError, pairingPolicy } from '@vungxanh/domain';
import {
  getKiosk,
  getUnit,
  insertKiosk,
  listKiosks,
  redeemPairingCode,
  updateKiosk,
  type KioskRow,
} from '@vungxanh/db';
import type { AppEnv } from '../../lib/context.ts';
import { audit, summarize } from '../../lib/audit.ts';
import { clientIp } from '../../lib/client-ip.ts';
import { deviceKiosk } from '../../lib/device.ts';
import type { Handler } from '../../lib/openapi.ts';
import { communeParam, manageableCommune, readableCommune } from '../../lib/scope.ts';
import { requireAuth } from '../../lib/session.ts';
import type * as routes from './kiosks.routes.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

const toDto = (k: KioskRow) => ({
  id: k.id,
  communeId: k.communeId,
  name: k.name,
  villageId: k.villageId,
  schoolId: k.schoolId,
  idleSeconds: k.idleSeconds,
  status: k.revokedAt ? ('revoked' as const) : k.deviceTokenHash ? ('paired' as const) : ('pending' as const),
  pairingExpiresAt: k.pairingExpiresAt?.toISOString() ?? null,
  pairedAt: k.pairedAt?.toISOString() ?? null,
  lastSeenAt: k.lastSeenAt?.toISOString() ?? null,
  viVoice: k.viVoice ?? null,
  eventsCount: k.eventsCount,
});

/** A new six-digit code; only its hash is stored. */
function newPairingCode(now: Date) {
  const code = String(randomInt(0, 10 ** pairingPolicy.digits)).padStart(pairingPolicy.digits, '0');
  const expiresAt = new Date(now.getTime() + pairingPolicy.validMinutes * 60_000);
  return { code, hash: sha(`pair:${code}`), expiresAt };
}

async function managedKiosk(c: Context<AppEnv>, id: string) {
  const kiosk = await getKiosk(c.get('deps').db, id);
  if (!kiosk) throw new AppError(404, 'not_found');
  await manageableCommune(c, kiosk.communeId);
  return kiosk;
}

export const list: Handler<typeof routes.list> = async (c) => {
  const commune = await readableCommune(c, communeParam(c, c.req.valid('query').communeId));
  return c.json({ items: (await listKiosks(c.get('deps').db, commune.id)).map(toDto) }, 200);
};

export const create: Handler<typeof routes.create> = async (c) => {
  const { actor } = requireAuth(c);
  const input = c.req.valid('json');
  const { db } = c.get('deps');
  const unit = input.villageId
    ? await getUnit(db, 'villages', input.villageId)
    : await getUnit(db, 'schools', input.schoolId!);
  if (!unit) throw new AppError(404, 'not_found');
  await manageableCommune(c, unit.communeId);
  const pairing = newPairingCode(new Date());
  const kiosk = await insertKiosk(db, {
    communeId: unit.communeId,
    name: input.name,
    villageId: input.villageId ?? null,
    schoolId: input.schoolId ?? null,
    idleSeconds: input.idleSeconds,
    pairingCodeHash: pairing.hash,
    pairingExpiresAt: pairing.expiresAt,
  });
  await audit(c, {
    entity: 'kiosk',
    entityId: kiosk.id,
    communeId: kiosk.communeId,
    action: 'create',
    summary: summarize({ ...input, by: actor.role }),
  });
  return c.json({ kiosk: toDto(kiosk), pairingCode: pairing.code, expiresAt: pairing.expiresAt.toISOString() }, 201);
};

export const update: Handler<typeof routes.update> = async (c) => {
  const kiosk = await managedKiosk(c, c.req.valid('param').id);
  const patch = c.req.valid('json');
  const row = (await updateKiosk(c.get('deps').db, kiosk.id, patch))!;
  await audit(c, {
    entity: 'kiosk',
    entityId: kiosk.id,
    communeId: kiosk.communeId,
    action: 'update',
    summary: summarize(patch),
  });
  return c.json(toDto(row), 200);
};

export const newCode: Handler<typeof routes.newCode> = async (c) => {
  const kiosk = await managedKiosk(c, c.req.valid('param').id);
  if (kiosk.revokedAt) throw new AppError(409, 'conflict');
  const pairing = newPairingCode(new Date());
  const row = (await updateKiosk(c.get('deps').db, kiosk.id, {
    pairingCodeHash: pairing.hash,
    pairingExpiresAt: pairing.expiresAt,
  }))!;
  await audit(c, { entity: 'kiosk', entityId: kiosk.id, communeId: kiosk.communeId, action: 'pairing_code' });
  return c.json({ kiosk: toDto(row), pairingCode: pairing.code, expiresAt: pairing.expiresAt.toISOString() }, 200);
};

export const revoke: Handler<typeof routes.revoke> = async (c) => {
  const kiosk = await managedKiosk(c, c.req.valid('param').id);
  const row = (await updateKiosk(c.get('deps').db, kiosk.id, {
    revokedAt: new Date(),
    deviceTokenHash: null,
    pairingCodeHash: null,
    pairingExpiresAt: null,
  }))!;
  await audit(c, { entity: 'kiosk', entityId: kiosk.id, communeId: kiosk.communeId, action: 'revoke' });
  return c.json(toDto(row), 200);
};

async function deviceOf(c: Context<AppEnv>, kiosk: KioskRow) {
  const { db } = c.get('deps');
  const place = kiosk.villageId
    ? await getUnit(db, 'villages', kiosk.villageId)
    : kiosk.schoolId
      ? await getUnit(db, 'schools', kiosk.schoolId)
      : null;
  return {
    kioskId: kiosk.id,
    name: kiosk.name,
    communeId: kiosk.communeId,
    villageId: kiosk.villageId,
    schoolId: kiosk.schoolId,
    placeName: place?.name ?? '',
    idleSeconds: kiosk.idleSeconds,
  };
}

export const pair: Handler<typeof routes.pair> = async (c) => {
  const { db, limits } = c.get('deps');
  const wait = limits.publicWrite.hit(`pair:${clientIp(c)}`);
  if (wait) throw new AppError(429, 'rate_limited', { retryAfter: wait });
  const token = randomBytes(32).toString('base64url');
  const kiosk = await redeemPairingCode(db, sha(`pair:${c.req.valid('json').code}`), sha(token), new Date());
  if (!kiosk) throw new AppError(422, 'pairing_code_invalid');
  await audit(c, { entity: 'kiosk', entityId: kiosk.id, communeId: kiosk.communeId, action: 'paired' });
  return c.json({ deviceToken: token, device: await deviceOf(c, kiosk) }, 200);
};

export const me: Handler<typeof routes.me> = async (c) => {
  const kiosk = await deviceKiosk(c);
  if (!kiosk) throw new AppError(401, 'unauthenticated');
  const { viVoice } = c.req.valid('query');
  await updateKiosk(c.get('deps').db, kiosk.id, {
    lastSeenAt: new Date(),
    ...(viVoice ? { viVoice: viVoice === 'yes' } : {}),
  });
  return c.json(await deviceOf(c, kiosk), 200);
};
