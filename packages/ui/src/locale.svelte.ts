import { mergeTrees, pickLocale, translate, type Locale, type MessageTree, type Messages } from '@vungxanh/i18n';

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
 * may use to the words it ships. Words a few screens need can come as parts of their own (`include`), so the
 * first load of every other screen does not carry them.
 */
export class LocaleState<K extends string = MessageKey> {
  locale = $state<Locale>('vi');
  // Loaded languages; Vietnamese is always there, as the fallback for a missing word.
  #trees = $state.raw<Partial<Record<Locale, MessageTree>>>({});

  readonly #storageKey: string;
  // The app's words first, then each part included since, in every language loaded.
  readonly #parts: MessageLoaders[];
  // Loads begun, per part and language: bookkeeping, never read by a template (the words are in `#trees`).
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #loading = new Map<MessageLoaders, Partial<Record<Locale, Promise<void>>>>();
  #started: Promise<void> | null = null;

  constructor(storageKey: string, loaders: MessageLoaders) {
    this.#storageKey = storageKey;
    this.#parts = [loaders];
  }

  /** Loads Vietnamese and the stored choice, once. */
  init(): Promise<void> {
    return (this.#started ??= (async () => {
      const locale = pickLocale(readStored(this.#storageKey));
      await Promise.all([this.#load('vi'), this.#load(locale)]);
      this.#apply(locale);
    })().catch((error: unknown) => {
      this.#started = null;
      throw error;
    }));
  }

  async setLocale(locale: Locale): Promise<void> {
    await this.#load(locale);
    this.#apply(locale);
    writeStored(this.#storageKey, locale);
  }

  /**
   * Adds a part of the words (a screen's own), in Vietnamese and the language shown, and in any language chosen
   * later. Resolves once they are there; asking again for the same part costs nothing.
   */
  async include(part: MessageLoaders): Promise<void> {
    if (!this.#parts.includes(part)) this.#parts.push(part);
    await Promise.all([this.#loadPart(part, 'vi'), this.#loadPart(part, this.locale)]);
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
    await Promise.all(this.#parts.map((part) => this.#loadPart(part, locale)));
  }

  #loadPart(part: MessageLoaders, locale: Locale): Promise<void> {
    let byLocale = this.#loading.get(part);
    if (!byLocale) this.#loading.set(part, (byLocale = {}));
    return (byLocale[locale] ??= part[locale]().then(
      (tree) => {
        this.#trees = { ...this.#trees, [locale]: mergeTrees(this.#trees[locale] ?? {}, tree) };
      },
      (error: unknown) => {
        // Offline, say: the next call tries again.
        delete byLocale[locale];
        throw error;
      },
    ));
  }

  #apply(locale: Locale): void {
    this.locale = locale;
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }
}
