import { i18n } from './i18n.svelte';
import type { Me } from './session.svelte';
import { unitsApi } from './units-api';

/** The unit an account works in, by name: "Phường Gia Viên", "Thôn Cầu Đen (Xã Kiến Thụy)" (names carry their kind). */
export async function scopeName(me: Me): Promise<string> {
  switch (me.role) {
    case 'system':
      return i18n.t('admin.scopeEverything');
    case 'province_viewer':
    case 'province_organizer': {
      const { items } = await unitsApi.provinces();
      return items.find((p) => p.id === me.provinceId)?.name ?? '';
    }
    default: {
      const commune = me.communeId ? await unitsApi.commune(me.communeId) : null;
      const communeName = commune?.name ?? '';
      const unit = me.villageId
        ? await unitsApi.get('villages', me.villageId)
        : me.schoolId
          ? await unitsApi.get('schools', me.schoolId)
          : null;
      return unit ? `${unit.name} (${communeName})` : communeName;
    }
  }
}
