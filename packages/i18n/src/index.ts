import i18next, { type i18n } from 'i18next';
import type { Messages } from './resources.ts';

export type { Messages } from './resources.ts';
export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'vi';

// Each language is its own module, loaded when first asked for: a kiosk that stays in Vietnamese
// never downloads the English strings. The server reads both at once through `./server.ts`.
const loaders: Record<Locale, () => Promise<Messages>> = {
  vi: () => import('./locales/vi.ts').then((m) => m.vi),
  en: () => import('./locales/en.ts').then((m) => m.en),
};

/** Makes sure a language's strings are in the instance before it is shown. */
export async function loadLocale(instance: i18n, lng: Locale): Promise<void> {
  if (instance.hasResourceBundle(lng, 'translation')) return;
  instance.addResourceBundle(lng, 'translation', await loaders[lng]());
}

/** Creates an i18next instance with the shared resources; each app owns one. */
export async function createI18n(lng: Locale = defaultLocale): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    fallbackLng: defaultLocale,
    supportedLngs: [...locales],
    resources: {},
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await Promise.all([loadLocale(instance, defaultLocale), loadLocale(instance, lng)]);
  await instance.changeLanguage(lng);
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
