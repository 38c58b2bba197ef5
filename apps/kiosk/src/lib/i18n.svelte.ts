import { LocaleState } from '@vungxanh/ui/locale';

export type { MessageKey } from '@vungxanh/ui/locale';

/** The kiosk's language (wiped back to Vietnamese at idle reset). */
export const i18n = new LocaleState('vungxanh.kiosk.locale');
