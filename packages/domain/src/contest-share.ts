/**
 * Sharing a contest and moving a participant to a new phone. Codes use letters and digits that
 * cannot be misread when copied from paper or a Zalo photo (no 0/O, 1/I/L).
 */
export const shareCodeAlphabet = '23456789abcdefghjkmnpqrstuvwxyz';
const recoveryAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

// The domain has no platform types; Web Crypto is there in browsers and in Node 20 alike.
const webCrypto = (globalThis as unknown as { crypto: { getRandomValues<T extends Uint32Array>(a: T): T } }).crypto;

function randomCode(alphabet: string, length: number): string {
  // 32-bit draws make the modulo bias negligible.
  const draws = webCrypto.getRandomValues(new Uint32Array(length));
  return Array.from(draws, (n) => alphabet[n % alphabet.length]).join('');
}

/** A short link code: 7 characters, about 34 bits, so guessing one is not a way to find drafts (they 404 anyway). */
export const newShareCode = () => randomCode(shareCodeAlphabet, 7);
export const shareCodePattern = /^[23456789a-hjkmnp-z]{7}$/;

/**
 * A personal recovery code, shown once at registration: 12 characters (about 59 bits) in three
 * groups, so with the rate limit on recovery it cannot be guessed.
 */
export function newRecoveryCode(): string {
  const raw = randomCode(recoveryAlphabet, 12);
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/** A recovery code as typed (spaces, dashes, lower case) in its one stored form, or null. */
export function normalizeRecoveryCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s.-]/g, '');
  if (!/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/.test(raw)) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}
