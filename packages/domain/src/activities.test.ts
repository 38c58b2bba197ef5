import { describe, expect, it } from 'vitest';
import { activityInput, activityPatch, isFutureDate, mayLogFor } from './activities.ts';
import type { Actor } from './roles.ts';

const actor = (over: Partial<Actor>): Actor => ({
  accountId: 'a',
  role: 'commune_admin',
  provinceId: null,
  communeId: 'c',
  villageId: null,
  schoolId: null,
  ...over,
});
const id = '6f1c1c7e-1d7f-4b8e-9a43-3c7b9c1d2e3f';

describe('activity input', () => {
  it('fills defaults and needs at least one village or school', () => {
    expect(activityInput.parse({ id, date: '2026-11-02', type: 'meeting', villageIds: ['v1'] })).toEqual({
      id,
      date: '2026-11-02',
      type: 'meeting',
      villageIds: ['v1'],
      schoolIds: [],
      audienceGroup: 'general',
      participants: null,
      organizer: null,
      notes: null,
    });
    expect(activityInput.safeParse({ id, date: '2026-11-02', type: 'meeting' }).success).toBe(false);
    expect(activityInput.safeParse({ id, date: '2026-11-02', type: 'meeting', villageIds: ['v', 'v'] }).success).toBe(
      false,
    );
  });
  it('refuses impossible dates, unknown types, negative counts and ids that are not UUIDs', () => {
    const ok = { id, date: '2026-11-02', type: 'meeting', villageIds: ['v1'] };
    expect(activityInput.safeParse({ ...ok, date: '2026-02-29' }).success).toBe(false);
    expect(activityInput.safeParse({ ...ok, type: 'party' }).success).toBe(false);
    expect(activityInput.safeParse({ ...ok, participants: -1 }).success).toBe(false);
    expect(activityInput.safeParse({ ...ok, id: 'x' }).success).toBe(false);
    expect(activityPatch.safeParse({ villageIds: [], schoolIds: [] }).success).toBe(false);
    expect(activityPatch.parse({ notes: ' ok ' })).toEqual({ notes: 'ok' });
  });
});

describe('who logs for which unit', () => {
  const units = (villageIds: string[], schoolIds: string[] = []) => ({ villageIds, schoolIds });
  it('keeps village heads to their village and school staff to their school', () => {
    const head = actor({ role: 'village_head', villageId: 'v1' });
    expect(mayLogFor(head, units(['v1']))).toBe(true);
    expect(mayLogFor(head, units(['v1', 'v2']))).toBe(false);
    expect(mayLogFor(head, units(['v1'], ['s1']))).toBe(false);
    const staff = actor({ role: 'school_staff', schoolId: 's1' });
    expect(mayLogFor(staff, units([], ['s1']))).toBe(true);
    expect(mayLogFor(staff, units(['v1'], ['s1']))).toBe(false);
    expect(mayLogFor(actor({}), units(['v1', 'v2'], ['s1']))).toBe(true);
    expect(mayLogFor(actor({ role: 'organizer' }), units(['v1']))).toBe(false);
    expect(mayLogFor(actor({ role: 'province_viewer' }), units(['v1']))).toBe(false);
  });
  it('refuses dates after today', () => {
    expect(isFutureDate('2026-11-24', '2026-11-23')).toBe(true);
    expect(isFutureDate('2026-11-23', '2026-11-23')).toBe(false);
  });
});
