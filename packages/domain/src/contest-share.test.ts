import { describe, expect, it } from 'vitest';
import { newRecoveryCode, newShareCode, normalizeRecoveryCode, shareCodePattern } from './contest-share.ts';

describe('contest share codes', () => {
  it('makes short link codes without look-alike characters', () => {
    for (let i = 0; i < 200; i++) expect(newShareCode()).toMatch(shareCodePattern);
    expect(shareCodePattern.test('abc0def')).toBe(false);
  });
});

describe('recovery codes', () => {
  it('reads a code as people type it back', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(normalizeRecoveryCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
  });
  it('refuses what cannot be a code', () => {
    expect(normalizeRecoveryCode('ABCD-EFGH')).toBeNull();
    expect(normalizeRecoveryCode('ABCD-EFGH-JK!M')).toBeNull();
  });
  it('never gives a code holding a letter it would misread', () => {
    for (let i = 0; i < 200; i++) expect(newRecoveryCode()).not.toMatch(/[01OIL]/);
  });
});
