import { VN_OFFSET_MS } from '@vungxanh/domain';
import type { Locale } from './index.ts';

/**
 * One formatter for what people read: screens of both apps, the API's PDFs and XLSX. Dates are dd/mm/yyyy and times
 * HH:mm in Vietnam time in both languages (the forms officials fill in); numbers and percentages follow the language:
 * `1.234` and `0,7 %` in Vietnamese, `1,234` and `0.7%` in English.
 */

// Vietnam has kept UTC+7 without daylight saving since 1975: the domain's offset is exact and needs no zone data.
const pad = (n: number) => String(n).padStart(2, '0');

type Instant = Date | number | string;

function ms(at: Instant | null | undefined): number | null {
  if (at === null || at === undefined || at === '') return null;
  const value = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  return Number.isFinite(value) ? value : null;
}

const ymd = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Vietnam calendar date and clock of an instant, as numbers. */
export function vnClock(instant: number) {
  const d = new Date(instant + VN_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/** dd/mm/yyyy: a calendar date (YYYY-MM-DD, taken as is) or an instant (its Vietnam date); empty for none. */
export function formatDate(at: Instant | null | undefined): string {
  const day = typeof at === 'string' ? ymd.exec(at) : null;
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const t = ms(at);
  if (t === null) return '';
  const c = vnClock(t);
  return `${pad(c.day)}/${pad(c.month)}/${c.year}`;
}

/** HH:mm of an instant in Vietnam time; empty for none. */
export function formatTime(at: Instant | null | undefined): string {
  const t = ms(at);
  if (t === null) return '';
  const c = vnClock(t);
  return `${pad(c.hour)}:${pad(c.minute)}`;
}

/** dd/mm/yyyy HH:mm in Vietnam time; empty for none. */
export function formatDateTime(at: Instant | null | undefined): string {
  const t = ms(at);
  return t === null ? '' : `${formatDate(t)} ${formatTime(t)}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f;
}

/** A count or amount with the language's grouping: `20.021` (vi), `20,021` (en); empty for none. */
export function formatNumber(value: number | null | undefined, locale: Locale = 'vi', digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? ''
    : numberFormat(locale, digits).format(value);
}

/** A ratio (0.007) as a percentage: `0,7 %` (vi, with the space Vietnamese typesetting uses), `0.7%` (en). */
export function formatPercent(ratio: number | null | undefined, locale: Locale = 'vi', digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '';
  const n = formatNumber(Math.round(ratio * 100 * 10 ** digits) / 10 ** digits, locale, digits);
  return locale === 'vi' ? `${n} %` : `${n}%`;
}

/** A year as written, never grouped (`2035`, not `2.035`). */
export function formatYear(year: number | null | undefined): string {
  return year === null || year === undefined ? '' : String(year);
}

/** Excel number formats that show the same as the functions above; Excel applies the reader's separators. */
export const excelFormats = {
  date: 'dd/mm/yyyy',
  dateTime: 'dd/mm/yyyy hh:mm',
  integer: '#,##0',
  decimal: '#,##0.0',
  percent: '0.0 %',
  year: '0',
} as const;
