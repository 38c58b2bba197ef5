import { describe, expect, it } from 'vitest';
import { eventPlace } from './events.ts';

describe('eventPlace', () => {
  const kiosk = { communeId: 'c1', villageId: 'v1', schoolId: null };
  const named = { id: 'v2', communeId: 'c1', active: true };
  const allow = () => true;

  it('counts a paired kiosk’s event for its own place, whatever village the event names', () => {
    expect(eventPlace(kiosk, named, allow)).toEqual({ ...kiosk, selfDeclared: false });
  });

  it('counts a phone’s chosen village apart, only while the device’s allowance lasts', () => {
    expect(eventPlace(null, named, allow)).toEqual({
      communeId: 'c1',
      villageId: 'v2',
      schoolId: null,
      selfDeclared: true,
    });
    expect(eventPlace(null, named, () => false)).toMatchObject({ communeId: null, villageId: null });
    expect(eventPlace(null, undefined, allow)).toMatchObject({ communeId: null, selfDeclared: false });
  });

  it('refuses an unknown or inactive village', () => {
    expect(eventPlace(null, null, allow)).toBe('unknown village');
    expect(eventPlace(null, { ...named, active: false }, allow)).toBe('unknown village');
  });
});
