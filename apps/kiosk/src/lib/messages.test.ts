import { describe, expect, it } from 'vitest';
import { resources } from '@vungxanh/i18n/resources';
import { kioskSections, pickSections } from './messages';

describe('pickSections', () => {
  it('keeps whole sections and nested parts, nothing else', () => {
    const tree = { a: { x: '1' }, b: { v: { k: '2' }, w: '3' }, c: '4' };
    expect(pickSections(tree, ['a', 'b.v', 'missing.part'])).toEqual({ a: { x: '1' }, b: { v: { k: '2' } } });
  });
  it('leaves the console’s words out of the kiosk’s Vietnamese', () => {
    const kiosk = pickSections(resources.vi, kioskSections);
    expect(Object.keys(kiosk).sort()).toEqual([
      'admin',
      'app',
      'commitments',
      'common',
      'contestShare',
      'contests',
      'errors',
      'kiosk',
      'tipBox',
    ]);
    expect(Object.keys(kiosk.admin as object)).toEqual(['validation']);
    expect(JSON.stringify(kiosk).length).toBeLessThan(JSON.stringify(resources.vi).length * 0.7);
  });
});
