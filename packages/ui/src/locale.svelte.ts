import { createI18n, loadLocale, pickLocale, type Locale, type Messages } from '@vungxanh/i18n';

/** Every dotted path to a string in the message tree, e.g. 'nav.dashboard'. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

// i18next is the i18n package's dependency, not ours: name its type through createI18n.
type I18next = Awaited<ReturnType<typeof createI18n>>;

// Storage can throw (blocked storage, some private modes); the language choice is a nicety, never a failure.
function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStored(key: string, locale: Locale): void {
  try {
    localStorage.setItem(key, locale);
  } catch {
    // Keep the choice for this page's life only.
  }
}

/**
 * An app's language as rune state: Vietnamese first, English on request; the choice survives
 * reloads under the app's own storage key. Each app makes one instance.
 */
export class LocaleState {
  locale = $state<Locale>('vi');
  #instance: I18next | null = null;

  readonly #storageKey: string;

  constructor(storageKey: string) {
    this.#storageKey = storageKey;
  }

  async init(): Promise<void> {
    if (this.#instance) return;
    const locale = pickLocale(readStored(this.#storageKey));
    this.#instance = await createI18n(locale);
    this.#apply(locale);
  }

  async setLocale(locale: Locale): Promise<void> {
    if (this.#instance) await loadLocale(this.#instance, locale);
    await this.#instance?.changeLanguage(locale);
    this.#apply(locale);
    writeStored(this.#storageKey, locale);
  }

  /** Reads `locale`, so any template that calls it re-renders when the language changes. */
  t(key: MessageKey, values?: Record<string, string | number>): string {
    const lng = this.locale;
    return this.#instance ? this.#instance.t(key, { ...values, lng }) : key;
  }

  /** A message whose key is only known at run time (an enum value, an audit action), or the fallback. */
  lookup(key: string, fallback: string): string {
    const lng = this.locale;
    return this.#instance?.exists(key, { lng }) ? this.#instance.t(key, { lng }) : fallback;
  }

  #apply(locale: Locale): void {
    this.locale = locale;
    document.documentElement.lang = locale;
  }
}
