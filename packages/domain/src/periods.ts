import { z } from 'zod';
import { AppError } from './errors.ts';
import { VN_OFFSET_MS } from './vn-time.ts';

/**
 * Reporting periods (DESIGN.md §7), cut in Vietnam time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).
 * Every range is [start, end): UTC instants in ms, end exclusive, so a period's end is the next one's start.
 */

export const periodKinds = [
  'month',
  'quarter',
  'half',
  'year',
  'school_year',
  'recognition_6m',
  'recognition_12m',
] as const;
export type PeriodKind = (typeof periodKinds)[number];

export interface Period {
  kind: PeriodKind;
  key: string;
  /** First instant of the period (UTC ms of 00:00 Vietnam time on its first day). */
  start: number;
  /** First instant after the period (exclusive). */
  end: number;
}

const DAY_MS = 86_400_000;

/** UTC ms of 00:00 Vietnam time on the given calendar day; month is 1-12 and may overflow into the next year. */
export function vnMidnight(year: number, month: number, day = 1): number {
  return Date.UTC(year, month - 1, day) - VN_OFFSET_MS;
}

/** The Vietnam calendar date of an instant, as numbers. */
export function vnParts(instant: number): { year: number; month: number; day: number } {
  const d = new Date(instant + VN_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The Vietnam calendar date of an instant as YYYY-MM-DD. */
export function vnDate(instant: number): string {
  return new Date(instant + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** UTC ms of 00:00 Vietnam time on a YYYY-MM-DD date (the date must be valid). */
export function vnDateStart(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return vnMidnight(y, m, d);
}

const pad = (n: number) => String(n).padStart(2, '0');

// Years outside this window are typing mistakes, not plans.
const MIN_YEAR = 2000;
const MAX_YEAR = 2199;

const patterns: { kind: PeriodKind; re: RegExp }[] = [
  { kind: 'month', re: /^(\d{4})-(0[1-9]|1[0-2])$/ },
  { kind: 'quarter', re: /^(\d{4})-Q([1-4])$/ },
  { kind: 'half', re: /^(\d{4})-H([12])$/ },
  { kind: 'year', re: /^(\d{4})$/ },
  { kind: 'school_year', re: /^SY(\d{4})-(\d{4})$/ },
  { kind: 'recognition_6m', re: /^RP6-(\d{4})-(03|09)$/ },
  { kind: 'recognition_12m', re: /^RP12-(\d{4})-(09)$/ },
];

/** The period a key names, or null when the key is not one (wrong shape, impossible year). */
export function parsePeriod(key: string): Period | null {
  for (const { kind, re } of patterns) {
    const m = re.exec(key);
    if (!m) continue;
    const year = Number(m[1]);
    const n = Number(m[2]);
    if (year < MIN_YEAR || year > MAX_YEAR) return null;
    const range = (fromMonth: number, months: number, y = year) => ({
      kind,
      key,
      start: vnMidnight(y, fromMonth),
      end: vnMidnight(y, fromMonth + months),
    });
    switch (kind) {
      case 'month':
        return range(n, 1);
      case 'quarter':
        return range((n - 1) * 3 + 1, 3);
      case 'half':
        return range((n - 1) * 6 + 1, 6);
      case 'year':
        return range(1, 12);
      case 'school_year':
        // September to May: SY2026-2027 runs 01/09/2026 to 31/05/2027.
        return n === year + 1 ? range(9, 9) : null;
      case 'recognition_6m':
        // Named after the month the decision is due: RP6-Y-03 is 01/09/(Y-1) to the end of February Y,
        // RP6-Y-09 is 01/03/Y to 31/08/Y.
        return n === 3 ? range(9, 6, year - 1) : range(3, 6);
      case 'recognition_12m':
        return range(9, 12, year - 1);
    }
  }
  return null;
}

export const periodKeySchema = z
  .string()
  .max(20)
  .refine((k) => parsePeriod(k) !== null, 'invalid period');

/** Like parsePeriod, but a bad key is the caller's mistake: 422 `invalid_period`. */
export function periodRange(key: string): Period {
  const p = parsePeriod(key);
  if (!p) throw new AppError(422, 'invalid_period', { key });
  return p;
}

/** The key of the period of the given kind that contains the instant. */
export function periodOf(kind: PeriodKind, instant: number): string {
  const { year, month } = vnParts(instant);
  switch (kind) {
    case 'month':
      return `${year}-${pad(month)}`;
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'half':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'year':
      return String(year);
    case 'school_year':
      // June to August belong to no school year; they count toward the one about to start, which is the one
      // schools are preparing for then (so "this school year" never points at a finished one).
      return month >= 6 ? `SY${year}-${year + 1}` : `SY${year - 1}-${year}`;
    case 'recognition_6m':
      if (month >= 9) return `RP6-${year + 1}-03`;
      return month <= 2 ? `RP6-${year}-03` : `RP6-${year}-09`;
    case 'recognition_12m':
      return month >= 9 ? `RP12-${year + 1}-09` : `RP12-${year}-09`;
  }
}

/** The period of the same kind just before. School years skip the summer gap. */
export function previousPeriod(key: string): string {
  const p = periodRange(key);
  if (p.kind === 'school_year') return periodOf(p.kind, vnMidnight(vnParts(p.start).year - 1, 9));
  return periodOf(p.kind, p.start - 1);
}

/** The period of the same kind just after. School years skip the summer gap. */
export function nextPeriod(key: string): string {
  const p = periodRange(key);
  if (p.kind === 'school_year') return periodOf(p.kind, vnMidnight(vnParts(p.start).year + 1, 9));
  return periodOf(p.kind, p.end);
}

/**
 * Calendar days left in the period on the Vietnam day of `now`, counting that day: the last day gives 1,
 * after the end 0, before the start the whole length.
 */
export function daysLeft(key: string, now: number): number {
  const p = periodRange(key);
  const { year, month, day } = vnParts(now);
  const today = Math.max(vnMidnight(year, month, day), p.start);
  return Math.max(0, Math.round((p.end - today) / DAY_MS));
}

/** Number of calendar days in the period. */
export function periodDays(key: string): number {
  const p = periodRange(key);
  return Math.round((p.end - p.start) / DAY_MS);
}

/** The month keys the period covers, in order (for month-by-month charts). */
export function periodMonths(key: string): string[] {
  const p = periodRange(key);
  const months: string[] = [];
  for (let t = p.start; t < p.end; t = parsePeriod(months[months.length - 1]!)!.end) {
    months.push(periodOf('month', t));
  }
  return months;
}

/** True when the instant falls inside the period. */
export function inPeriod(period: Pick<Period, 'start' | 'end'>, instant: number): boolean {
  return instant >= period.start && instant < period.end;
}

/**
 * The date by which the commune decides on a recognition period (DESIGN.md §2): 10/3 for the six months ending in
 * February, 10/9 for the others. Null for periods that are not recognition periods.
 */
export function recognitionDeadline(key: string): string | null {
  const p = periodRange(key);
  if (p.kind !== 'recognition_6m' && p.kind !== 'recognition_12m') return null;
  const { year, month } = vnParts(p.end);
  return `${year}-${pad(month)}-10`;
}

/** The headline period kind for a commune's target outreach frequency. */
export function headlineKind(frequency: 'monthly' | 'quarterly'): PeriodKind {
  return frequency === 'monthly' ? 'month' : 'quarter';
}

const roman = ['I', 'II', 'III', 'IV'];
const dmy = (instant: number) => {
  const { year, month, day } = vnParts(instant);
  return `${pad(day)}/${pad(month)}/${year}`;
};

/** A short human label for the period, in Vietnamese or English. */
export function periodLabel(key: string, locale: 'vi' | 'en' = 'vi'): string {
  const p = periodRange(key);
  const { year, month } = vnParts(p.start);
  const last = dmy(p.end - 1);
  const vi = locale === 'vi';
  switch (p.kind) {
    case 'month':
      return vi ? `Tháng ${pad(month)}/${year}` : `${pad(month)}/${year}`;
    case 'quarter':
      return vi ? `Quý ${roman[(month - 1) / 3]}/${year}` : `Q${(month - 1) / 3 + 1} ${year}`;
    case 'half':
      return vi
        ? `6 tháng ${month === 1 ? 'đầu' : 'cuối'} năm ${year}`
        : `${month === 1 ? 'First' : 'Second'} half of ${year}`;
    case 'year':
      return vi ? `Năm ${year}` : String(year);
    case 'school_year':
      return vi ? `Năm học ${year}–${year + 1}` : `School year ${year}–${year + 1}`;
    case 'recognition_6m':
      return vi
        ? `Kỳ công nhận 6 tháng ${dmy(p.start)}–${last}`
        : `Six-month recognition period ${dmy(p.start)}–${last}`;
    case 'recognition_12m':
      return vi ? `Kỳ công nhận 1 năm ${dmy(p.start)}–${last}` : `Yearly recognition period ${dmy(p.start)}–${last}`;
  }
}
