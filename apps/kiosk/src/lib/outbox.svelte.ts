import { retryDelayMs, settledIds, takeBatch, type EventType } from '@vungxanh/domain';
import { bearer, client, reach } from './api';
import { kioskDb, type OutboxRecord } from './db';
import { device } from './device.svelte';
import { network } from './network.svelte';
import { place } from './place.svelte';

const INTERVAL_MS = 30_000;

type Payload = {
  lesson_opened: { lessonId: string };
  lesson_completed: { lessonId: string };
  quiz_completed: { score: number; total: number; topic?: string };
  kiosk_session: { seconds: number };
};

/**
 * Reach events go to IndexedDB first and leave it only when the server answered for them
 * (acknowledged or rejected). Sending twice is harmless: the server stores each id once.
 */
class Outbox {
  pending = $state(0);
  #memory = new Map<string, OutboxRecord>();
  #failures = 0;
  /** After a failed send: the background retry waits until then; a new event may still try. */
  #notBefore = 0;
  /** After a 429: nothing is sent before then. */
  #holdUntil = 0;
  #retry: ReturnType<typeof setTimeout> | null = null;
  #flushing: Promise<void> | null = null;

  start(): () => void {
    void this.#count();
    void this.flush();
    const timer = setInterval(() => void this.flush(), INTERVAL_MS);
    // Back online (the link came up or the server answered again): no reason to sit out a backoff.
    const offReturn = network.onReturn(() => this.#now());
    return () => {
      clearInterval(timer);
      offReturn();
      if (this.#retry) clearTimeout(this.#retry);
    };
  }

  async record<T extends EventType>(type: T, payload: Payload[T]): Promise<void> {
    const entry: OutboxRecord = { id: crypto.randomUUID(), type, occurredAt: new Date().toISOString(), payload };
    // A phone may say where it is; a paired kiosk's events count for its own place on the server.
    if (!device.paired && place.value) entry.villageId = place.value.villageId;
    await this.#put(entry);
    await this.#count();
    // A new event is worth a try at once (people act rarely enough), unless the server asked us to wait.
    void this.flush(true);
  }

  /** Sends batches until the outbox is empty or a send fails; `force` skips a network backoff. */
  flush(force = false): Promise<void> {
    const now = Date.now();
    if (now < this.#holdUntil || (!force && now < this.#notBefore)) return Promise.resolve();
    this.#flushing ??= this.#withLock(() => this.#drain()).finally(() => (this.#flushing = null));
    return this.#flushing;
  }

  #now(): void {
    this.#failures = 0;
    this.#notBefore = 0;
    void this.flush();
  }

  async #drain(): Promise<void> {
    for (;;) {
      const batch = takeBatch(await this.#all());
      if (batch.length === 0) return;
      const token = device.token;
      let res;
      try {
        res = await reach(client.api.events.$post({ json: { events: batch } }, { headers: bearer(token) }));
      } catch {
        return this.#backoff(null);
      }
      // The route's typed statuses list only its success; errors are plain numbers here.
      const status: number = res.status;
      if (status === 401 && token) {
        // Revoked: forget the token; the events go again without it and count for no place.
        device.forget(true);
        continue;
      }
      if (status === 429) {
        const seconds = Number(res.headers.get('retry-after')) || 30;
        this.#holdUntil = Date.now() + seconds * 1000;
        return this.#backoff(seconds);
      }
      if (!res.ok) return this.#backoff(null);
      const reply = await res.json();
      await this.#remove(
        settledIds(
          batch.map((e) => e.id),
          reply,
        ),
      );
      this.#failures = 0;
      this.#notBefore = 0;
      await this.#count();
    }
  }

  #backoff(retryAfterSeconds: number | null): void {
    this.#failures += 1;
    const wait = retryDelayMs(this.#failures, retryAfterSeconds);
    this.#notBefore = Date.now() + wait;
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = setTimeout(() => void this.flush(), wait);
  }

  // Two tabs of the app must not drain the same outbox at once (harmless, but doubles traffic).
  async #withLock(fn: () => Promise<void>): Promise<void> {
    if (!navigator.locks) return fn();
    await navigator.locks.request('vungxanh-outbox', { ifAvailable: true }, (lock) => (lock ? fn() : undefined));
  }

  async #all(): Promise<OutboxRecord[]> {
    let stored: OutboxRecord[] = [];
    try {
      stored = await (await kioskDb()).getAll('outbox');
    } catch {
      // Storage refused: only the entries kept in memory.
    }
    return [...stored, ...this.#memory.values()];
  }

  async #put(entry: OutboxRecord): Promise<void> {
    try {
      await (await kioskDb()).put('outbox', entry);
    } catch {
      this.#memory.set(entry.id, entry);
    }
  }

  async #remove(ids: string[]): Promise<void> {
    for (const id of ids) this.#memory.delete(id);
    try {
      const tx = (await kioskDb()).transaction('outbox', 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    } catch {
      // Memory fallback already updated.
    }
  }

  async #count(): Promise<void> {
    try {
      this.pending = (await (await kioskDb()).count('outbox')) + this.#memory.size;
    } catch {
      this.pending = this.#memory.size;
    }
  }
}

export const outbox = new Outbox();
