import { describe, expect, it } from 'vitest';
import { figureTable } from './figures-table';

describe('figureTable', () => {
  it('puts every month up to the last one in a row, missing months as zeros, with totals', () => {
    const { rows, totals } = figureTable(
      [
        { month: '2026-02', status: 'new', count: 2 },
        { month: '2026-02', status: 'closed', count: 1 },
        { month: '2026-03', status: 'checking', count: 4 },
      ],
      3,
    );
    expect(rows.map((r) => r.total)).toEqual([0, 3, 4]);
    expect(rows[1]!.counts).toEqual({ new: 2, checking: 0, passed_on: 0, closed: 1 });
    expect(totals.counts).toEqual({ new: 2, checking: 4, passed_on: 0, closed: 1 });
    expect(totals.total).toBe(7);
  });
});
