import { orPageError } from '$lib/load';
import { session } from '$lib/session.svelte';
import { unitsApi, type Commune } from '$lib/units-api';

/** The communes a new item may be given to: only the system role chooses (others' items are their commune's). */
export async function scopeChoices(isNew: boolean): Promise<Commune[]> {
  if (!isNew || session.me?.role !== 'system') return [];
  return (await orPageError(unitsApi.communes())).items;
}
