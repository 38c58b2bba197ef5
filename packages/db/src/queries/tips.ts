import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { accounts, tipKeyWraps, tipKeys, tipMessages, tips, villages } from '../schema/index.ts';

export type TipRow = typeof tips.$inferSelect;
export type TipMessageRow = typeof tipMessages.$inferSelect;

export async function tipKeyOf(db: Db, communeId: string) {
  return (await db.select().from(tipKeys).where(eq(tipKeys.communeId, communeId)))[0] ?? null;
}

/** The key and its first two wraps (the creating officer's and the recovery sheet's) in one transaction. */
export async function createTipKey(
  db: Db,
  key: typeof tipKeys.$inferInsert,
  wraps: readonly (typeof tipKeyWraps.$inferInsert)[],
) {
  await db.batch([db.insert(tipKeys).values(key), db.insert(tipKeyWraps).values([...wraps])]);
}

export async function tipKeyWrapOf(db: Db, communeId: string, holder: string) {
  return (
    (
      await db
        .select()
        .from(tipKeyWraps)
        .where(and(eq(tipKeyWraps.communeId, communeId), eq(tipKeyWraps.holder, holder)))
    )[0] ?? null
  );
}

/** Writes a holder's wrap, replacing any earlier one (a re-wrap under a new passphrase, or a renewed grant). */
export async function putTipKeyWrap(db: Db, row: typeof tipKeyWraps.$inferInsert) {
  await db
    .insert(tipKeyWraps)
    .values(row)
    .onConflictDoUpdate({
      target: [tipKeyWraps.communeId, tipKeyWraps.holder],
      set: {
        wrapped: row.wrapped,
        provisional: row.provisional ?? false,
        grantedBy: row.grantedBy,
        grantedOn: row.grantedOn,
      },
    });
}

export async function deleteTipKeyWrap(db: Db, communeId: string, holder: string) {
  const gone = await db
    .delete(tipKeyWraps)
    .where(and(eq(tipKeyWraps.communeId, communeId), eq(tipKeyWraps.holder, holder)))
    .returning({ holder: tipKeyWraps.holder });
  return gone.length > 0;
}

/** Who holds a wrap of the commune's key, with names (the recovery sheet has no account). */
export async function tipKeyHolders(db: Db, communeId: string) {
  return db
    .select({
      holder: tipKeyWraps.holder,
      name: accounts.displayName,
      provisional: tipKeyWraps.provisional,
      grantedOn: tipKeyWraps.grantedOn,
    })
    .from(tipKeyWraps)
    .leftJoin(accounts, eq(accounts.id, tipKeyWraps.holder))
    .where(eq(tipKeyWraps.communeId, communeId))
    .orderBy(asc(tipKeyWraps.grantedOn));
}

export async function insertTip(db: Db, row: typeof tips.$inferInsert) {
  await db.insert(tips).values(row);
}

export async function tipByLookup(db: Db, lookupHash: string) {
  return (await db.select().from(tips).where(eq(tips.lookupHash, lookupHash)))[0] ?? null;
}

export async function getTip(db: Db, id: string) {
  return (await db.select().from(tips).where(eq(tips.id, id)))[0] ?? null;
}

/** A commune's tips, newest day first, without their ciphertext (a sealed photo may be a megabyte). */
export async function listTips(db: Db, communeId: string, filter: { status?: TipRow['status'] } = {}) {
  return db
    .select({
      id: tips.id,
      villageId: tips.villageId,
      villageName: villages.name,
      receivedOn: tips.receivedOn,
      status: tips.status,
      handedTo: tips.handedTo,
      changedOn: tips.changedOn,
      size: sql<number>`length(${tips.ciphertext})`,
      messages: sql<number>`(SELECT count(*) FROM tip_messages m WHERE m.tip_id = ${tips.id})`,
    })
    .from(tips)
    .leftJoin(villages, eq(villages.id, tips.villageId))
    .where(and(eq(tips.communeId, communeId), filter.status ? eq(tips.status, filter.status) : undefined))
    .orderBy(desc(tips.receivedOn), desc(sql`${tips}.rowid`));
}

export async function tipMessagesOf(db: Db, tipId: string) {
  return db
    .select({
      seq: tipMessages.seq,
      kind: tipMessages.kind,
      ciphertext: tipMessages.ciphertext,
      writtenOn: tipMessages.writtenOn,
      authorName: accounts.displayName,
    })
    .from(tipMessages)
    .leftJoin(accounts, eq(accounts.id, tipMessages.authorId))
    .where(eq(tipMessages.tipId, tipId))
    .orderBy(asc(tipMessages.seq));
}

/** Adds a message; a reply also marks the tip changed for the tipster. One transaction. */
export async function addTipMessage(db: Db, row: typeof tipMessages.$inferInsert) {
  const statements = [db.insert(tipMessages).values(row)] as const;
  if (row.kind === 'reply')
    await db.batch([...statements, db.update(tips).set({ changedOn: row.writtenOn }).where(eq(tips.id, row.tipId))]);
  else await db.batch(statements);
}

/** Counts of tips per message kind, to cap what a receipt-code holder may add. */
export async function tipsterMessageCount(db: Db, tipId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(tipMessages)
    .where(and(eq(tipMessages.tipId, tipId), eq(tipMessages.kind, 'tipster')));
  return row?.n ?? 0;
}

export async function setTipStatus(
  db: Db,
  id: string,
  status: TipRow['status'],
  handedTo: TipRow['handedTo'],
  changedOn: string,
) {
  await db.update(tips).set({ status, handedTo, changedOn }).where(eq(tips.id, id));
}

/** Month and status of every tip of a commune since a day: all the figures need, nothing readable. */
export async function tipStatusRows(db: Db, communeId: string, from: string, to: string) {
  return db
    .select({ receivedOn: tips.receivedOn, status: tips.status })
    .from(tips)
    .where(and(eq(tips.communeId, communeId), sql`${tips.receivedOn} >= ${from}`, sql`${tips.receivedOn} <= ${to}`));
}

/** The commune's police officers who may be given access to the key (enabled accounts only). */
export async function policeOfficers(db: Db, communeId: string) {
  return db
    .select({ id: accounts.id, name: accounts.displayName })
    .from(accounts)
    .where(and(eq(accounts.communeId, communeId), eq(accounts.role, 'commune_police'), eq(accounts.disabled, false)))
    .orderBy(asc(accounts.displayName));
}
