import { client, reach } from './api';
import { kioskDb, type StoredPack } from './db';
import { network } from './network.svelte';
import { isPack, lessonImages, type Pack } from './pack';

const REFRESH_MS = 30 * 60_000;

/**
 * The content pack: the last complete one is kept in IndexedDB, so lessons, quizzes and hotlines
 * work offline after the first visit. A new pack replaces it only once it arrived whole.
 */
class Content {
  pack = $state.raw<Pack | null>(null);
  /** `loading` until the stored pack was read and, with none stored, the first fetch ended. */
  status = $state<'loading' | 'ready' | 'missing'>('loading');
  #communeId: string | null | undefined = undefined;
  #etag: string | null = null;
  #refreshing: Promise<void> | null = null;

  /** Starts or switches to the pack of a commune (null: national content only). */
  async use(communeId: string | null): Promise<void> {
    if (communeId === this.#communeId) return;
    this.#communeId = communeId;
    this.#etag = null;
    const stored = await this.#read();
    if (communeId !== this.#communeId) return;
    // A pack of another commune still beats an empty screen until the right one arrives.
    if (stored) this.pack = stored.pack;
    if (stored?.communeId === communeId) this.#etag = stored.etag;
    if (this.pack) this.status = 'ready';
    await this.refresh();
  }

  /** Background refresh: network return and a slow interval, for kiosks that run for days. */
  start(): () => void {
    const off = network.onReturn(() => void this.refresh());
    const timer = setInterval(() => void this.refresh(), REFRESH_MS);
    return () => {
      off();
      clearInterval(timer);
    };
  }

  refresh(): Promise<void> {
    this.#refreshing ??= this.#fetch().finally(() => (this.#refreshing = null));
    return this.#refreshing;
  }

  async #fetch(): Promise<void> {
    if (this.#communeId === undefined) return;
    const communeId = this.#communeId;
    try {
      const res = await reach(
        client.api.content.pack.$get(
          { query: communeId ? { communeId } : {} },
          { headers: this.#etag ? { 'if-none-match': this.#etag } : {} },
        ),
      );
      if ((res.status as number) === 304 || !res.ok) return;
      // json() rejects a body cut off by a dropped connection, so a half pack never replaces a whole one.
      const body: unknown = await res.json();
      if (!isPack(body) || communeId !== this.#communeId) return;
      const etag = res.headers.get('etag') ?? `"${body.version}"`;
      await this.#write({ communeId, etag, pack: body, savedAt: new Date().toISOString() });
      this.#etag = etag;
      this.pack = body;
      void warmImages(body);
    } catch {
      // Offline or a broken body: keep what we have.
    } finally {
      this.status = this.pack ? 'ready' : 'missing';
    }
  }

  async #read(): Promise<StoredPack | undefined> {
    try {
      return await (await kioskDb()).get('pack', 'current');
    } catch {
      return undefined;
    }
  }

  async #write(stored: StoredPack): Promise<void> {
    try {
      await (await kioskDb()).put('pack', stored, 'current');
    } catch {
      // Storage refused: the pack still serves this page's life.
    }
  }
}

// Put a new pack's images in the cache the service worker reads them from, so a lesson never opened online
// still shows its pictures offline.
async function warmImages(pack: Pack): Promise<void> {
  const urls = lessonImages(pack.lessons, location.origin);
  if (urls.length === 0 || typeof caches === 'undefined') return;
  try {
    const cache = await caches.open('kiosk-images');
    const missing = (await Promise.all(urls.map(async (u) => ((await cache.match(u)) ? null : u)))).filter(
      (u): u is string => u !== null,
    );
    await cache.addAll(missing);
  } catch {
    // A missing picture must not hold up the text.
  }
}

export const content = new Content();
