import sodium from 'libsodium-wrappers-sumo';

/**
 * End-to-end encryption of the tip box. Everything here runs in a browser (or in a test); the
 * server only ever stores what these functions output. Kept apart from the apps so that the
 * kiosk and the console share one implementation and load it lazily (libsodium is ~1 MB).
 */

export type Sodium = typeof sodium;

let loaded: Promise<Sodium> | undefined;
/** libsodium after its WebAssembly has started. */
export function ready(): Promise<Sodium> {
  return (loaded ??= sodium.ready.then(() => sodium));
}

const b64 = (s: Sodium, bytes: Uint8Array) => s.to_base64(bytes, s.base64_variants.URLSAFE_NO_PADDING);
const unb64 = (s: Sodium, text: string) => s.from_base64(text, s.base64_variants.URLSAFE_NO_PADDING);
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** A private key encrypted under a passphrase: Argon2id derives the key, secretbox encrypts. */
export interface WrappedKey {
  v: 1;
  salt: string;
  nonce: string;
  box: string;
  opslimit: number;
  memlimit: number;
}

/** Argon2id cost: libsodium's "moderate"-like work that a kiosk-class PC finishes in a few seconds. */
export const defaultKdf = { opslimit: 3, memlimit: 64 * 1024 * 1024 };

/**
 * A Vietnamese passphrase typed on another device or keyboard may arrive with its accents composed differently (NFC
 * or NFD): it is hashed in one form, so the same words always open the key.
 */
const samePassphrase = (passphrase: string) => passphrase.normalize('NFC');

export class WrongPassphraseError extends Error {
  override name = 'WrongPassphraseError';
}

export async function wrapPrivateKey(
  secretKey: Uint8Array,
  passphrase: string,
  kdf: { opslimit: number; memlimit: number } = defaultKdf,
): Promise<WrappedKey> {
  const s = await ready();
  const salt = s.randombytes_buf(s.crypto_pwhash_SALTBYTES);
  const key = s.crypto_pwhash(
    s.crypto_secretbox_KEYBYTES,
    samePassphrase(passphrase),
    salt,
    kdf.opslimit,
    kdf.memlimit,
    s.crypto_pwhash_ALG_ARGON2ID13,
  );
  const nonce = s.randombytes_buf(s.crypto_secretbox_NONCEBYTES);
  const box = s.crypto_secretbox_easy(secretKey, nonce, key);
  s.memzero(key);
  return { v: 1, salt: b64(s, salt), nonce: b64(s, nonce), box: b64(s, box), ...kdf };
}

/** The private key, or WrongPassphraseError. */
export async function unwrapPrivateKey(wrapped: WrappedKey, passphrase: string): Promise<Uint8Array> {
  const s = await ready();
  const key = s.crypto_pwhash(
    s.crypto_secretbox_KEYBYTES,
    samePassphrase(passphrase),
    unb64(s, wrapped.salt),
    wrapped.opslimit,
    wrapped.memlimit,
    s.crypto_pwhash_ALG_ARGON2ID13,
  );
  try {
    return s.crypto_secretbox_open_easy(unb64(s, wrapped.box), unb64(s, wrapped.nonce), key);
  } catch {
    throw new WrongPassphraseError('wrong passphrase');
  } finally {
    s.memzero(key);
  }
}

/** A commune's new key pair: the public key in base64 and the private key wrapped under a passphrase. */
export async function createCommuneKey(passphrase: string, kdf = defaultKdf) {
  const s = await ready();
  const pair = s.crypto_box_keypair();
  const wrapped = await wrapPrivateKey(pair.privateKey, passphrase, kdf);
  return { publicKey: b64(s, pair.publicKey), secretKey: pair.privateKey, wrapped };
}

/** An unlocked commune key, held in the officer's browser memory only. */
export interface UnlockedKey {
  publicKey: string;
  secretKey: Uint8Array;
}

/** What a tipster writes; sealed as one JSON document. */
export interface TipContent {
  text: string;
  contact?: string;
  /** A JPEG re-encoded in the browser (no EXIF), as a data URL. */
  photo?: string;
  /** The key the police encrypt replies with, derived from the receipt code (see `receiptKeys`). */
  replyKey: string;
}

async function seal(publicKey: string, value: unknown): Promise<string> {
  const s = await ready();
  return b64(s, s.crypto_box_seal(utf8.encode(JSON.stringify(value)), unb64(s, publicKey)));
}

async function unseal<T>(ciphertext: string, key: UnlockedKey): Promise<T> {
  const s = await ready();
  const plain = s.crypto_box_seal_open(unb64(s, ciphertext), unb64(s, key.publicKey), key.secretKey);
  return JSON.parse(fromUtf8.decode(plain)) as T;
}

/** Seals a tip to the commune's public key: only a holder of the private key can open it. */
export const sealTip = (publicKey: string, content: TipContent) => seal(publicKey, content);
export const openTip = (ciphertext: string, key: UnlockedKey) => unseal<TipContent>(ciphertext, key);

/** A text for the police only: a tipster's added information, or an officer's internal note. */
export const sealText = (publicKey: string, text: string) => seal(publicKey, { text });
export const openText = async (ciphertext: string, key: UnlockedKey) =>
  (await unseal<{ text: string }>(ciphertext, key)).text;

/** Receipt codes: 16 letters and digits without look-alikes (about 80 bits), shown as XXXX-XXXX-XXXX-XXXX. */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export async function newReceiptCode(): Promise<string> {
  const s = await ready();
  const chars = Array.from({ length: 16 }, () => alphabet[s.randombytes_uniform(alphabet.length)]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** The code as typed: upper case, look-alikes mapped, separators dropped; null if it cannot be a code. */
export function normalizeReceiptCode(typed: string): string | null {
  const raw = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[O0]/g, 'Q').replace(/[I1L]/g, 'J');
  if (raw.length !== 16 || [...raw].some((ch) => !alphabet.includes(ch))) return null;
  return [0, 4, 8, 12].map((i) => raw.slice(i, i + 4)).join('-');
}

/**
 * Two independent values from a receipt code: `lookup`, which the server hashes to find the tip,
 * and `replyKey`, which never leaves the browsers of the tipster and the police.
 */
export async function receiptKeys(code: string) {
  const s = await ready();
  const seed = utf8.encode(code);
  const derive = (context: string) => s.crypto_generichash(32, seed, utf8.encode(`vungxanh-tip-${context}`));
  return { lookup: b64(s, derive('lookup')), replyKey: b64(s, derive('reply')) };
}

/** A reply of the police, readable with the receipt code only. */
export async function encryptReply(replyKey: string, text: string): Promise<string> {
  const s = await ready();
  const nonce = s.randombytes_buf(s.crypto_secretbox_NONCEBYTES);
  const box = s.crypto_secretbox_easy(utf8.encode(text), nonce, unb64(s, replyKey));
  return `${b64(s, nonce)}.${b64(s, box)}`;
}

export async function decryptReply(replyKey: string, ciphertext: string): Promise<string> {
  const s = await ready();
  const [nonce, box] = ciphertext.split('.');
  if (!nonce || !box) throw new Error('not a reply');
  return fromUtf8.decode(s.crypto_secretbox_open_easy(unb64(s, box), unb64(s, nonce), unb64(s, replyKey)));
}

/** Opens a wrapped key into an unlocked one. */
export async function unlock(publicKey: string, wrapped: WrappedKey, passphrase: string): Promise<UnlockedKey> {
  return { publicKey, secretKey: await unwrapPrivateKey(wrapped, passphrase) };
}
