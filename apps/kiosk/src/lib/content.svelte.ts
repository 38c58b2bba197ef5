import { packIndexOf, type Topic } from '@vungxanh/domain';
import { client, reach } from './api';
import { kioskDb, type StoredPack } from './db';
import { network } from './network.svelte';
import {
  isPack,
  isPackIndex,
  lessonImages,
  type Pack,
  type PackIndex,
  type PackLesson,
  type PackQuestion,
} from './pack';

const REFRESH_MS = 30 * 60_000;

/**
 * The content pack. A first visit reads a small index, then only the lesson or question set it opens;
 * once the screen is painted the whole pack follows in the background and is kept in IndexedDB, so
 * lessons, quizzes and hotlines work offline from then on. A new pack replaces the stored one only once
 * it arrived whole.
 */
class Content {
  /** Lessons without bodies, topics, hotlines and slogans: what lists and the attract screen need. */
  index = $state.raw<PackIndex | null>(null);
  /** The whole pack, once stored or fetched in the background. */
  pack = $state.raw<Pack | null>(null);
  /** `loading` until the stored pack was read and, with none stored, the first fetch ended. */
  status = $state<'loading' | 'ready' | 'missing'>('loading');
  #communeId: string | null | undefined = undefined;
  #etag: string | null = null;
  #refreshing: Promise<void> | null = null;
  // Parts fetched before the whole pack arrived, for this page's life.
  #lessons = new Map<string, Promise<PackLesson[]>>();
  #questions = new Map<string, Promise<PackQuestion[]>>();

  /** Starts or switches to the pack of a commune (null: national content only). */
  async use(communeId: string | null): Promise<void> {
    if (communeId === this.#communeId) return;
    this.#communeId = communeId;
    this.#etag = null;
    this.#lessons.clear();
    this.#questions.clear();
    const stored = await this.#read();
    if (communeId !== this.#communeId) return;
    // A pack of another commune still beats an empty screen until the right one arrives.
    if (stored) this.#show(stored.pack);
    if (stored?.communeId === communeId) this.#etag = stored.etag;
    if (!this.index) await this.#fetchIndex();
    this.status = this.index ? 'ready' : 'missing';
    afterFirstPaint(() => void this.refresh());
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
    this.#refreshing ??= this.#fetchPack().finally(() => (this.#refreshing = null));
    return this.#refreshing;
  }

  /** Every language version of a lesson: from the whole pack when it is here, else fetched alone. */
  lesson(slug: string): Promise<PackLesson[]> {
    if (this.pack) return Promise.resolve(this.pack.lessons.filter((l) => l.slug === slug));
    return cached(this.#lessons, slug, async () => {
      const res = await reach(client.api.content.pack.lessons[':slug'].$get({ param: { slug }, query: this.#query() }));
      if ((res.status as number) === 404) return [];
      if (!res.ok) throw new Error(`lesson ${res.status}`);
      return (await res.json()).lessons;
    });
  }

  /** The practice questions of a topic (null: all topics), from the whole pack or fetched alone. */
  questions(topic: Topic | null): Promise<PackQuestion[]> {
    if (this.pack) {
      const all = this.pack.questions;
      return Promise.resolve(topic ? all.filter((q) => q.topic === topic) : all);
    }
    return cached(this.#questions, topic ?? '*', async () => {
      const query = { ...this.#query(), ...(topic ? { topic } : {}) };
      const res = await reach(client.api.content.pack.questions.$get({ query }));
      if (!res.ok) throw new Error(`questions ${res.status}`);
      return (await res.json()).questions;
    });
  }

  #query(): { communeId?: string } {
    return this.#communeId ? { communeId: this.#communeId } : {};
  }

  #show(pack: Pack): void {
    this.pack = pack;
    this.index = { version: pack.version, ...packIndexOf(pack) };
  }

  async #fetchIndex(): Promise<void> {
    const communeId = this.#communeId;
    try {
      const res = await reach(client.api.content.pack.contents.$get({ query: this.#query() }));
      if (!res.ok) return;
      const body: unknown = await res.json();
      if (isPackIndex(body) && communeId === this.#communeId && !this.pack) this.index = body;
    } catch {
      // Offline on a first visit: the screens say the content has not arrived yet.
    }
  }

  async #fetchPack(): Promise<void> {
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
      this.#show(body);
      void warmImages(body);
    } catch {
      // Offline or a broken body: keep what we have.
    } finally {
      this.status = this.index ? 'ready' : 'missing';
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

/** One fetch per key; a failed one is forgotten, so the next visit tries again. */
function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let p = map.get(key);
  if (!p) {
    p = load();
    map.set(key, p);
    p.catch(() => map.delete(key));
  }
  return p;
}

// The whole pack is large: fetching, parsing and storing it waits until the first screen is on glass and
// the main thread is idle, so it never delays what the visitor came for.
function afterFirstPaint(run: () => void): void {
  const idle = () =>
    'requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 4000 }) : setTimeout(run, 1500);
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
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
