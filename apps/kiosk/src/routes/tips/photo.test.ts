import { describe, expect, it } from 'vitest';
import { tipLimits } from '@vungxanh/domain';
import { fitWithin, PHOTO_MAX_CHARS, PHOTO_MAX_SIDE } from './photo';

describe('fitWithin', () => {
  it('shrinks the longest side to the limit and keeps the shape', () => {
    expect(fitWithin(4000, 3000, PHOTO_MAX_SIDE)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032, PHOTO_MAX_SIDE)).toEqual({ width: 1200, height: 1600 });
  });
  it('never enlarges a small photo', () => {
    expect(fitWithin(640, 480, PHOTO_MAX_SIDE)).toEqual({ width: 640, height: 480 });
  });
  it('keeps a very thin image at least one pixel wide', () => {
    expect(fitWithin(10_000, 2, PHOTO_MAX_SIDE)).toEqual({ width: 1600, height: 1 });
  });
  it('refuses an image without a size', () => {
    expect(() => fitWithin(0, 100, PHOTO_MAX_SIDE)).toThrow(RangeError);
  });
});

describe('PHOTO_MAX_CHARS', () => {
  it('leaves a sealed tip with the longest text and contact under the server limit', () => {
    const jsonBytes = PHOTO_MAX_CHARS + 4 * (tipLimits.textChars + tipLimits.contactChars) + 200;
    const sealedChars = Math.ceil(((jsonBytes + 48) * 4) / 3);
    expect(sealedChars).toBeLessThanOrEqual(tipLimits.tipChars);
  });
});
