import { describe, expect, it } from 'vitest';
import { newRecoveryPhrase, normalizeRecoveryPhrase, passphraseStrength, recoveryAlphabet } from './passphrase';

describe('newRecoveryPhrase', () => {
  it('makes 6 groups of 5 characters from the unambiguous alphabet', () => {
    const phrase = newRecoveryPhrase();
    expect(phrase).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){5}$/);
    expect([...phrase.replace(/-/g, '')].every((ch) => recoveryAlphabet.includes(ch))).toBe(true);
  });

  it('differs every time', () => {
    expect(new Set(Array.from({ length: 50 }, () => newRecoveryPhrase())).size).toBe(50);
  });

  it('drops bytes above the last whole multiple of the alphabet, so no character is favoured', () => {
    // 248 = 8 × 31 is the first byte thrown away; 0 maps to the first letter, 30 to the last.
    const bytes = [248, 255, 0, 30];
    let call = 0;
    const phrase = newRecoveryPhrase((buf) => {
      buf.set(
        call++ === 0 ? [...bytes, ...new Array(buf.length - bytes.length).fill(1)] : new Array(buf.length).fill(1),
      );
      return buf;
    });
    expect(phrase.slice(0, 3)).toBe(`A${recoveryAlphabet[30]}B`);
  });
});

describe('normalizeRecoveryPhrase', () => {
  it('accepts the phrase as typed: lower case, spaces, no dashes, look-alikes', () => {
    const phrase = 'K7MQP-XR2TD-AB3CD-EFGHJ-KMNPQ-RSTUV';
    expect(normalizeRecoveryPhrase(phrase.toLowerCase())).toBe(phrase);
    expect(normalizeRecoveryPhrase(' k7mqp xr2td ab3cd efghj kmnpq rstuv ')).toBe(phrase);
    expect(normalizeRecoveryPhrase('K7MOP-XR2TD-AB3CD-EFGH1-KMNPQ-RSTUV')).toBe(phrase);
  });

  it('refuses what cannot be a recovery phrase', () => {
    expect(normalizeRecoveryPhrase('K7MQP-XR2TD')).toBeNull();
    expect(normalizeRecoveryPhrase('K7MQP-XR2TD-AB3CD-EFGHJ-KMNPQ-RSTU!')).toBeNull();
  });
});

describe('passphraseStrength', () => {
  it('asks for at least 12 characters', () => {
    expect(passphraseStrength('ngắn quá')).toBe('tooShort');
  });

  it('calls repeated characters and digits weak at any length', () => {
    expect(passphraseStrength('aaaaaaaaaaaaaaaaaaaaaaaa')).toBe('weak');
    expect(passphraseStrength('123456789012345678901234')).toBe('weak');
  });

  it('rates a sentence of several words strong', () => {
    expect(passphraseStrength('Cây đa đầu làng có bốn con chim sẻ')).toBe('strong');
    expect(passphraseStrength('Xuanthuy2026!!')).toBe('weak');
    expect(passphraseStrength('Xuanthuy-2026-congan')).toBe('fair');
  });
});
