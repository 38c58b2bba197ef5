import type { Context } from 'hono';
import {
  AppError,
  canHandleTips,
  canManageUnits,
  canReadTipFigures,
  recoveryHolder,
  tipDay,
  tipFigures,
  vietnamToday,
  type WrappedKeyInput,
} from '@vungxanh/domain';
import {
  addTipMessage,
  createTipKey,
  deleteTipKeyWrap,
  getCommune,
  getTip,
  getUnit,
  listHotlines,
  listTips,
  policeOfficers,
  putTipKeyWrap,
  setTipStatus,
  tipKeyHolders,
  tipKeyOf,
  tipKeyWrapOf,
  tipMessagesOf,
  tipStatusRows,
  type TipRow,
} from '@vungxanh/db';
import { audit, summarize } from '../../lib/audit.ts';
import type { AppEnv } from '../../lib/context.ts';
import { docLocale } from '../../lib/doc-locale.ts';
import { posterQr } from '../../lib/lazy-modules.ts';
import type { Handler } from '../../lib/openapi.ts';
import { pdfAnswer } from '../../lib/pdf.ts';
import { communeParam, readableCommune } from '../../lib/scope.ts';
import { requireAuth } from '../../lib/session.ts';
import { tipPosterPdf } from './tips.poster.ts';
import type * as routes from './tips.routes.ts';

/**
 * The police side of the tip box. The server never sees a passphrase, a private key or a tip's content: it keeps
 * wraps and ciphertext made in the officers' browsers. Every write is audited by action only, with no content.
 */

/** The caller, who must be a commune police officer; their commune is the one every tip route is about. */
function police(c: Context<AppEnv>) {
  const { actor } = requireAuth(c);
  if (!actor.communeId || !canHandleTips(actor, actor.communeId)) throw new AppError(403, 'forbidden');
  return { actor, communeId: actor.communeId };
}

async function boxOf(c: Context<AppEnv>, communeId: string, accountId: string) {
  const { db } = c.get('deps');
  const [key, mine, holders, officers] = await Promise.all([
    tipKeyOf(db, communeId),
    tipKeyWrapOf(db, communeId, accountId),
    tipKeyHolders(db, communeId),
    policeOfficers(db, communeId),
  ]);
  return {
    communeId,
    publicKey: key?.publicKey ?? null,
    createdOn: key?.createdOn ?? null,
    myWrap: mine ? { wrapped: JSON.parse(mine.wrapped) as WrappedKeyInput, provisional: mine.provisional } : null,
    holders: holders.map((h) => ({ ...h, name: h.name ?? null })),
    officers,
  };
}

export const box: Handler<typeof routes.box> = async (c) => {
  const { actor, communeId } = police(c);
  return c.json(await boxOf(c, communeId, actor.accountId), 200);
};

export const createBox: Handler<typeof routes.createBox> = async (c) => {
  const { actor, communeId } = police(c);
  const { db } = c.get('deps');
  const input = c.req.valid('json');
  if (await tipKeyOf(db, communeId)) throw new AppError(409, 'tip_box_exists');
  const today = vietnamToday();
  const wrap = (holder: string, wrapped: WrappedKeyInput) => ({
    communeId,
    holder,
    wrapped: JSON.stringify(wrapped),
    provisional: false,
    grantedBy: actor.accountId,
    grantedOn: today,
  });
  try {
    await createTipKey(db, { communeId, publicKey: input.publicKey, createdBy: actor.accountId, createdOn: today }, [
      wrap(actor.accountId, input.wrapped),
      wrap(recoveryHolder, input.recoveryWrapped),
    ]);
  } catch (err) {
    // Two officers creating the key at once: the second finds the first's.
    if (await tipKeyOf(db, communeId)) throw new AppError(409, 'tip_box_exists');
    throw err;
  }
  await audit(c, { entity: 'tip_box', entityId: communeId, communeId, action: 'create_key', summary: '' });
  return c.json(await boxOf(c, communeId, actor.accountId), 201);
};

export const recoveryWrap: Handler<typeof routes.recoveryWrap> = async (c) => {
  const { communeId } = police(c);
  const wrap = await tipKeyWrapOf(c.get('deps').db, communeId, recoveryHolder);
  if (!wrap) throw new AppError(404, 'not_found');
  return c.json({ wrapped: JSON.parse(wrap.wrapped) as WrappedKeyInput }, 200);
};

/**
 * Stores a wrap. An officer may always store their own (a new passphrase, or their first after opening the recovery
 * sheet); giving access to another officer or making a new recovery sheet needs a wrap of one's own, since only a
 * holder can have unlocked the key. A wrap made for someone else is provisional until its holder chooses a
 * passphrase of their own.
 */
export const putWrap: Handler<typeof routes.putWrap> = async (c) => {
  const { actor, communeId } = police(c);
  const { db } = c.get('deps');
  const { holder } = c.req.valid('param');
  const { wrapped } = c.req.valid('json');
  if (!(await tipKeyOf(db, communeId))) throw new AppError(409, 'tip_box_missing');
  const own = holder === actor.accountId;
  if (!own) {
    if (!(await tipKeyWrapOf(db, communeId, actor.accountId))) throw new AppError(403, 'tip_key_not_held');
    if (holder !== recoveryHolder && !(await policeOfficers(db, communeId)).some((o) => o.id === holder))
      throw new AppError(422, 'validation_failed', {}, [
        { path: 'holder', message: 'not a police officer of this commune' },
      ]);
  }
  await putTipKeyWrap(db, {
    communeId,
    holder,
    wrapped: JSON.stringify(wrapped),
    provisional: !own && holder !== recoveryHolder,
    grantedBy: actor.accountId,
    grantedOn: vietnamToday(),
  });
  await audit(c, {
    entity: 'tip_box',
    entityId: communeId,
    communeId,
    action: own ? 'rewrap_key' : holder === recoveryHolder ? 'new_recovery_sheet' : 'grant_key',
    summary: own || holder === recoveryHolder ? '' : summarize({ holder }),
  });
  return c.json(await boxOf(c, communeId, actor.accountId), 200);
};

export const deleteWrap: Handler<typeof routes.deleteWrap> = async (c) => {
  const { actor, communeId } = police(c);
  const { db } = c.get('deps');
  const { holder } = c.req.valid('param');
  if (holder === recoveryHolder) throw new AppError(409, 'tip_recovery_kept');
  if (holder !== actor.accountId && !(await tipKeyWrapOf(db, communeId, actor.accountId)))
    throw new AppError(403, 'tip_key_not_held');
  if (!(await deleteTipKeyWrap(db, communeId, holder))) throw new AppError(404, 'not_found');
  await audit(c, {
    entity: 'tip_box',
    entityId: communeId,
    communeId,
    action: 'revoke_key',
    summary: summarize({ holder }),
  });
  return c.json(await boxOf(c, communeId, actor.accountId), 200);
};

export const list: Handler<typeof routes.list> = async (c) => {
  const { communeId } = police(c);
  const items = await listTips(c.get('deps').db, communeId, c.req.valid('query'));
  return c.json({ items }, 200);
};

/** A tip of the caller's commune; another commune's tip is 404 like one that does not exist. */
async function ownTip(c: Context<AppEnv>, id: string): Promise<TipRow> {
  const { communeId } = police(c);
  const tip = await getTip(c.get('deps').db, id);
  if (!tip || tip.communeId !== communeId) throw new AppError(404, 'not_found');
  return tip;
}

/** A tip as the inbox shows it; after a write, the row as it is now. */
async function detail(c: Context<AppEnv>, row: TipRow | string) {
  const { db } = c.get('deps');
  const tip = typeof row === 'string' ? await getTip(db, row) : row;
  if (!tip) throw new AppError(404, 'not_found');
  const [thread, village] = await Promise.all([
    tipMessagesOf(db, tip.id),
    tip.villageId ? getUnit(db, 'villages', tip.villageId) : null,
  ]);
  return {
    id: tip.id,
    villageId: tip.villageId,
    villageName: village?.name ?? null,
    receivedOn: tip.receivedOn,
    status: tip.status,
    handedTo: tip.handedTo,
    changedOn: tip.changedOn,
    size: tip.ciphertext.length,
    messages: thread.length,
    ciphertext: tip.ciphertext,
    thread,
  };
}

export const get: Handler<typeof routes.get> = async (c) => {
  return c.json(await detail(c, await ownTip(c, c.req.valid('param').id)), 200);
};

export const setStatus: Handler<typeof routes.setStatus> = async (c) => {
  const tip = await ownTip(c, c.req.valid('param').id);
  const { status, handedTo } = c.req.valid('json');
  await setTipStatus(c.get('deps').db, tip.id, status, handedTo ?? null, tipDay());
  await audit(c, {
    entity: 'tip',
    entityId: tip.id,
    communeId: tip.communeId,
    action: 'set_status',
    summary: summarize({ from: tip.status, to: status, ...(handedTo ? { handedTo } : {}) }),
  });
  return c.json(await detail(c, tip.id), 200);
};

export const addMessage: Handler<typeof routes.addMessage> = async (c) => {
  const { actor } = police(c);
  const tip = await ownTip(c, c.req.valid('param').id);
  const { kind, ciphertext } = c.req.valid('json');
  await addTipMessage(c.get('deps').db, {
    tipId: tip.id,
    kind,
    ciphertext,
    authorId: actor.accountId,
    writtenOn: tipDay(),
  });
  await audit(c, {
    entity: 'tip',
    entityId: tip.id,
    communeId: tip.communeId,
    action: kind === 'reply' ? 'reply' : 'add_note',
    summary: '',
  });
  return c.json(await detail(c, tip.id), 201);
};

export const figures: Handler<typeof routes.figures> = async (c) => {
  const { actor } = requireAuth(c);
  const query = c.req.valid('query');
  const commune = await readableCommune(c, communeParam(c, query.communeId));
  if (!canReadTipFigures(actor, commune)) throw new AppError(403, 'forbidden');
  const { db } = c.get('deps');
  const year = query.year ?? Number(vietnamToday().slice(0, 4));
  const [rows, key] = await Promise.all([
    tipStatusRows(db, commune.id, `${year}-01-01`, `${year}-12-31`),
    tipKeyOf(db, commune.id),
  ]);
  return c.json(
    { communeId: commune.id, year, open: key !== null, figures: tipFigures(rows), total: rows.length },
    200,
  );
};

/** The tip-box poster for a village's board: who may print it are those who run the commune's boards and the police. */
export const poster: Handler<typeof routes.poster> = async (c) => {
  const { actor } = requireAuth(c);
  const { villageId } = c.req.valid('query');
  const communeId = actor.communeId;
  if (!communeId || !(canManageUnits(actor, communeId) || canHandleTips(actor, communeId)))
    throw new AppError(403, 'forbidden');
  const { db, config } = c.get('deps');
  const [commune, key, village] = await Promise.all([
    getCommune(db, communeId),
    tipKeyOf(db, communeId),
    villageId ? getUnit(db, 'villages', villageId) : null,
  ]);
  if (!commune || (villageId && (!village || village.communeId !== communeId))) throw new AppError(404, 'not_found');
  if (!key) throw new AppError(409, 'tip_box_missing');
  const origin = config.PUBLIC_ORIGIN ?? new URL(c.req.url).origin;
  const params = new URLSearchParams({ commune: communeId, ...(village ? { village: village.id } : {}) });
  const url = `${origin}/tips?${params}`;
  const [qr, hotlines] = await Promise.all([posterQr(url), listHotlines(db, [communeId])]);
  const pdf = await tipPosterPdf({
    communeName: commune.name,
    villageName: village?.name ?? null,
    url,
    // Ids are for the QR; a person typing the link picks their commune on the page.
    typedUrl: `${origin}/tips`,
    qrDataUrl: qr,
    hotlines: hotlines.filter((h) => h.active),
    locale: docLocale(c),
  });
  await audit(c, {
    entity: 'tip_box',
    entityId: communeId,
    communeId,
    action: 'export_poster',
    summary: summarize({ village: village?.name ?? '' }),
  });
  return pdfAnswer(c, pdf, 'ap-phich-hom-thu-to-giac.pdf');
};
