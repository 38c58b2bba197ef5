import { messageLoaders } from '@vungxanh/i18n';
import { LocaleState } from '@vungxanh/ui/locale';

export type { MessageKey } from '@vungxanh/ui/locale';

/** The console's language. */
export const i18n = new LocaleState('vungxanh.admin.locale', messageLoaders);
