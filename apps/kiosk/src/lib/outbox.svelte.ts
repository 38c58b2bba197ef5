import {
  retryDelayMs,
  settledIds,
  takeBatch,
  type EntryInput,
  type EntryStatus,
  type EventType,
  uuidv7,
} from '@vungxanh/domain';
import { apiError, bearer, client, reach } from './api';
import { kioskDb, type OutboxRecord, type StoredCommitment } from './db';
import { device } from './device.svelte';
import { network } from './network.svelte';
import { place } from './place.svelte';
import { onWipe } from './wipe';

const INTERVAL_MS = 30_000;

type Payload = {
  lesson_opened: { lessonId: string };
  lesson_completed: { lessonId: string };
  quiz_completed: { score: number; total: number; topic?: string };
  kiosk_session: { seconds: number };
};

/** What the screens show of a signed commitment: never the personal fields. */
export type CommitmentReceipt =
  | { id: string; state: 'pending'; campaignTitle: string }
  | { id: string; state: 'sent'; code: string; status: EntryStatus; campaignTitle: string }
  | { id: string; state: 'refused'; message: string; campaignTitle: string };

/**
 * Reach events and signed commitments go to IndexedDB first and leave it only when the server
 * answered for them (acknowledged or rejected). Sending twice is harmless: the server stores each
 * id once. A commitment's personal fields leave the device as soon as the server has it; only
 * its receipt stays, and a kiosk forgets even that at the idle reset.
 */
class Outbox {
  pending = $state(0);
  /** Commitments signed on this device, newest first. */
  receipts = $state<CommitmentReceipt[]>([]);
  #memory = new Map<string, OutboxRecord>();
  #signed = new Map<string, StoredCommitment>();
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
    const offWipe = onWipe(() => {
      if (device.paired) void this.#forgetReceipts();
    });
    return () => {
      clearInterval(timer);
      offReturn();
      offWipe();
      if (this.#retry) clearTimeout(this.#retry);
    };
  }

  async record<T extends EventType>(type: T, payload: Payload[T]): Promise<void> {
    const entry: OutboxRecord = { id: uuidv7(), type, occurredAt: new Date().toISOString(), payload };
    // A phone may say where it is; a paired kiosk's events count for its own place on the server.
    if (!device.paired && place.value) entry.villageId = place.value.villageId;
    await this.#put(entry);
    await this.#count();
    // A new event is worth a try at once (people act rarely enough), unless the server asked us to wait.
    void this.flush(true);
  }

  /** Keeps a signed commitment until the server has it, then sends it at once if it can. */
  async sign(entry: EntryInput, campaignTitle: string): Promise<void> {
    const record: StoredCommitment = {
      id: entry.id,
      state: 'pending',
      entry,
      campaignTitle,
      savedAt: new Date().toISOString(),
    };
    await this.#putCommitment(record);
    await this.#count();
    // Not awaited: on a dead uplink a send can hang; the pending receipt shows at once and turns into a code when sent.
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
    if (await this.#drainEvents()) await this.#drainCommitments();
  }

  /** Sends each pending commitment; true when none is left waiting for the network. */
  async #drainCommitments(): Promise<boolean> {
    const waiting = (await this.#allCommitments())
      .filter((r) => r.state === 'pending')
      .sort((a, b) => a.savedAt.localeCompare(b.savedAt));
    for (const record of waiting) {
      if (record.state !== 'pending') continue;
      const token = device.token;
      let res;
      try {
        res = await reach(
          client.api.public.commitments.entries.$post({ json: record.entry }, { headers: bearer(token) }),
        );
      } catch {
        this.#backoff(null);
        return false;
      }
      const status: number = res.status;
      if (status === 401 && token) {
        device.forget(true);
        return this.#drainCommitments();
      }
      if (status === 429) {
        const seconds = Number(res.headers.get('retry-after')) || 30;
        this.#holdUntil = Date.now() + seconds * 1000;
        this.#backoff(seconds);
        return false;
      }
      if (status >= 500) {
        this.#backoff(null);
        return false;
      }
      const base = { id: record.id, campaignTitle: record.campaignTitle, savedAt: record.savedAt };
      if (res.ok) {
        const body = await res.json();
        await this.#putCommitment({ ...base, state: 'sent', code: body.code, status: body.status });
      } else {
        // Refused for good (a closed campaign, a used id): sending again cannot help.
        await this.#putCommitment({ ...base, state: 'refused', message: (await apiError(res)).message });
      }
      await this.#count();
    }
    return true;
  }

  async #drainEvents(): Promise<boolean> {
    for (;;) {
      const batch = takeBatch(await this.#all());
      if (batch.length === 0) return true;
      const token = device.token;
      let res;
      try {
        res = await reach(client.api.events.$post({ json: { events: batch } }, { headers: bearer(token) }));
      } catch {
        this.#backoff(null);
        return false;
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
        this.#backoff(seconds);
        return false;
      }
      if (!res.ok) {
        this.#backoff(null);
        return false;
      }
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

  async #allCommitments(): Promise<StoredCommitment[]> {
    let stored: StoredCommitment[] = [];
    try {
      stored = await (await kioskDb()).getAll('commitments');
    } catch {
      // Storage refused: only the ones kept in memory.
    }
    const kept = new Set(this.#signed.keys());
    return [...stored.filter((r) => !kept.has(r.id)), ...this.#signed.values()];
  }

  async #putCommitment(record: StoredCommitment): Promise<void> {
    try {
      await (await kioskDb()).put('commitments', record);
      this.#signed.delete(record.id);
    } catch {
      this.#signed.set(record.id, record);
    }
  }

  /** The idle reset on a kiosk: receipts already sent go; pending ones stay until the server has them. */
  async #forgetReceipts(): Promise<void> {
    const done = (await this.#allCommitments()).filter((r) => r.state !== 'pending').map((r) => r.id);
    for (const id of done) this.#signed.delete(id);
    try {
      const tx = (await kioskDb()).transaction('commitments', 'readwrite');
      await Promise.all([...done.map((id) => tx.store.delete(id)), tx.done]);
    } catch {
      // Memory already cleared.
    }
    await this.#count();
  }

  async #count(): Promise<void> {
    const signed = (await this.#allCommitments()).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    this.receipts = signed.map((r): CommitmentReceipt => {
      if (r.state === 'pending') return { id: r.id, state: 'pending', campaignTitle: r.campaignTitle };
      if (r.state === 'sent')
        return { id: r.id, state: 'sent', code: r.code, status: r.status, campaignTitle: r.campaignTitle };
      return { id: r.id, state: 'refused', message: r.message, campaignTitle: r.campaignTitle };
    });
    const waiting = signed.filter((r) => r.state === 'pending').length;
    try {
      this.pending = (await (await kioskDb()).count('outbox')) + this.#memory.size + waiting;
    } catch {
      this.pending = this.#memory.size + waiting;
    }
  }
}

export const outbox = new Outbox();
