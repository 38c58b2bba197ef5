import { tipStatuses, type TipStatus } from '@vungxanh/domain';

export interface FigureRow {
  month: number;
  counts: Record<TipStatus, number>;
  total: number;
}

const zero = () => Object.fromEntries(tipStatuses.map((s) => [s, 0])) as Record<TipStatus, number>;

/**
 * The API's month × status counts as a table: one row per month of the year (up to `lastMonth`, missing months
 * as zeros) and a row of totals.
 */
export function figureTable(
  figures: readonly { month: string; status: TipStatus; count: number }[],
  lastMonth: number,
): { rows: FigureRow[]; totals: FigureRow } {
  const rows: FigureRow[] = Array.from({ length: lastMonth }, (_, i) => ({ month: i + 1, counts: zero(), total: 0 }));
  const totals: FigureRow = { month: 0, counts: zero(), total: 0 };
  for (const f of figures) {
    const row = rows[Number(f.month.slice(5, 7)) - 1];
    if (!row) continue;
    row.counts[f.status] += f.count;
    row.total += f.count;
    totals.counts[f.status] += f.count;
    totals.total += f.count;
  }
  return { rows, totals };
}
