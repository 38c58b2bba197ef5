import type { MessageTree } from '@vungxanh/i18n';
import { LocaleState, type MessageLoaders } from '@vungxanh/ui/locale';
import vi from 'virtual:kiosk-messages/vi';
import type { KioskKey } from './messages';

export type { KioskKey as MessageKey } from './messages';

/**
 * The kiosk's language (wiped back to Vietnamese at idle reset), with only the words the kiosk shows. Every visit
 * needs the Vietnamese words before its first paint, so they come with the app's first scripts instead of a
 * request of their own after them; English loads only when chosen.
 */
export const i18n = new LocaleState<KioskKey>('vungxanh.kiosk.locale', {
  vi: () => Promise.resolve(vi),
  en: () => import('virtual:kiosk-messages/en').then((m) => m.default),
});

/**
 * A part of the words that a few screens include (their route's load calls `i18n.include`): the Vietnamese comes
 * with those screens' scripts, the English when chosen.
 */
export function wordsPart(vi: MessageTree, en: () => Promise<{ default: MessageTree }>): MessageLoaders {
  return { vi: () => Promise.resolve(vi), en: () => en().then((m) => m.default) };
}
