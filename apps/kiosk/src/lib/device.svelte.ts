import type { InferResponseType } from 'hono/client';
import { apiError, bearer, client, reach } from './api';
import { i18n } from './i18n.svelte';
import { voiceFor } from './speech';
import { readJson, writeJson } from './storage';

export type DeviceInfo = InferResponseType<typeof client.api.kiosks.me.$get, 200>;

const STORAGE_KEY = 'vungxanh.kiosk.device';
const CHECK_MS = 10 * 60_000;

/**
 * This device's kiosk pairing: a device token from a one-time code, and the kiosk's settings
 * (place, idle timeout), re-read from the server now and then so an admin's change arrives.
 */
class Device {
  token = $state<string | null>(null);
  info = $state<DeviceInfo | null>(null);
  /** Set when the server said the kiosk was revoked; the pairing page explains it. */
  revoked = $state(false);

  get paired(): boolean {
    return this.token !== null;
  }

  load(): void {
    const saved = readJson<{ token: string; info: DeviceInfo }>(STORAGE_KEY);
    if (saved?.token && saved.info) {
      this.token = saved.token;
      this.info = saved.info;
    }
  }

  start(): () => void {
    void this.check();
    const timer = setInterval(() => void this.check(), CHECK_MS);
    return () => clearInterval(timer);
  }

  async pair(code: string): Promise<{ ok: true } | { ok: false; message: string }> {
    let res;
    try {
      res = await reach(client.api.kiosks.pair.$post({ json: { code } }));
    } catch {
      return { ok: false, message: i18n.t('errors.network') };
    }
    if (!res.ok) return { ok: false, message: (await apiError(res)).message };
    const { deviceToken, device } = await res.json();
    this.#save(deviceToken, device);
    this.revoked = false;
    return { ok: true };
  }

  /** Re-reads the kiosk's settings; a revoked kiosk forgets its token. Offline: keeps what it has. */
  async check(): Promise<void> {
    if (!this.token) return;
    const token = this.token;
    try {
      // The heartbeat also says whether lessons can be read aloud here, for the console's kiosk list.
      const viVoice = (await voiceFor('vi')) ? 'yes' : 'no';
      const res = await reach(client.api.kiosks.me.$get({ query: { viVoice } }, { headers: bearer(token) }));
      if (res.ok) this.#save(token, await res.json());
      else if ((res.status as number) === 401) this.forget(true);
    } catch {
      // Unreachable: try again later.
    }
  }

  forget(revoked: boolean): void {
    this.token = null;
    this.info = null;
    this.revoked = revoked;
    writeJson(STORAGE_KEY, null);
  }

  #save(token: string, info: DeviceInfo): void {
    this.token = token;
    this.info = info;
    writeJson(STORAGE_KEY, { token, info });
  }
}

export const device = new Device();
