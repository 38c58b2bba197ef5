import { describe, expect, it } from 'vitest';
import {
  WrongPassphraseError,
  createCommuneKey,
  decryptReply,
  encryptReply,
  newReceiptCode,
  normalizeReceiptCode,
  openText,
  openTip,
  receiptKeys,
  sealText,
  sealTip,
  unlock,
  unwrapPrivateKey,
  wrapPrivateKey,
} from './index.ts';

// Cheap Argon2id in tests: the cost is a parameter, the construction is the same.
const kdf = { opslimit: 1, memlimit: 8 * 1024 * 1024 };

describe('commune key', () => {
  it('unlocks with its passphrase and refuses another', async () => {
    const key = await createCommuneKey('mật khẩu dài của công an xã', kdf);
    const unlocked = await unlock(key.publicKey, key.wrapped, 'mật khẩu dài của công an xã');
    expect(unlocked.secretKey).toEqual(key.secretKey);
    await expect(unlock(key.publicKey, key.wrapped, 'sai mật khẩu')).rejects.toBeInstanceOf(WrongPassphraseError);
  });
  it('can be re-wrapped for a second officer, whose passphrase then opens it too', async () => {
    const key = await createCommuneKey('officer one passphrase', kdf);
    const second = await wrapPrivateKey(key.secretKey, 'officer two passphrase', kdf);
    expect(second.salt).not.toBe(key.wrapped.salt);
    expect((await unlock(key.publicKey, second, 'officer two passphrase')).secretKey).toEqual(key.secretKey);
  });
});

describe('tips', () => {
  it('a sealed tip opens only with the commune private key', async () => {
    const a = await createCommuneKey('a passphrase', kdf);
    const b = await createCommuneKey('b passphrase', kdf);
    const sealed = await sealTip(a.publicKey, { text: 'Có người bán ma túy ở bến xe', replyKey: 'k' });
    expect(sealed).not.toContain('bến xe');
    expect((await openTip(sealed, a)).text).toBe('Có người bán ma túy ở bến xe');
    await expect(openTip(sealed, b)).rejects.toThrow();
    expect(await openText(await sealText(a.publicKey, 'ghi chú'), a)).toBe('ghi chú');
  });
  it('sealing twice gives different ciphertexts (nothing to match across tips)', async () => {
    const a = await createCommuneKey('a passphrase', kdf);
    const content = { text: 'same', replyKey: 'k' };
    expect(await sealTip(a.publicKey, content)).not.toBe(await sealTip(a.publicKey, content));
  });
});

describe('passphrases in Vietnamese', () => {
  it('open the key whether the accents arrive composed or decomposed', async () => {
    const typed = 'Cây đa đầu làng có bốn con chim sẻ';
    const { secretKey, wrapped } = await createCommuneKey(typed.normalize('NFD'), kdf);
    expect(await unwrapPrivateKey(wrapped, typed.normalize('NFC'))).toEqual(secretKey);
    await expect(unwrapPrivateKey(wrapped, 'Cay da dau lang co bon con chim se')).rejects.toThrow(WrongPassphraseError);
  });
});

describe('receipt codes and replies', () => {
  it('codes look like XXXX-XXXX-XXXX-XXXX and survive sloppy typing', async () => {
    const code = await newReceiptCode();
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(normalizeReceiptCode(code.toLowerCase().replaceAll('-', ' '))).toBe(code);
    expect(normalizeReceiptCode('abc')).toBeNull();
  });
  it('the lookup and the reply key are different, and the same code gives the same pair', async () => {
    const code = await newReceiptCode();
    const one = await receiptKeys(code);
    expect(one.lookup).not.toBe(one.replyKey);
    expect(await receiptKeys(code)).toEqual(one);
    expect((await receiptKeys(await newReceiptCode())).lookup).not.toBe(one.lookup);
  });
  it('a reply opens with the key derived from the code, not with another', async () => {
    const { replyKey } = await receiptKeys(await newReceiptCode());
    const other = (await receiptKeys(await newReceiptCode())).replyKey;
    const reply = await encryptReply(replyKey, 'Cảm ơn, chúng tôi đang xác minh');
    expect(await decryptReply(replyKey, reply)).toBe('Cảm ơn, chúng tôi đang xác minh');
    await expect(decryptReply(other, reply)).rejects.toThrow();
  });
});
