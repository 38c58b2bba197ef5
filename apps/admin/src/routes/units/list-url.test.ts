import { describe, expect, it } from 'vitest';
import { apiQuery, listSearch, readListParams } from './list-url';

const url = (s: string) => new URL(s, 'http://localhost');

describe('list parameters in the URL', () => {
  it('reads defaults from a bare URL', () => {
    expect(readListParams(url('/admin/units/villages'))).toEqual({ q: '', page: 1, inactive: false });
  });

  it('keeps other parameters and resets the page when the search changes', () => {
    const search = listSearch(url('/admin/units/villages?commune=c1&page=3'), { q: 'Cầu' });
    expect(search).toBe('commune=c1&q=C%E1%BA%A7u');
  });

  it('moves to another page without touching the search', () => {
    expect(listSearch(url('/x?q=a&inactive=1'), { page: 2 })).toBe('q=a&inactive=1&page=2');
    expect(listSearch(url('/x?page=2'), { q: '' })).toBe('');
  });

  it('ignores a nonsense page number', () => {
    expect(readListParams(url('/x?page=-4')).page).toBe(1);
    expect(apiQuery({ q: '', page: 2, inactive: true })).toEqual({ includeInactive: true, page: 2, pageSize: 25 });
  });
});
