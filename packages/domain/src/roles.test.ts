import { describe, expect, it } from 'vitest';
import {
  assignableRoles,
  canManageUnits,
  canReadCommune,
  needsTotpEnrollment,
  requiredScope,
  roles,
  type Actor,
} from './roles.ts';

const actor = (overrides: Partial<Actor>): Actor => ({
  accountId: 'a',
  role: 'commune_admin',
  provinceId: 'p1',
  communeId: 'c1',
  villageId: null,
  schoolId: null,
  ...overrides,
});
const c1 = { id: 'c1', provinceId: 'p1' };
const c2 = { id: 'c2', provinceId: 'p1' };
const c3 = { id: 'c3', provinceId: 'p2' };

describe('commune scope', () => {
  it('lets the system role read every commune', () => {
    expect([c1, c2, c3].every((c) => canReadCommune(actor({ role: 'system', communeId: null }), c))).toBe(true);
  });
  it('keeps a province viewer inside the province', () => {
    const viewer = actor({ role: 'province_viewer', communeId: null });
    expect(canReadCommune(viewer, c2)).toBe(true);
    expect(canReadCommune(viewer, c3)).toBe(false);
  });
  it('keeps commune roles inside their commune', () => {
    for (const role of ['commune_admin', 'organizer', 'village_head', 'school_staff'] as const) {
      expect(canReadCommune(actor({ role }), c1)).toBe(true);
      expect(canReadCommune(actor({ role }), c2)).toBe(false);
    }
  });
  it('lets only the commune admin (and system) manage units', () => {
    expect(canManageUnits(actor({}), 'c1')).toBe(true);
    expect(canManageUnits(actor({}), 'c2')).toBe(false);
    expect(canManageUnits(actor({ role: 'village_head' }), 'c1')).toBe(false);
    expect(canManageUnits(actor({ role: 'province_viewer' }), 'c1')).toBe(false);
  });
});

describe('roles', () => {
  it('stops commune admins from handing out system or province roles', () => {
    expect(assignableRoles(actor({}))).not.toContain('system');
    expect(assignableRoles(actor({}))).not.toContain('province_viewer');
    expect(assignableRoles(actor({ role: 'organizer' }))).toEqual([]);
    expect(assignableRoles(actor({ role: 'system' }))).toEqual(roles);
  });
  it('binds each role to the unit it works in', () => {
    expect(requiredScope('village_head')).toBe('village');
    expect(requiredScope('school_staff')).toBe('school');
    expect(requiredScope('province_viewer')).toBe('province');
    expect(requiredScope('system')).toBe('none');
  });
  it('requires TOTP enrolment only for admin roles without it, when the setting is on', () => {
    expect(needsTotpEnrollment(true, 'commune_admin', false)).toBe(true);
    expect(needsTotpEnrollment(true, 'commune_admin', true)).toBe(false);
    expect(needsTotpEnrollment(true, 'village_head', false)).toBe(false);
    expect(needsTotpEnrollment(false, 'system', false)).toBe(false);
  });
});
