import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { uuidv7, uuidv7Time } from './ids.ts';

describe('uuidv7', () => {
  it('is a valid UUID of version 7 and RFC variant, carrying its time', () => {
    const at = Date.UTC(2026, 11, 6, 3, 4, 5, 678);
    const id = uuidv7(at);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
    expect(uuidv7Time(id)).toBe(at);
  });

  it('sorts in the order ids were made, within one millisecond and across them', () => {
    const at = Date.now() + 10_000;
    const ids = [
      ...Array.from({ length: 5000 }, () => uuidv7(at)),
      ...Array.from({ length: 50 }, () => uuidv7(at + 1)),
    ];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never goes back when the clock does', () => {
    const ahead = uuidv7(Date.now() + 60_000);
    expect(uuidv7(Date.now()) > ahead).toBe(true);
  });

  it('tells a random id from a time-ordered one', () => {
    expect(uuidv7Time('3f2b6c1e-8d4a-4f7b-9c2e-1a5b7d9e0f12')).toBeNull();
  });
});
