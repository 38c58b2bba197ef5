import type { Topic } from '@vungxanh/domain';
import { client, reach } from './api';
import { earlyUrls, headStartNow, takeHeadStart } from './head-start';
import { network } from './network.svelte';
import { isPackIndex, type PackIndex, type PackLesson, type PackQuestion } from './pack';
import type { FromPackWorker, ToPackWorker } from './pack-messages';
import PackWorker from './pack.worker?worker';

const REFRESH_MS = 30 * 60_000;

/**
 * The content pack. A first visit reads a small index, then only the lesson or question set it opens;
 * once the screen is painted the whole pack follows in the background and is kept in IndexedDB, so
 * lessons, quizzes and hotlines work offline from then on. The whole pack is fetched, checked, stored
 * and read back by a worker (pack.worker.ts), never on the main thread; a new pack replaces the stored
 * one only once it arrived whole.
 */
class Content {
  /** Lessons without their text, topics, hotlines and slogans: what lists and the attract screen need. */
  index = $state.raw<PackIndex | null>(null);
  /** The version of the whole pack the worker holds (stored or fetched in the background), if any. */
  packVersion = $state<string | null>(null);
  /** `loading` until the stored pack was read and, with none stored, the first fetch ended. */
  status = $state<'loading' | 'ready' | 'missing'>('loading');
  #communeId: string | null | undefined = undefined;
  // Settled once the layout said which commune's content to use: a screen that asks before (its effect runs
  // before the layout's) waits for it rather than reading the national version by mistake.
  #chose: () => void = () => {};
  #chosen = new Promise<void>((ok) => (this.#chose = ok));
  #etag: string | null = null;
  #refreshing: Promise<void> | null = null;
  #worker: Worker | null = null;
  #broken = false;
  #asked = 0;
  #replies = new Map<number, (value: PackLesson[] | PackQuestion[] | null) => void>();
  #opened: ((found: boolean) => void) | null = null;
  #refreshed: (() => void) | null = null;
  // Parts fetched before the whole pack arrived, for this page's life.
  #lessons = new Map<string, Promise<PackLesson[]>>();
  #questions = new Map<string, Promise<PackQuestion[]>>();

  /** Starts or switches to the pack of a commune (null: national content only). */
  async use(communeId: string | null): Promise<void> {
    if (communeId === this.#communeId) return;
    this.#communeId = communeId;
    this.#chose();
    this.#etag = null;
    this.#lessons.clear();
    this.#questions.clear();
    const opened = new Promise<boolean>((ok) => {
      this.#opened = ok;
      this.#post({ kind: 'open', communeId });
    });
    // The index is asked for at once, not after the worker looked for a stored pack: on a first visit, starting
    // the worker (its script, IndexedDB) would otherwise hold the first screen back by a round trip or more.
    await Promise.all([opened, this.#fetchIndex()]);
    if (communeId !== this.#communeId) return;
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
    if (this.#communeId === undefined) return Promise.resolve();
    const communeId = this.#communeId;
    this.#refreshing ??= new Promise<void>((ok) => {
      this.#refreshed = ok;
      this.#post({ kind: 'refresh', communeId, etag: this.#etag });
    }).finally(() => {
      this.#refreshing = null;
      this.status = this.index ? 'ready' : 'missing';
    });
    return this.#refreshing;
  }

  /** The lesson's versions when they are already here without waiting: fetched while the page loaded. */
  lessonNow(slug: string): PackLesson[] | undefined {
    if (this.#communeId || this.packVersion) return undefined;
    return headStartNow<{ lessons: PackLesson[] }>(earlyUrls.lesson(slug))?.lessons;
  }

  /**
   * The answer app.html already asked for at this address, if any: it asks without a commune, so a device reading
   * a commune's content never takes it. Null when there is none or it was not a 200 (the caller then asks itself).
   */
  async #early<T>(url: string): Promise<T | null> {
    const early = this.#communeId ? null : takeHeadStart<T>(url);
    return early && reach(early);
  }

  /** Every language version of a lesson: from the whole pack when it is here, else fetched alone. */
  async lesson(slug: string): Promise<PackLesson[]> {
    await this.#chosen;
    const held = this.packVersion ? ((await this.#ask({ kind: 'lesson', slug })) as PackLesson[] | null) : null;
    if (held) return held;
    return cached(this.#lessons, slug, async () => {
      const early = await this.#early<{ lessons: PackLesson[] }>(earlyUrls.lesson(slug));
      if (early) return early.lessons;
      const res = await reach(client.api.content.pack.lessons[':slug'].$get({ param: { slug }, query: this.#query() }));
      if ((res.status as number) === 404) return [];
      if (!res.ok) throw new Error(`lesson ${res.status}`);
      return (await res.json()).lessons;
    });
  }

  /** The practice questions of a topic (null: all topics), from the whole pack or fetched alone. */
  async questions(topic: Topic | null): Promise<PackQuestion[]> {
    await this.#chosen;
    const held = this.packVersion ? ((await this.#ask({ kind: 'questions', topic })) as PackQuestion[] | null) : null;
    if (held) return held;
    return cached(this.#questions, topic ?? '*', async () => {
      const early = topic ? await this.#early<{ questions: PackQuestion[] }>(earlyUrls.questions(topic)) : null;
      if (early) return early.questions;
      const query = { ...this.#query(), ...(topic ? { topic } : {}) };
      const res = await reach(client.api.content.pack.questions.$get({ query }));
      if (!res.ok) throw new Error(`questions ${res.status}`);
      return (await res.json()).questions;
    });
  }

  #query(): { communeId?: string } {
    return this.#communeId ? { communeId: this.#communeId } : {};
  }

  #post(message: ToPackWorker): void {
    if (!this.#broken && !this.#worker) {
      try {
        this.#worker = new PackWorker();
        this.#worker.onmessage = ({ data }: MessageEvent<FromPackWorker>) => this.#receive(data);
        this.#worker.onerror = () => this.#fail();
      } catch {
        this.#broken = true;
      }
    }
    if (this.#worker && !this.#broken) this.#worker.postMessage(message);
    else this.#answerForBrokenWorker(message);
  }

  // A worker that cannot start or died: the page keeps working from the parts it fetches, as on a first visit.
  #fail(): void {
    this.#broken = true;
    this.#worker?.terminate();
    this.#worker = null;
    this.packVersion = null;
    this.#opened?.(false);
    this.#opened = null;
    this.#refreshed?.();
    this.#refreshed = null;
    for (const reply of this.#replies.values()) reply(null);
    this.#replies.clear();
  }

  #answerForBrokenWorker(message: ToPackWorker): void {
    if (message.kind === 'open') this.#receive({ kind: 'no-pack' });
    else if (message.kind === 'refresh') this.#refreshed?.();
    else this.#receive({ kind: 'reply', id: message.id, value: null });
  }

  #ask(
    question: { kind: 'lesson'; slug: string } | { kind: 'questions'; topic: Topic | null },
  ): Promise<PackLesson[] | PackQuestion[] | null> {
    const id = ++this.#asked;
    return new Promise((ok) => {
      this.#replies.set(id, ok);
      this.#post({ ...question, id });
    });
  }

  #receive(message: FromPackWorker): void {
    switch (message.kind) {
      case 'pack':
        this.index = message.index;
        this.packVersion = message.index.version;
        // A stored pack of another commune is shown, but its tag must not stop the right one from coming.
        if (message.communeId === this.#communeId) this.#etag = message.etag;
        this.#opened?.(true);
        this.#opened = null;
        break;
      case 'no-pack':
        this.#opened?.(false);
        this.#opened = null;
        break;
      case 'refreshed':
        if (message.reached) network.reached();
        else network.unreachable();
        this.#refreshed?.();
        this.#refreshed = null;
        break;
      case 'reply':
        this.#replies.get(message.id)?.(message.value);
        this.#replies.delete(message.id);
        break;
    }
  }

  async #fetchIndex(): Promise<void> {
    const communeId = this.#communeId;
    try {
      let body = await this.#early<unknown>(earlyUrls.contents);
      if (!body) {
        const res = await reach(client.api.content.pack.contents.$get({ query: this.#query() }));
        if (!res.ok) return;
        body = await res.json();
      }
      if (isPackIndex(body) && communeId === this.#communeId && !this.packVersion) this.index = body;
    } catch {
      // Offline on a first visit: the screens say the content has not arrived yet.
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

export const content = new Content();
