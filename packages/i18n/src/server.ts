import { resources } from './resources.ts';
import type { Locale } from './index.ts';

export { resources };

/** The message for an error code in a locale, for the API's error shape (both languages held in memory). */
export function errorMessage(code: string, locale: Locale): string {
  const table = resources[locale].errors as Record<string, string>;
  return table[code] ?? table.internal ?? code;
}
