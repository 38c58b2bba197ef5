import { getSettings, type Db, type InstanceSettings } from '@vungxanh/db';

/**
 * Instance settings are read on every signed-in request and change rarely: keep them for a few
 * seconds. A change made through this process is seen at once; other processes see it within the TTL.
 */
export function createSettingsCache(db: Db, ttlMs = 5_000) {
  let cached: { value: InstanceSettings; at: number } | null = null;
  return {
    async get(): Promise<InstanceSettings> {
      if (cached && Date.now() - cached.at < ttlMs) return cached.value;
      const value = await getSettings(db);
      cached = { value, at: Date.now() };
      return value;
    },
    invalidate() {
      cached = null;
    },
  };
}
export type SettingsCache = ReturnType<typeof createSettingsCache>;
