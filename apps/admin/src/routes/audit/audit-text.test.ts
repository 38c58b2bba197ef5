import { describe, expect, it } from 'vitest';
import { summaryText } from './audit-text';

describe('summaryText', () => {
  it('lists the fields of a JSON summary and skips empty ones and internal ids', () => {
    expect(summaryText('{"name":"Thôn Đông","communeId":"c1","population":1200,"boardInstalledOn":null}')).toBe(
      'name: Thôn Đông; population: 1200',
    );
  });

  it('keeps a plain-text summary and shortens a long one', () => {
    expect(summaryText('imported 3 rows')).toBe('imported 3 rows');
    expect(summaryText('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(summaryText(null)).toBe('');
  });
});
