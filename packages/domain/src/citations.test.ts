import { describe, expect, it } from 'vitest';
import { citationText } from './citations.ts';

describe('citationText', () => {
  it('reads clause, article and law title in Vietnamese order', () => {
    expect(citationText({ law: 'luat-73-2021', article: 'Điều 5', clause: 'khoản 1' })).toBe(
      'Khoản 1 Điều 5 Luật Phòng, chống ma túy số 73/2021/QH14',
    );
    expect(citationText({ law: 'blhs-2015', article: 'Điều 256a', clause: null })).toBe(
      'Điều 256a Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017, 2025)',
    );
    expect(citationText({ law: 'unknown-law' })).toBe('Unknown-law');
  });
});
