/**
 * Passphrases of the tip box, made and checked in the officer's browser. Nothing here is sent to the server: the
 * server only ever receives what `wrapPrivateKey` makes from them.
 */

/** Letters and digits nobody misreads on paper (no O/0, I/1/L), as on the tipster's receipt code. */
export const recoveryAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const groups = 6;
const groupLength = 5;

type RandomFill = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array;
const browserRandom: RandomFill = (bytes) => crypto.getRandomValues(bytes);

/**
 * A new recovery passphrase: 6 groups of 5 characters (about 148 bits), e.g. `K7MQP-XR2TD-…`. Bytes at or above the
 * largest multiple of the alphabet's size are thrown away, so every character is equally likely.
 */
export function newRecoveryPhrase(random: RandomFill = browserRandom): string {
  const size = recoveryAlphabet.length;
  const limit = 256 - (256 % size);
  const chars: string[] = [];
  while (chars.length < groups * groupLength) {
    for (const byte of random(new Uint8Array(64))) {
      if (byte < limit && chars.length < groups * groupLength) chars.push(recoveryAlphabet[byte % size]!);
    }
  }
  return grouped(chars.join(''));
}

const grouped = (raw: string) =>
  Array.from({ length: groups }, (_, i) => raw.slice(i * groupLength, (i + 1) * groupLength)).join('-');

/**
 * The recovery passphrase as typed from the sheet: case, spaces and dashes do not matter and look-alikes are read
 * as the letter printed (O and 0 cannot be on the sheet, so they are Q; I, 1 and L are J). Null if it cannot be one.
 */
export function normalizeRecoveryPhrase(typed: string): string | null {
  const raw = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[O0]/g, 'Q').replace(/[I1L]/g, 'J');
  if (raw.length !== groups * groupLength || [...raw].some((ch) => !recoveryAlphabet.includes(ch))) return null;
  return grouped(raw);
}

/** The shortest passphrase an officer may choose. */
export const minPassphraseLength = 12;

export type PassphraseStrength = 'tooShort' | 'weak' | 'fair' | 'strong';

/**
 * A rough hint, not a guarantee: length counts most (a sentence of several words is best), a passphrase of one
 * repeated character or only digits is weak at any length.
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  const length = [...passphrase].length;
  if (length < minPassphraseLength) return 'tooShort';
  const distinct = new Set(passphrase.toLowerCase()).size;
  if (distinct < 6 || /^\d+$/.test(passphrase)) return 'weak';
  const words = passphrase.trim().split(/\s+/).length;
  if (length >= 20 && words >= 4) return 'strong';
  return length >= 16 ? 'fair' : 'weak';
}

/** What is wrong with a new passphrase typed twice, by field; empty when it may be used. */
export function newPassphraseIssues(
  passphrase: string,
  repeat: string,
): { passphrase?: 'tooShort'; repeat?: 'mismatch' } {
  if ([...passphrase].length < minPassphraseLength) return { passphrase: 'tooShort' };
  if (passphrase !== repeat) return { repeat: 'mismatch' };
  return {};
}
