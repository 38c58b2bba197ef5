import { describe, expect, it } from 'vitest';
import { filterQuery, filterSearch, readFilters } from './filters';

describe('content list filters', () => {
  it('reads known values from the URL and drops unknown ones', () => {
    const f = readFilters(new URL('http://x/admin/content/questions?topic=law&status=nope&law=nd-90-2024&page=3'));
    expect(f).toMatchObject({ topic: 'law', status: undefined, law: 'nd-90-2024', page: 3, q: '' });
  });

  it('goes back to page 1 when a filter changes, and drops emptied filters', () => {
    const url = new URL('http://x/admin/content/lessons?topic=law&page=4&q=luat');
    expect(filterSearch(url, { topic: '' })).toBe('q=luat');
    expect(filterSearch(url, { page: 5 })).toBe('topic=law&page=5&q=luat');
    expect(filterSearch(url, { status: 'draft' })).toBe('topic=law&q=luat&status=draft');
  });

  it('gives the API only the filters that are set, and the type only for questions', () => {
    const f = readFilters(new URL('http://x/?type=single&locale=en'));
    expect(filterQuery(f, true)).toEqual({ type: 'single', locale: 'en' });
    expect(filterQuery(f, false)).toEqual({ locale: 'en' });
  });
});
