const PROBE_MS = 15_000;

/**
 * Whether the server can be reached. navigator.onLine only knows about the device's own link: a
 * kiosk on a working Wi-Fi whose uplink is down still says "online", so failed calls count too.
 */
class Network {
  #link = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  #reachable = $state(true);
  #probe: ReturnType<typeof setTimeout> | null = null;
  #onReturn = new Set<() => void>();

  get online(): boolean {
    return this.#link && this.#reachable;
  }

  start(): () => void {
    const up = () => {
      this.#link = true;
      void this.probe();
    };
    const down = () => (this.#link = false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      if (this.#probe) clearTimeout(this.#probe);
    };
  }

  /** Runs `fn` each time the server is reachable again after it was not. */
  onReturn(fn: () => void): () => void {
    this.#onReturn.add(fn);
    return () => this.#onReturn.delete(fn);
  }

  reached(): void {
    if (this.#probe) clearTimeout(this.#probe);
    this.#probe = null;
    const wasDown = !this.online;
    this.#link = true;
    this.#reachable = true;
    if (wasDown) for (const fn of this.#onReturn) fn();
  }

  unreachable(): void {
    this.#reachable = false;
    // Keep asking quietly, so the app notices the server is back even when nothing else calls it.
    this.#probe ??= setTimeout(() => {
      this.#probe = null;
      void this.probe();
    }, PROBE_MS);
  }

  async probe(): Promise<void> {
    try {
      await fetch('/api/health', { cache: 'no-store' });
      this.reached();
    } catch {
      this.unreachable();
    }
  }
}

export const network = new Network();
