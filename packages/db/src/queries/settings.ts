import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { settings } from '../schema/index.ts';

/** Instance settings and their defaults. */
export interface InstanceSettings {
  requireTotpForAdmins: boolean;
}
const defaults: InstanceSettings = { requireTotpForAdmins: false };

export async function getSettings(db: Db): Promise<InstanceSettings> {
  const rows = await db.select().from(settings);
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return { ...defaults, ...stored } as InstanceSettings;
}

export async function setSetting<K extends keyof InstanceSettings>(db: Db, key: K, value: InstanceSettings[K]) {
  const json = JSON.stringify(value);
  await db
    .insert(settings)
    .values({ key, value: json })
    .onConflictDoUpdate({ target: settings.key, set: { value: json } });
}

export async function settingExists(db: Db, key: string) {
  return (await db.select().from(settings).where(eq(settings.key, key))).length > 0;
}
