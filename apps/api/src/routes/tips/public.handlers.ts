import type { Context } from 'hono';
import { AppError, tipDay, tipLimits, tipsterThread } from '@vungxanh/domain';
import {
  addTipMessage,
  getCommune,
  getUnit,
  insertTip,
  listUnits,
  tipByLookup,
  tipKeyOf,
  tipMessagesOf,
  tipsterMessageCount,
} from '@vungxanh/db';
import type { AppEnv } from '../../lib/context.ts';
import { blindKeys } from '../../lib/blind-key.ts';
import { clientIp } from '../../lib/client-ip.ts';
import type { Handler } from '../../lib/openapi.ts';
import { hashToken as lookupHash } from '../../lib/session.ts';
import type * as routes from './public.routes.ts';

/**
 * The tipster's side. These routes are confidential (see lib/confidential-routes.ts): no request log line, no
 * latency metric, no audit entry. What is stored is the commune, the village if chosen, the Vietnam day and
 * ciphertext made in the browser.
 */

// Tips arrive rarely: a handful per hour from one address or one kiosk, more would be a script. The limiters count
// under keys blinded with a secret of this process that is replaced daily, so their tables hold no address.
const blind = blindKeys();
const limiters = { send: 'tipSend', read: 'tipRead', add: 'tipAdd' } as const;

/** Counts a hit against the caller's address and, on a kiosk, its device token; 429 when over. */
function limit(c: Context<AppEnv>, which: keyof typeof limiters) {
  const limiter = c.get('deps').limits[limiters[which]];
  const keys = [blind(`${which}-ip`, clientIp(c))];
  const device = c.req.header('authorization');
  if (device) keys.push(blind(`${which}-device`, device));
  const wait = Math.max(...keys.map((key) => limiter.hit(key)));
  if (wait) throw new AppError(429, 'rate_limited', { retryAfter: wait });
}

export const box: Handler<typeof routes.box> = async (c) => {
  const { db } = c.get('deps');
  const { communeId } = c.req.valid('query');
  const [commune, key] = await Promise.all([getCommune(db, communeId), tipKeyOf(db, communeId)]);
  if (!commune) throw new AppError(404, 'not_found');
  if (!key) throw new AppError(404, 'tip_box_closed');
  const villages = await listUnits(db, 'villages', { communeId, limit: 2000, offset: 0 });
  return c.json(
    {
      communeId,
      communeName: commune.name,
      publicKey: key.publicKey,
      villages: villages.items.map((v) => ({ id: v.id, name: v.name })),
    },
    200,
  );
};

export const submit: Handler<typeof routes.submit> = async (c) => {
  const { db } = c.get('deps');
  const input = c.req.valid('json');
  limit(c, 'send');
  const key = await tipKeyOf(db, input.communeId);
  if (!key) throw new AppError(404, 'tip_box_closed');
  const village = input.villageId ? await getUnit(db, 'villages', input.villageId) : null;
  if (input.villageId && (!village || village.communeId !== input.communeId || !village.active))
    throw new AppError(422, 'validation_failed', {}, [{ path: 'villageId', message: 'not a village of this commune' }]);
  const receivedOn = tipDay();
  await insertTip(db, {
    id: crypto.randomUUID(),
    communeId: input.communeId,
    villageId: input.villageId ?? null,
    receivedOn,
    status: 'new',
    ciphertext: input.ciphertext,
    lookupHash: lookupHash(input.lookup),
    changedOn: receivedOn,
  });
  return c.json({ receivedOn }, 201);
};

export const read: Handler<typeof routes.read> = async (c) => {
  const { db } = c.get('deps');
  limit(c, 'read');
  const tip = await tipByLookup(db, lookupHash(c.req.valid('json').lookup));
  if (!tip) throw new AppError(404, 'not_found');
  const thread = tipsterThread(await tipMessagesOf(db, tip.id));
  return c.json(
    {
      communeId: tip.communeId,
      receivedOn: tip.receivedOn,
      status: tip.status,
      handedTo: tip.handedTo,
      changedOn: tip.changedOn,
      thread,
    },
    200,
  );
};

export const add: Handler<typeof routes.add> = async (c) => {
  const { db } = c.get('deps');
  const input = c.req.valid('json');
  limit(c, 'add');
  const tip = await tipByLookup(db, lookupHash(input.lookup));
  if (!tip) throw new AppError(404, 'not_found');
  if (tip.status === 'closed') throw new AppError(409, 'tip_closed');
  if ((await tipsterMessageCount(db, tip.id)) >= tipLimits.tipsterMessages) throw new AppError(409, 'tip_thread_full');
  const writtenOn = tipDay();
  await addTipMessage(db, { tipId: tip.id, kind: 'tipster', ciphertext: input.ciphertext, writtenOn, authorId: null });
  return c.json({ writtenOn }, 201);
};
