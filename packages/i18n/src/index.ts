import i18next, { type i18n } from 'i18next';
import { resources, type Locale, locales, defaultLocale } from './resources.ts';

export { resources, locales, defaultLocale, type Locale };
export type { Messages } from './resources.ts';

/** Creates an i18next instance with the shared resources; each app owns one. */
export async function createI18n(lng: Locale = defaultLocale): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    fallbackLng: defaultLocale,
    supportedLngs: [...locales],
    resources: {
      vi: { translation: resources.vi },
      en: { translation: resources.en },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** Picks the best supported locale from an Accept-Language header or a stored choice. */
export function pickLocale(input: string | null | undefined): Locale {
  if (!input) return defaultLocale;
  const tags = input
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    const base = tag.split('-')[0];
    if (base === 'vi' || base === 'en') return base;
  }
  return defaultLocale;
}

/** The message for an error code in a locale, for the API's error shape. */
export function errorMessage(code: string, locale: Locale): string {
  const table = resources[locale].errors as Record<string, string>;
  return table[code] ?? table.internal ?? code;
}
