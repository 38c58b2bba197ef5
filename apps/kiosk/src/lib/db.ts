import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { EntryInput, EntryStatus } from '@vungxanh/domain';
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

/**
 * A signed commitment on this device. While `pending` it holds the whole entry as it will be sent;
 * once the server answered, only the receipt stays (the personal fields are dropped).
 */
export type StoredCommitment =
  | { id: string; state: 'pending'; entry: EntryInput; campaignTitle: string; savedAt: string }
  | {
      id: string;
      state: 'sent';
      code: string;
      status: EntryStatus;
      campaignTitle: string;
      savedAt: string;
    }
  | { id: string; state: 'refused'; message: string; campaignTitle: string; savedAt: string };

interface KioskDb extends DBSchema {
  pack: { key: 'current'; value: StoredPack };
  outbox: { key: string; value: OutboxRecord };
  commitments: { key: string; value: StoredCommitment };
}

let opening: Promise<IDBPDatabase<KioskDb>> | null = null;

/** The app's IndexedDB, opened once; callers catch a rejection (private modes may refuse storage). */
export function kioskDb(): Promise<IDBPDatabase<KioskDb>> {
  opening ??= openDB<KioskDb>('vungxanh-kiosk', 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('pack');
        db.createObjectStore('outbox', { keyPath: 'id' });
      }
      // Version 2: signed commitments wait here until the server has them.
      if (oldVersion < 2) db.createObjectStore('commitments', { keyPath: 'id' });
    },
  });
  return opening;
}
