import { readFileSync, existsSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories } from '@vungxanh/db/testing';
import { schema } from '@vungxanh/db';
import { vietnamToday, type Role } from '@vungxanh/domain';
import * as tc from '@vungxanh/tip-crypto';
import { createLogger } from '../src/lib/logger.ts';
import { createHarness, ORIGIN, passwordHash, world } from './harness.ts';
import { pdfText } from './pdf-text.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
let h: H;
let w: Awaited<ReturnType<typeof world>>;
let police: {
  a1: { id: string; cookie: string };
  a2: { id: string; cookie: string };
  b: { id: string; cookie: string };
};
const logLines: string[] = [];
let dbFile: string;

// Argon2id at its cheapest the schema allows, so the tests spend their time on behaviour, not on key stretching.
const kdf = { opslimit: 1, memlimit: 8 * 1024 * 1024 };
const passphrase = 'mật khẩu của trưởng công an xã';
const recoveryPassphrase = 'R7KQP-M2XZN-4HTWC';

beforeAll(async () => {
  h = await createHarness({ TIP_RATE_LIMIT: '4', LOG_LEVEL: 'debug' });
  // Every line the server would write, kept to search for what must never be there.
  h.deps.logger = createLogger(
    'debug',
    new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  );
  dbFile = h.dbUrl.slice('file:'.length);
  w = await world(h);
  const hash = await passwordHash();
  const officer = async (communeId: string) => {
    const account = await factories.account(h.db, {
      role: 'commune_police',
      passwordHash: hash,
      username: `police-${Math.random().toString(36).slice(2, 8)}`,
      provinceId: w.p1.id,
      communeId,
    });
    return { id: account.id, cookie: await h.signIn(account.username) };
  };
  police = { a1: await officer(w.communeA.id), a2: await officer(w.communeA.id), b: await officer(w.communeB.id) };
});
afterAll(() => h.cleanup());

const asPolice = (who: { cookie: string }) => ({ cookie: who.cookie });

async function openBox() {
  const { publicKey, secretKey, wrapped } = await tc.createCommuneKey(passphrase, kdf);
  const recoveryWrapped = await tc.wrapPrivateKey(secretKey, recoveryPassphrase, kdf);
  const res = await h.call('POST', '/api/tips/box', {
    ...asPolice(police.a1),
    body: { publicKey, wrapped, recoveryWrapped },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return publicKey;
}

async function sendTip(publicKey: string, text: string, extra: { villageId?: string; contact?: string } = {}) {
  const code = await tc.newReceiptCode();
  const keys = await tc.receiptKeys(code);
  const ciphertext = await tc.sealTip(publicKey, { text, replyKey: keys.replyKey, contact: extra.contact });
  const res = await h.call('POST', '/api/public/tips', {
    body: { communeId: w.communeA.id, villageId: extra.villageId, ciphertext, lookup: keys.lookup },
  });
  return { res, code, keys };
}

describe('the tip box', () => {
  let publicKey: string;
  const marker = `MARKER-${crypto.randomUUID()}`;
  const contactMarker = `CONTACT-${crypto.randomUUID()}`;
  let tipId: string;
  let receipt: { code: string; keys: { lookup: string; replyKey: string } };

  it('is closed until a police officer creates the key', async () => {
    const res = await h.call('GET', `/api/public/tips/box?communeId=${w.communeA.id}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('tip_box_closed');
    expect(res.body.message).toMatch(/chưa mở/);
    publicKey = await openBox();
    const again = await h.call('POST', '/api/tips/box', {
      ...asPolice(police.a1),
      body: {
        publicKey,
        wrapped: await tc.wrapPrivateKey(new Uint8Array(32), 'x', kdf),
        recoveryWrapped: await tc.wrapPrivateKey(new Uint8Array(32), 'y', kdf),
      },
    });
    expect(again.status).toBe(409);
    const box = await h.call('GET', `/api/public/tips/box?communeId=${w.communeA.id}`);
    expect(box.status).toBe(200);
    expect(box.body.publicKey).toBe(publicKey);
    expect(box.body.villages.map((v: { id: string }) => v.id)).toContain(w.villageA.id);
  });

  it('stores a tip as ciphertext only: the marker is nowhere in the database file, the WAL, the logs or the audit log', async () => {
    const linesBefore = logLines.length;
    const sent = await sendTip(publicKey, `Có người bán ở bãi sông. ${marker}`, {
      villageId: w.villageA.id,
      contact: contactMarker,
    });
    expect(sent.res.status).toBe(201);
    expect(sent.res.body.receivedOn).toBe(vietnamToday());
    receipt = { code: sent.code, keys: sent.keys };
    h.deps.logger.flush();
    const files = [dbFile, `${dbFile}-wal`].filter((f) => existsSync(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const secret of [marker, contactMarker, sent.keys.lookup, sent.keys.replyKey, sent.code])
        expect(bytes.includes(Buffer.from(secret)), `${secret} in ${file}`).toBe(false);
    }
    const logs = logLines.join('');
    expect(logs).not.toContain(marker);
    expect(logs).not.toContain('/api/public/tips');
    // Not a line of any kind for the submit: a line's time would date the tip to the millisecond.
    expect(logLines.slice(linesBefore)).toEqual([]);
    const audit = JSON.stringify(await h.db.select().from(schema.auditLog));
    expect(audit).not.toContain(marker);
    expect(audit).not.toContain(contactMarker);
    // The row holds a day, not a time; the lookup only as a hash.
    const [row] = await h.db.select().from(schema.tips);
    expect(row!.receivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row!.lookupHash).not.toBe(sent.keys.lookup);
    tipId = row!.id;
  });

  it('refuses a village of another commune and a commune without a box, storing nothing', async () => {
    const closed = await h.call('GET', `/api/public/tips/box?communeId=${w.communeB.id}`);
    expect(closed.body.code).toBe('tip_box_closed');
    const keys = await tc.receiptKeys(await tc.newReceiptCode());
    const ciphertext = await tc.sealTip(publicKey, { text: 'x', replyKey: keys.replyKey });
    const toB = await h.call('POST', '/api/public/tips', {
      body: { communeId: w.communeB.id, ciphertext, lookup: keys.lookup },
    });
    expect(toB.status).toBe(404);
    const wrongVillage = await h.call('POST', '/api/public/tips', {
      body: { communeId: w.communeA.id, villageId: w.villageB.id, ciphertext, lookup: keys.lookup },
    });
    expect(wrongVillage.status).toBe(422);
    expect((await h.db.select().from(schema.tips)).length).toBe(1);
  });

  it('is read only by the commune police, in their browser, with the passphrase', async () => {
    for (const role of [
      'system',
      'commune_admin',
      'province_viewer',
      'organizer',
      'village_head',
      'school_staff',
    ] as Role[]) {
      const cookie = w.cookies[role as keyof typeof w.cookies];
      expect((await h.call('GET', '/api/tips', { cookie })).status, role).toBe(403);
      expect((await h.call('GET', `/api/tips/${tipId}`, { cookie })).status, role).toBe(403);
      expect((await h.call('GET', '/api/tips/box', { cookie })).status, role).toBe(403);
    }
    // Unknown ids are 404 on every tip route.
    const unknown = '00000000-0000-0000-0000-000000000000';
    expect((await h.call('GET', `/api/tips/${unknown}`, asPolice(police.a1))).status).toBe(404);
    expect(
      (await h.call('PATCH', `/api/tips/${unknown}`, { ...asPolice(police.a1), body: { status: 'closed' } })).status,
    ).toBe(404);
    expect(
      (
        await h.call('POST', `/api/tips/${unknown}/messages`, {
          ...asPolice(police.a1),
          body: { kind: 'note', ciphertext: 'abc' },
        })
      ).status,
    ).toBe(404);
    // Another commune's police: the tip does not exist for them.
    expect((await h.call('GET', `/api/tips/${tipId}`, asPolice(police.b))).status).toBe(404);
    expect((await h.call('GET', '/api/tips', asPolice(police.b))).body.items).toEqual([]);

    const list = await h.call('GET', '/api/tips', asPolice(police.a1));
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: tipId, status: 'new', villageName: w.villageA.name });
    const box = await h.call('GET', '/api/tips/box', asPolice(police.a1));
    expect(box.body.myWrap.provisional).toBe(false);
    await expect(tc.unlock(box.body.publicKey, box.body.myWrap.wrapped, 'sai mật khẩu')).rejects.toThrow(
      tc.WrongPassphraseError,
    );
    const key = await tc.unlock(box.body.publicKey, box.body.myWrap.wrapped, passphrase);
    const detail = await h.call('GET', `/api/tips/${tipId}`, asPolice(police.a1));
    const tip = await tc.openTip(detail.body.ciphertext, key);
    expect(tip.text).toContain(marker);
    expect(tip.contact).toBe(contactMarker);
    expect(tip.replyKey).toBe(receipt.keys.replyKey);
  });

  it('carries replies back to the holder of the receipt code, and their additions to the police; notes stay internal', async () => {
    const box = await h.call('GET', '/api/tips/box', asPolice(police.a1));
    const key = await tc.unlock(box.body.publicKey, box.body.myWrap.wrapped, passphrase);
    const tip = await tc.openTip((await h.call('GET', `/api/tips/${tipId}`, asPolice(police.a1))).body.ciphertext, key);
    const reply = await h.call('POST', `/api/tips/${tipId}/messages`, {
      ...asPolice(police.a1),
      body: { kind: 'reply', ciphertext: await tc.encryptReply(tip.replyKey, 'Cảm ơn, chúng tôi đang xác minh.') },
    });
    expect(reply.status).toBe(201);
    const note = await h.call('POST', `/api/tips/${tipId}/messages`, {
      ...asPolice(police.a1),
      body: { kind: 'note', ciphertext: await tc.sealText(publicKey, 'Giao đồng chí Bình xác minh.') },
    });
    expect(note.status).toBe(201);
    // A note that is not a sealed box (or a reply that is) is refused.
    const wrongKind = await h.call('POST', `/api/tips/${tipId}/messages`, {
      ...asPolice(police.a1),
      body: { kind: 'note', ciphertext: await tc.encryptReply(tip.replyKey, 'x') },
    });
    expect(wrongKind.status).toBe(422);

    const read = await h.call('POST', '/api/public/tips/read', { body: { lookup: receipt.keys.lookup } });
    expect(read.status).toBe(200);
    expect(read.body.communeId).toBe(w.communeA.id);
    expect(read.body.thread).toHaveLength(1);
    expect(await tc.decryptReply(receipt.keys.replyKey, read.body.thread[0].ciphertext)).toBe(
      'Cảm ơn, chúng tôi đang xác minh.',
    );
    const other = await tc.receiptKeys(await tc.newReceiptCode());
    expect((await h.call('POST', '/api/public/tips/read', { body: { lookup: other.lookup } })).status).toBe(404);

    const added = await h.call('POST', '/api/public/tips/add', {
      body: { lookup: receipt.keys.lookup, ciphertext: await tc.sealText(publicKey, 'Thường vào buổi tối.') },
    });
    expect(added.status).toBe(201);
    const detail = await h.call('GET', `/api/tips/${tipId}`, asPolice(police.a1));
    expect(detail.body.thread.map((m: { kind: string }) => m.kind)).toEqual(['reply', 'note', 'tipster']);
    expect(await tc.openText(detail.body.thread[2].ciphertext, key)).toBe('Thường vào buổi tối.');
    expect(await tc.openText(detail.body.thread[1].ciphertext, key)).toBe('Giao đồng chí Bình xác minh.');
    const seen = await h.call('POST', '/api/public/tips/read', { body: { lookup: receipt.keys.lookup } });
    expect(
      seen.body.thread.map((m: { kind: string; ciphertext: string | null }) => [m.kind, m.ciphertext === null]),
    ).toEqual([
      ['reply', false],
      ['tipster', true],
    ]);
  });

  it('moves through statuses, a hand-over names the level, and the audit log records actions without content', async () => {
    const bad = await h.call('PATCH', `/api/tips/${tipId}`, { ...asPolice(police.a1), body: { status: 'passed_on' } });
    expect(bad.status).toBe(422);
    const passed = await h.call('PATCH', `/api/tips/${tipId}`, {
      ...asPolice(police.a1),
      body: { status: 'passed_on', handedTo: 'ministry' },
    });
    expect(passed.status).toBe(200);
    expect(passed.body).toMatchObject({ status: 'passed_on', handedTo: 'ministry' });
    const read = await h.call('POST', '/api/public/tips/read', { body: { lookup: receipt.keys.lookup } });
    expect(read.body).toMatchObject({ status: 'passed_on', handedTo: 'ministry' });
    const actions = (await h.db.select().from(schema.auditLog))
      .filter((a) => a.entity === 'tip' || a.entity === 'tip_box')
      .map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['create_key', 'reply', 'add_note', 'set_status']));
    const closed = await h.call('PATCH', `/api/tips/${tipId}`, { ...asPolice(police.a1), body: { status: 'closed' } });
    expect(closed.body.handedTo).toBeNull();
    const late = await h.call('POST', '/api/public/tips/add', {
      body: { lookup: receipt.keys.lookup, ciphertext: await tc.sealText(publicKey, 'Thêm nữa.') },
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('tip_closed');
  });

  it('counts tips by month and status for the police, the commune admins and the province, never the content', async () => {
    const month = vietnamToday().slice(0, 7);
    for (const cookie of [police.a1.cookie, w.cookies.commune_admin]) {
      const res = await h.call('GET', '/api/tips/figures', { cookie });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ communeId: w.communeA.id, open: true, total: 1 });
      expect(res.body.figures).toContainEqual({ month, status: 'closed', count: 1 });
      expect(res.body.figures).toContainEqual({ month, status: 'new', count: 0 });
    }
    const province = await h.call('GET', `/api/tips/figures?communeId=${w.communeA.id}`, {
      cookie: w.cookies.province_viewer,
    });
    expect(province.body.total).toBe(1);
    for (const role of ['organizer', 'village_head', 'school_staff'] as const)
      expect((await h.call('GET', '/api/tips/figures', { cookie: w.cookies[role] })).status).toBe(403);
    // The periodic report carries the same counts, by status, for the period the tip was received in.
    const quarter = `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5)) / 3)}`;
    const report = await h.call('GET', `/api/reports?communeId=${w.communeA.id}&periodKey=${quarter}`, {
      cookie: w.cookies.commune_admin,
    });
    const section = report.body.sections.find((x: { key: string }) => x.key === 'tips');
    expect(section.rows).toContainEqual({ status: 'Đã đóng', count: 1 });
    expect(section.total.count).toBe(1);
    expect(JSON.stringify(section)).not.toContain(marker);
    const otherCommune = await h.call('GET', `/api/tips/figures?communeId=${w.communeA.id}`, {
      cookie: w.cookies.communeB_admin,
    });
    expect(otherCommune.status).toBe(404);
  });

  it('gives a second officer access by a provisional wrap, which they replace with their own passphrase', async () => {
    const mine = await h.call('GET', '/api/tips/box', asPolice(police.a1));
    const key = await tc.unlock(mine.body.publicKey, mine.body.myWrap.wrapped, passphrase);
    // Not to an account outside the commune's police, and not by someone who holds no wrap.
    const toAdmin = await h.call('PUT', `/api/tips/box/wraps/${w.accounts.commune_admin.id}`, {
      ...asPolice(police.a1),
      body: { wrapped: await tc.wrapPrivateKey(key.secretKey, 'tạm thời 123', kdf) },
    });
    expect(toAdmin.status).toBe(422);
    const fromA2 = await h.call('PUT', `/api/tips/box/wraps/${police.a1.id}`, {
      ...asPolice(police.a2),
      body: { wrapped: await tc.wrapPrivateKey(key.secretKey, 'x', kdf) },
    });
    expect(fromA2.status).toBe(403);
    expect(fromA2.body.code).toBe('tip_key_not_held');

    const grant = await h.call('PUT', `/api/tips/box/wraps/${police.a2.id}`, {
      ...asPolice(police.a1),
      body: { wrapped: await tc.wrapPrivateKey(key.secretKey, 'tạm thời 123', kdf) },
    });
    expect(grant.status).toBe(200);
    const theirs = await h.call('GET', '/api/tips/box', asPolice(police.a2));
    expect(theirs.body.myWrap.provisional).toBe(true);
    const opened = await tc.unlock(theirs.body.publicKey, theirs.body.myWrap.wrapped, 'tạm thời 123');
    const own = await h.call('PUT', `/api/tips/box/wraps/${police.a2.id}`, {
      ...asPolice(police.a2),
      body: { wrapped: await tc.wrapPrivateKey(opened.secretKey, 'mật khẩu riêng của tôi', kdf) },
    });
    expect(own.body.myWrap.provisional).toBe(false);
    expect(own.body.holders.map((x: { holder: string }) => x.holder).sort()).toEqual(
      [police.a1.id, police.a2.id, 'recovery'].sort(),
    );
    // The recovery sheet opens the same key.
    const recovery = await h.call('GET', '/api/tips/box/wraps/recovery', asPolice(police.a2));
    const fromSheet = await tc.unwrapPrivateKey(recovery.body.wrapped, recoveryPassphrase);
    expect(Buffer.from(fromSheet).equals(Buffer.from(key.secretKey))).toBe(true);
    // Access taken away; the recovery sheet cannot be deleted.
    expect((await h.call('DELETE', `/api/tips/box/wraps/recovery`, asPolice(police.a1))).status).toBe(409);
    const revoked = await h.call('DELETE', `/api/tips/box/wraps/${police.a2.id}`, asPolice(police.a1));
    expect(revoked.body.holders).toHaveLength(2);
    expect((await h.call('GET', '/api/tips/box', asPolice(police.a2))).body.myWrap).toBeNull();
  });

  it('limits tips per address without keeping the address, refuses oversize and malformed tips', async () => {
    const before = (await h.db.select().from(schema.tips)).length;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await sendTip(publicKey, `tin ${i}`)).res.status);
    // Three sends came from this address already (one stored, two refused after counting), the limit is four an hour.
    expect(statuses).toEqual([201, 429, 429, 429]);
    const limited = await sendTip(publicKey, 'tin nữa');
    expect(limited.res.body.code).toBe('rate_limited');
    expect(Number(limited.res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await h.db.select().from(schema.tips)).length).toBe(before + 1);

    const lookup = (await tc.receiptKeys(await tc.newReceiptCode())).lookup;
    const malformed = await h.call('POST', '/api/public/tips', {
      body: { communeId: w.communeA.id, ciphertext: 'chữ thường, không phải mã hoá', lookup },
    });
    expect(malformed.status).toBe(422);
    const huge = await h.app.request('/api/public/tips', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ communeId: w.communeA.id, ciphertext: 'A'.repeat(2_000_000), lookup }),
    });
    expect(huge.status).toBe(413);
    expect((await h.db.select().from(schema.tips)).length).toBe(before + 1);
  });

  it('prints a village poster with the QR link and the hotlines for the police and the commune admins', async () => {
    const hotline = await h.call('POST', '/api/content/hotlines', {
      cookie: w.cookies.commune_admin,
      body: { labelVi: 'Trực ban công an xã', labelEn: 'Commune police desk', number: '0225 777 888' },
    });
    expect(hotline.status).toBe(201);
    for (const cookie of [police.a1.cookie, w.cookies.commune_admin]) {
      const res = await h.app.request(`/api/tips/poster?villageId=${w.villageA.id}`, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/pdf');
      const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
      expect(text).toContain('HÒM THƯ TỐ GIÁC');
      // Long names wrap across lines: compare without the breaks.
      const joined = text.replace(/\s+/g, '');
      expect(joined).toContain(w.villageA.name);
      expect(joined).toContain('localhost/tips');
      expect(text).toContain('113');
      expect(text).toContain('0225 777 888');
    }
    const organizer = await h.app.request('/api/tips/poster', { headers: { cookie: w.cookies.organizer } });
    expect(organizer.status).toBe(403);
    const otherVillage = await h.app.request(`/api/tips/poster?villageId=${w.villageB.id}`, {
      headers: { cookie: police.a1.cookie },
    });
    expect(otherVillage.status).toBe(404);
  });
});
