import type { Locale } from '@vungxanh/i18n';
import { formatDate, formatDateTime as dateTime, formatNumber, formatTime as time } from '@vungxanh/i18n/format';

// The console's names for the one formatter of `@vungxanh/i18n/format`, shared with the kiosk and the API's files.

/** An instant as dd/mm/yyyy HH:mm in Vietnam time; empty for none. */
export const formatDateTime = (iso: string | null | undefined): string => dateTime(iso);

/** A calendar date (YYYY-MM-DD, no time zone) as dd/mm/yyyy. */
export const formatDay = (ymd: string | null | undefined): string =>
  ymd && /^\d{4}-\d{2}-\d{2}$/.test(ymd) ? formatDate(ymd) : '';

/** A count with the language's grouping (20.021). */
export const formatCount = (value: number | null | undefined, locale: Locale): string => formatNumber(value, locale);

/** An instant's time of day as HH:mm in Vietnam time; empty for none. */
export const formatTime = (iso: string | null | undefined): string => time(iso);
