import { LocaleState } from '@vungxanh/ui/locale';
import type { KioskKey } from './messages';

export type { KioskKey as MessageKey } from './messages';

/** The kiosk's language (wiped back to Vietnamese at idle reset), with only the words the kiosk shows. */
export const i18n = new LocaleState<KioskKey>('vungxanh.kiosk.locale', {
  vi: () => import('virtual:kiosk-messages/vi').then((m) => m.default),
  en: () => import('virtual:kiosk-messages/en').then((m) => m.default),
});
