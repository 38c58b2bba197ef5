import { describe, expect, it } from 'vitest';
import { canManageContests } from './contests.ts';
import { canViewCommunePart, rankCommunes } from './province-contests.ts';

const actor = (role: string, communeId: string | null, provinceId: string | null = null) => ({
  role,
  communeId,
  provinceId,
});
const provinceContest = { communeId: null, provinceId: 'p1', scope: 'province' };

describe('canManageContests', () => {
  it('gives a province contest to the organizers of its province only', () => {
    expect(canManageContests(actor('province_organizer', null, 'p1'), provinceContest)).toBe(true);
    expect(canManageContests(actor('province_organizer', null, 'p2'), provinceContest)).toBe(false);
    expect(canManageContests(actor('organizer', 'c1', 'p1'), provinceContest)).toBe(false);
    expect(canManageContests(actor('system', null), provinceContest)).toBe(true);
  });
  it('keeps province organizers out of commune contests', () => {
    expect(canManageContests(actor('province_organizer', null, 'p1'), { communeId: 'c1', provinceId: 'p1' })).toBe(
      false,
    );
  });
});

describe('canViewCommunePart', () => {
  const c1 = { id: 'c1', provinceId: 'p1' };
  it("lets a commune's organizers and admins see their own commune's part only", () => {
    expect(canViewCommunePart(actor('organizer', 'c1'), provinceContest, c1)).toBe(true);
    expect(canViewCommunePart(actor('commune_admin', 'c1'), provinceContest, c1)).toBe(true);
    expect(canViewCommunePart(actor('organizer', 'c2'), provinceContest, c1)).toBe(false);
    expect(canViewCommunePart(actor('village_head', 'c1'), provinceContest, c1)).toBe(false);
  });
  it('lets the province organizer see every commune of the province', () => {
    expect(canViewCommunePart(actor('province_organizer', null, 'p1'), provinceContest, c1)).toBe(true);
    expect(canViewCommunePart(actor('province_organizer', null, 'p2'), provinceContest, c1)).toBe(false);
  });
  it('has no commune part outside a province contest or its province', () => {
    expect(canViewCommunePart(actor('organizer', 'c1'), { ...provinceContest, scope: 'commune' }, c1)).toBe(false);
    expect(canViewCommunePart(actor('organizer', 'c1'), provinceContest, { id: 'c1', provinceId: 'p2' })).toBe(false);
  });
});

describe('rankCommunes', () => {
  it('ranks by participants per 1,000 residents, then prize points, then participants', () => {
    const rows = rankCommunes([
      { communeId: 'big', name: 'Xã Lớn', population: 20_000, participants: 200, prizePoints: 0 },
      { communeId: 'small', name: 'Xã Nhỏ', population: 2_000, participants: 50, prizePoints: 0 },
      { communeId: 'prize', name: 'Xã Giải', population: 20_000, participants: 200, prizePoints: 30 },
      { communeId: 'none', name: 'Xã Chưa rõ', population: null, participants: 500, prizePoints: 0 },
    ]);
    expect(rows.map((r) => [r.communeId, r.perThousand, r.place])).toEqual([
      ['small', 25, 1],
      ['prize', 10, 2],
      ['big', 10, 3],
      ['none', null, 4],
    ]);
  });
  it('gives equal communes the same place', () => {
    const rows = rankCommunes([
      { communeId: 'a', name: 'Xã A', population: 1000, participants: 5, prizePoints: 0 },
      { communeId: 'b', name: 'Xã B', population: 1000, participants: 5, prizePoints: 0 },
      { communeId: 'c', name: 'Xã C', population: 1000, participants: 1, prizePoints: 0 },
    ]);
    expect(rows.map((r) => r.place)).toEqual([1, 1, 3]);
  });
});
