import { untrack } from 'svelte';
import type { UnlockedKey } from '@vungxanh/tip-crypto';
import { session } from '$lib/session.svelte';

/** A recovery passphrase to print before going on: it is shown once and kept nowhere else. */
export interface RecoverySheet {
  phrase: string;
  communeName: string;
  madeAt: string;
}

/**
 * The commune's unlocked key, in this page's memory only: never stored, forgotten on "lock", sign-out, a change of
 * account and page reload. Also the steps the gate still asks for before the inbox (a sheet to print, a passphrase
 * of one's own to choose).
 */
class TipKey {
  #key = $state.raw<UnlockedKey | null>(null);
  #owner = '';
  /** Why the officer must choose their own passphrase before reading: a temporary one, or the recovery sheet. */
  mustChoose = $state<'provisional' | 'recovery' | null>(null);
  sheet = $state<RecoverySheet | null>(null);

  /** The key, only for the account that unlocked it. */
  get key(): UnlockedKey | null {
    return this.#key && ownerOf() === this.#owner ? this.#key : null;
  }

  hold(key: UnlockedKey, mustChoose: TipKey['mustChoose'] = null): void {
    this.lock();
    this.#key = key;
    this.#owner = ownerOf();
    this.mustChoose = mustChoose;
    this.#watchIdle(true);
  }

  /**
   * An unlocked key left on an office PC is a risk: without a key press, a click or a touch for a quarter of an
   * hour, the key is forgotten as if "lock" had been pressed.
   */
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #rearm = () => {
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => this.lock(), idleLockMs);
  };
  #watchIdle(on: boolean) {
    if (typeof window === 'undefined') return;
    for (const type of ['keydown', 'pointerdown'] as const)
      if (on) window.addEventListener(type, this.#rearm, { passive: true });
      else window.removeEventListener(type, this.#rearm);
    if (on) this.#rearm();
    else clearTimeout(this.#idleTimer);
  }

  /** Forgets the key unless it belongs to the account now signed in. */
  keepFor(owner: string): void {
    if (this.#key && owner !== this.#owner) this.lock();
  }

  lock(): void {
    this.#watchIdle(false);
    // Overwrite the bytes rather than wait for the garbage collector.
    this.#key?.secretKey.fill(0);
    this.#key = null;
    this.#owner = '';
    this.mustChoose = null;
    this.sheet = null;
  }
}

/** How long an unlocked key stays without any use of the console. */
export const idleLockMs = 15 * 60_000;

const ownerOf = () => (session.me ? `${session.me.id}:${session.me.communeId ?? ''}` : '');

export const tipKey = new TipKey();

// Signing out (or losing the session, or another account signing in) forgets the key at once, not only when a page
// next asks for it.
$effect.root(() => {
  $effect(() => {
    const owner = ownerOf();
    untrack(() => tipKey.keepFor(owner));
  });
});
