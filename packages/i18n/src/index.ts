import type { Messages } from './resources.ts';

export type { Messages } from './resources.ts';
export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'vi';

/** A message tree: the whole `Messages`, or the part an app ships (the kiosk leaves out the console's words). */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

// Each language is its own module, loaded when first asked for: a kiosk that stays in Vietnamese
// never downloads the English strings. The server reads both at once through `./server.ts`.
export const messageLoaders: Record<Locale, () => Promise<Messages>> = {
  vi: () => import('./locales/vi.ts').then((m) => m.vi),
  en: () => import('./locales/en.ts').then((m) => m.en),
};

/** `a` with `b`'s words added, section by section (a word in both is `b`'s); neither tree is changed. */
export function mergeTrees(a: MessageTree, b: MessageTree): MessageTree {
  const out: MessageTree = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    out[key] = typeof value === 'object' && typeof mine === 'object' ? mergeTrees(mine, value) : value;
  }
  return out;
}

/** The string at a dotted key, or undefined. */
export function lookupMessage(tree: MessageTree | undefined, key: string): string | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * A message with its `{{name}}` placeholders filled in, from the first tree that has the key, else the key
 * itself. Values are inserted as text; Svelte escapes them where they are shown.
 */
export function translate(
  trees: readonly (MessageTree | undefined)[],
  key: string,
  values?: Record<string, string | number>,
): string {
  let message: string | undefined;
  for (const tree of trees) if ((message = lookupMessage(tree, key)) !== undefined) break;
  if (message === undefined) return key;
  return values ? message.replace(/\{\{\s*(\w+)\s*\}\}/g, (all, name: string) => String(values[name] ?? all)) : message;
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
