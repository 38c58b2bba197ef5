import { readJson, writeJson } from './storage';

export interface Place {
  communeId: string;
  communeName: string;
  villageId: string;
  villageName: string;
}

const STORAGE_KEY = 'vungxanh.kiosk.place';

/**
 * The village a phone user says they live in, kept on the phone only. Their events carry it
 * (marked self-declared on the server); a paired kiosk never uses it.
 */
class PlaceChoice {
  value = $state<Place | null>(null);

  load(): void {
    this.value = readJson<Place>(STORAGE_KEY);
  }

  set(place: Place | null): void {
    this.value = place;
    writeJson(STORAGE_KEY, place);
  }
}

export const place = new PlaceChoice();
