import { describe, expect, it } from 'vitest';
import { cleanText, compareTexts, mayNeedNfc, nameKey, naturalSortKey, matchesNameQuery, toNfc } from './text.ts';

describe('nameKey', () => {
  it('ignores diacritics, đ, case and spacing', () => {
    expect(nameKey('  Tổ dân phố   Số 5 ')).toBe('to dan pho so 5');
    expect(nameKey('Thôn Cầu Đen')).toBe(nameKey('thon cau den'));
    expect(nameKey('Đồng')).toBe('dong');
  });
  it('keeps different names apart', () => {
    expect(nameKey('Thôn Hồ Sen')).not.toBe(nameKey('Thôn Hồ Sơn'));
  });
});

describe('naturalSortKey', () => {
  it('sorts numbered groups by their number', () => {
    const names = ['Tổ dân phố số 10', 'Tổ dân phố số 2', 'Tổ dân phố số 1'];
    expect([...names].sort((a, b) => naturalSortKey(a).localeCompare(naturalSortKey(b)))).toEqual([
      'Tổ dân phố số 1',
      'Tổ dân phố số 2',
      'Tổ dân phố số 10',
    ]);
  });
});

describe('cleanText', () => {
  it('collapses whitespace and keeps diacritics', () => {
    expect(cleanText(' Thôn  Thọ\tXuân ')).toBe('Thôn Thọ Xuân');
  });
});

describe('matchesNameQuery', () => {
  const key = nameKey('Trường THCS Đông Hòa · Xã Hòa Bình');
  it('finds a name typed without diacritics, in any word order', () => {
    expect(matchesNameQuery(key, 'dong hoa')).toBe(true);
    expect(matchesNameQuery(key, 'HOA binh  thcs')).toBe(true);
    expect(matchesNameQuery(key, 'Đông Hoà')).toBe(true);
  });
  it('needs every typed word', () => {
    expect(matchesNameQuery(key, 'dong son')).toBe(false);
  });
  it('matches everything on an empty query', () => {
    expect(matchesNameQuery(key, '  ')).toBe(true);
  });
});

describe('toNfc', () => {
  it('turns names typed with combining marks into precomposed letters, deep inside a body', () => {
    const nfd = 'Đặng Thị Hường'.normalize('NFD');
    expect(nfd).not.toBe('Đặng Thị Hường');
    const out = toNfc({ signerName: nfd, list: [nfd, 4, null], nested: { ok: true } });
    expect(out).toEqual({ signerName: 'Đặng Thị Hường', list: ['Đặng Thị Hường', 4, null], nested: { ok: true } });
  });
  it('says which JSON texts can hold anything to normalise', () => {
    expect(mayNeedNfc('{"a":"plain"}')).toBe(false);
    expect(mayNeedNfc('{"a":"Hường"}')).toBe(true);
    expect(mayNeedNfc('{"a":"u\\u031b"}')).toBe(true);
  });
});

describe('compareTexts', () => {
  it('marks the one letter that differs, a diacritic included', () => {
    const d = compareTexts('Đặng Thị Hường', 'Đặng Thị Hương');
    expect(d.a).toEqual([
      { text: 'Đặng Thị Hư', same: true },
      { text: 'ờ', same: false },
      { text: 'ng', same: true },
    ]);
    expect(d.b).toEqual([
      { text: 'Đặng Thị Hư', same: true },
      { text: 'ơ', same: false },
      { text: 'ng', same: true },
    ]);
    expect(d.diacriticsOnly).toBe(true);
  });
  it('compares an NFD text with its NFC twin as equal', () => {
    const d = compareTexts('Hường'.normalize('NFD'), 'Hường');
    expect(d.a).toEqual([{ text: 'Hường', same: true }]);
    expect(d.diacriticsOnly).toBe(false);
  });
  it('tells a different word from a different mark', () => {
    const d = compareTexts('Số 12', 'Số 21');
    expect(d.a.some((p) => !p.same)).toBe(true);
    expect(d.diacriticsOnly).toBe(false);
  });
});
