import { VN_TIME_ZONE } from '@vungxanh/domain';
import type { Locale } from '@vungxanh/i18n';

// Periods and times are read in Vietnam time, whatever the browser's zone.

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VN_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as dd/MM/yyyy HH:mm in Vietnam time; empty for none. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    dateTimeParts.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/** A calendar date (YYYY-MM-DD, no time zone) as dd/MM/yyyy. */
export function formatDay(ymd: string | null | undefined): string {
  const match = ymd ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd) : null;
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN'),
  en: new Intl.NumberFormat('en-US'),
};

export function formatCount(value: number | null | undefined, locale: Locale): string {
  return value === null || value === undefined ? '' : numberFormats[locale].format(value);
}

const timeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VN_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant's time of day as HH:mm in Vietnam time; empty for none. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : timeParts.format(date);
}
