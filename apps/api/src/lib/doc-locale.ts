import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import { defaultLocale, locales, type Locale } from '@vungxanh/i18n';
import type { AppEnv } from './context.ts';

/**
 * The language of a downloaded document (XLSX, PDF). The console passes the language it shows as `?lang=`; with no
 * explicit choice a document is Vietnamese, whatever the browser's Accept-Language says: a file is handed on to
 * other offices, and a commune's papers are in Vietnamese.
 */
export const docLang = z.enum(locales).default(defaultLocale).openapi({
  description: 'Language of the document; the console passes the language it shows. Vietnamese when absent.',
});

/** The `lang` query parameter already checked by the route's schema (`docLang`), else Vietnamese. */
export function docLocale(c: Context<AppEnv>): Locale {
  const lang = c.req.query('lang');
  return lang === 'en' ? 'en' : defaultLocale;
}
