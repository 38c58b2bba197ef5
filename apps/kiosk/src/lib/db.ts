import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { EventType } from '@vungxanh/domain';
import type { Pack } from './pack';

/** One stored pack: the last complete one the server sent for this device's commune. */
export interface StoredPack {
  communeId: string | null;
  etag: string;
  pack: Pack;
  savedAt: string;
}

/** An event waiting to be sent, exactly as it will be sent. */
export interface OutboxRecord {
  id: string;
  type: EventType;
  occurredAt: string;
  villageId?: string;
  payload: Record<string, string | number>;
}

interface KioskDb extends DBSchema {
  pack: { key: 'current'; value: StoredPack };
  outbox: { key: string; value: OutboxRecord };
}

let opening: Promise<IDBPDatabase<KioskDb>> | null = null;

/** The app's IndexedDB, opened once; callers catch a rejection (private modes may refuse storage). */
export function kioskDb(): Promise<IDBPDatabase<KioskDb>> {
  opening ??= openDB<KioskDb>('vungxanh-kiosk', 1, {
    upgrade(db) {
      db.createObjectStore('pack');
      db.createObjectStore('outbox', { keyPath: 'id' });
    },
  });
  return opening;
}
