import { describe, expect, it } from 'vitest';
import { cleanText, nameKey, naturalSortKey, matchesNameQuery } from './text.ts';

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
