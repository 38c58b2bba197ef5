import { vi } from './locales/vi.ts';
import { en } from './locales/en.ts';

import type { Locale } from './index.ts';

/** Same keys as the Vietnamese source, every leaf a string. */
export type Messages = DeepStrings<typeof vi>;
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export const resources: Record<Locale, Messages> = { vi, en };
