import { describe, expect, it } from 'vitest';
import { eventPlace, officerEventPlace } from './events.ts';
import type { Actor } from './roles.ts';

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

describe('officerEventPlace', () => {
  const actor = (over: Partial<Actor>): Actor => ({
    accountId: 'a1',
    role: 'commune_admin',
    provinceId: null,
    communeId: 'c1',
    villageId: null,
    schoolId: null,
    ...over,
  });
  const v1 = { id: 'v1', communeId: 'c1', active: true };
  const reached = (villageId: string, communeId = 'c1') => ({
    communeId,
    villageId,
    schoolId: null,
    selfDeclared: false,
  });

  it('counts toward reached for a village the officer may log outreach for', () => {
    expect(officerEventPlace(actor({}), v1)).toEqual(reached('v1'));
    expect(officerEventPlace(actor({ role: 'village_head', villageId: 'v1' }), v1)).toEqual(reached('v1'));
    expect(officerEventPlace(actor({ role: 'system', communeId: null }), { ...v1, communeId: 'c9' })).toEqual(
      reached('v1', 'c9'),
    );
  });

  it('refuses another commune’s or another village’s village, and roles that do not log outreach', () => {
    expect(officerEventPlace(actor({}), { ...v1, communeId: 'c2' })).toBe('not your village');
    expect(officerEventPlace(actor({ role: 'village_head', villageId: 'v2' }), v1)).toBe('not your village');
    expect(officerEventPlace(actor({ role: 'school_staff', schoolId: 's1' }), v1)).toBe('not your village');
    expect(officerEventPlace(actor({ role: 'organizer' }), v1)).toBe('not your village');
    expect(officerEventPlace(actor({ role: 'province_viewer', communeId: null }), v1)).toBe('not your village');
  });

  it('uses the officer’s own village or school when the event names none, and refuses unknown villages', () => {
    expect(officerEventPlace(actor({ role: 'village_head', villageId: 'v1' }), undefined)).toEqual(reached('v1'));
    expect(officerEventPlace(actor({ role: 'school_staff', schoolId: 's1' }), undefined)).toEqual({
      communeId: 'c1',
      villageId: null,
      schoolId: 's1',
      selfDeclared: false,
    });
    expect(officerEventPlace(actor({}), undefined)).toBe('villageId required');
    expect(officerEventPlace(actor({}), null)).toBe('unknown village');
    expect(officerEventPlace(actor({}), { ...v1, active: false })).toBe('unknown village');
  });
});
