import { pickLocale, translate, type Locale, type MessageTree, type Messages } from '@vungxanh/i18n';

/** Every dotted path to a string in the message tree, e.g. 'nav.dashboard'. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

/** Where an app gets each language's words: `messageLoaders` for the whole tree, or the part it ships. */
export type MessageLoaders = Record<Locale, () => Promise<MessageTree>>;

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
 * reloads under the app's own storage key. Each app makes one instance; `K` narrows the keys an app
 * may use to the words it ships.
 */
export class LocaleState<K extends string = MessageKey> {
  locale = $state<Locale>('vi');
  // Loaded languages; Vietnamese is always there, as the fallback for a missing word.
  #trees = $state.raw<Partial<Record<Locale, MessageTree>>>({});

  readonly #storageKey: string;
  readonly #loaders: MessageLoaders;

  constructor(storageKey: string, loaders: MessageLoaders) {
    this.#storageKey = storageKey;
    this.#loaders = loaders;
  }

  async init(): Promise<void> {
    if (this.#trees.vi) return;
    const locale = pickLocale(readStored(this.#storageKey));
    await Promise.all([this.#load('vi'), this.#load(locale)]);
    this.#apply(locale);
  }

  async setLocale(locale: Locale): Promise<void> {
    await this.#load(locale);
    this.#apply(locale);
    writeStored(this.#storageKey, locale);
  }

  /** Reads `locale`, so any template that calls it re-renders when the language changes. */
  t(key: K, values?: Record<string, string | number>): string {
    return translate([this.#trees[this.locale], this.#trees.vi], key, values);
  }

  /** A message whose key is only known at run time (an enum value, an audit action), or the fallback. */
  lookup(key: string, fallback: string): string {
    const found = translate([this.#trees[this.locale], this.#trees.vi], key);
    return found === key ? fallback : found;
  }

  async #load(locale: Locale): Promise<void> {
    if (this.#trees[locale]) return;
    const tree = await this.#loaders[locale]();
    this.#trees = { ...this.#trees, [locale]: tree };
  }

  #apply(locale: Locale): void {
    this.locale = locale;
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }
}
