import { describe, expect, it } from 'vitest';
import { communePatch, nameSchema, villageInput, villagePatch } from './units.ts';

describe('unit schemas', () => {
  it('leaves absent fields out of a patch instead of defaulting them', () => {
    expect(villagePatch.parse({ name: 'Thôn Mới' })).toEqual({ name: 'Thôn Mới' });
    expect(communePatch.parse({})).toEqual({});
  });
  it('fills defaults on create', () => {
    expect(villageInput.parse({ communeId: 'c', kind: 'thon', name: 'A' })).toMatchObject({
      population: null,
      active: true,
    });
  });
  it('refuses unknown fields, impossible dates and control characters', () => {
    expect(villagePatch.safeParse({ nme: 'typo' }).success).toBe(false);
    expect(villagePatch.safeParse({ mailboxInstalledOn: '2026-02-29' }).success).toBe(false);
    expect(villagePatch.safeParse({ mailboxInstalledOn: '2028-02-29' }).success).toBe(true);
    expect(nameSchema.safeParse('a\u0000b').success).toBe(false);
  });
});
