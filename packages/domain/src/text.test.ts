import { describe, expect, it } from 'vitest';
import { cleanText, nameKey, naturalSortKey } from './text.ts';

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
