import { describe, expect, it } from 'vitest';
import { tipDay, tipFigures, tipStatusInput, tipSubmitInput } from './tips.ts';

describe('tips', () => {
  it('keeps the Vietnam day only', () => {
    expect(tipDay(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01');
  });
  it('counts by month and status, with zeros', () => {
    const figures = tipFigures([
      { receivedOn: '2026-11-02', status: 'new' },
      { receivedOn: '2026-11-20', status: 'new' },
      { receivedOn: '2026-12-01', status: 'closed' },
    ]);
    expect(figures).toHaveLength(8);
    expect(figures.find((f) => f.month === '2026-11' && f.status === 'new')?.count).toBe(2);
    expect(figures.find((f) => f.month === '2026-12' && f.status === 'new')?.count).toBe(0);
  });
  it('a hand-over names where it went, and only a hand-over does', () => {
    expect(tipStatusInput.safeParse({ status: 'passed_on', handedTo: 'province' }).success).toBe(true);
    expect(tipStatusInput.safeParse({ status: 'passed_on' }).success).toBe(false);
    expect(tipStatusInput.safeParse({ status: 'closed', handedTo: 'province' }).success).toBe(false);
  });
  it('accepts ciphertext only', () => {
    const ok = { communeId: 'c', ciphertext: 'abc_-', lookup: 'a'.repeat(43) };
    expect(tipSubmitInput.safeParse(ok).success).toBe(true);
    expect(tipSubmitInput.safeParse({ ...ok, ciphertext: 'plain text tip' }).success).toBe(false);
  });
});
