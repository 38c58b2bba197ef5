import { describe, expect, it } from 'vitest';
import {
  tipDay,
  tipFigures,
  tipLimits,
  tipMessageInput,
  tipStatusInput,
  tipSubmitInput,
  tipTextProblem,
  tipsterThread,
} from './tips.ts';

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
  it('refuses an empty or overlong text', () => {
    expect(tipTextProblem('   ')).toBe('missing');
    expect(tipTextProblem('x'.repeat(tipLimits.textChars + 1))).toBe('tooLong');
    expect(tipTextProblem(' Có người lạ ')).toBeNull();
  });
  it('tells a reply (nonce.box) from a note (one sealed box)', () => {
    expect(tipMessageInput.safeParse({ kind: 'reply', ciphertext: 'n.b' }).success).toBe(true);
    expect(tipMessageInput.safeParse({ kind: 'reply', ciphertext: 'nb' }).success).toBe(false);
    expect(tipMessageInput.safeParse({ kind: 'note', ciphertext: 'n.b' }).success).toBe(false);
  });
  it('shows the tipster replies and their own additions, never notes', () => {
    const thread = tipsterThread([
      { kind: 'reply', ciphertext: 'n.b', writtenOn: '2026-12-01' },
      { kind: 'note', ciphertext: 'sealed', writtenOn: '2026-12-01' },
      { kind: 'tipster', ciphertext: 'sealed', writtenOn: '2026-12-02' },
    ]);
    expect(thread).toEqual([
      { kind: 'reply', ciphertext: 'n.b', writtenOn: '2026-12-01' },
      { kind: 'tipster', ciphertext: null, writtenOn: '2026-12-02' },
    ]);
  });
});
