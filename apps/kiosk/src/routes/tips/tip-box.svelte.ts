import type { InferResponseType } from 'hono/client';
import { apiError, client, reach } from '$lib/api';
import { i18n } from '$lib/i18n.svelte';

export type TipBoxInfo = InferResponseType<typeof client.api.public.tips.box.$get, 200>;

interface Unit {
  id: string;
  name: string;
}

/**
 * Which commune's tip box a page writes to, and that box (its public key and villages). A paired kiosk's commune is
 * fixed; on a phone it comes from the address (the village poster's QR), else from the place the person chose, else
 * from a list. One per page: it goes when the page goes, so nothing of it outlives the person at a kiosk.
 */
export class TipBox {
  communeId = $state('');
  /** A kiosk writes to its own commune only. */
  readonly fixed: boolean;
  communes = $state<Unit[]>([]);
  box = $state<TipBoxInfo | null>(null);
  phase = $state<'choose' | 'loading' | 'open' | 'closed' | 'failed'>('choose');
  /** Why the box is not open, in the reader's language (the server's words for a closed box). */
  problem = $state('');

  constructor(from: { kiosk: string | null; address: string | null; place: string | null }) {
    this.fixed = from.kiosk !== null;
    this.communeId = from.kiosk ?? from.address ?? from.place ?? '';
  }

  /** The communes to choose from (a phone without a commune, or one changing it); a single one is chosen at once. */
  async listCommunes(): Promise<void> {
    if (this.fixed || this.communes.length > 0) return;
    try {
      const res = await reach(client.api.public.communes.$get());
      if (res.ok) this.communes = (await res.json()).items;
      else this.problem = (await apiError(res)).message;
    } catch {
      this.problem = i18n.t('tipBox.needsNetwork');
    }
    if (this.communes.length === 1 && !this.communeId) await this.open(this.communes[0]!.id);
  }

  async open(communeId: string): Promise<void> {
    this.communeId = communeId;
    this.box = null;
    this.problem = '';
    if (!communeId) {
      this.phase = 'choose';
      return;
    }
    this.phase = 'loading';
    try {
      const res = await reach(client.api.public.tips.box.$get({ query: { communeId } }));
      // A later choice wins over an answer that arrives late.
      if (communeId !== this.communeId) return;
      if (res.ok) {
        this.box = await res.json();
        this.phase = 'open';
        return;
      }
      const error = await apiError(res);
      this.problem = error.message;
      this.phase = error.code === 'tip_box_closed' ? 'closed' : 'failed';
    } catch {
      if (communeId !== this.communeId) return;
      this.problem = i18n.t('tipBox.needsNetwork');
      this.phase = 'failed';
    }
  }

  /** Back to the list: a phone whose person wants another commune. */
  change(): void {
    this.communeId = '';
    this.box = null;
    this.problem = '';
    this.phase = 'choose';
    void this.listCommunes();
  }
}
