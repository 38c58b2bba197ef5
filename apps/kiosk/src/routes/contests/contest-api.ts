import type { InferResponseType } from 'hono/client';
import { apiError, client, reach } from '$lib/api';
import { device } from '$lib/device.svelte';
import { onWipe } from '$lib/wipe';

export const contestsApi = client.api.public.contests;
export type ContestDetail = InferResponseType<(typeof contestsApi)[':id']['$get'], 200>;
export type ContestCard = InferResponseType<typeof contestsApi.$get, 200>['items'][number];
export type Attempt = InferResponseType<(typeof contestsApi)['attempts'][':id']['$get'], 200>;
export type Board = InferResponseType<(typeof contestsApi)['rounds'][':id']['board']['$get'], 200>;
export type Me = InferResponseType<(typeof contestsApi)[':id']['me']['$get'], 200>;
export type Review = InferResponseType<(typeof contestsApi)['attempts'][':id']['review']['$get'], 200>;
export type UnitStanding = InferResponseType<(typeof contestsApi)[':id']['units']['$get'], 200>['items'][number];
export type CommuneStanding = InferResponseType<(typeof contestsApi)[':id']['units']['$get'], 200>['communes'][number];

/** A failed call, with the API's message already in the reader's language. */
export class ContestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Res {
  ok: boolean;
  json(): Promise<unknown>;
}
type OkBody<R> = R extends { ok: true; json(): Promise<infer T> } ? T : never;

export async function call<R extends Res>(pending: Promise<R>): Promise<OkBody<R>> {
  const res = await reach(pending);
  if (res.ok) return (await res.json()) as OkBody<R>;
  const e = await apiError(res);
  throw new ContestError(e.code, e.message);
}

const PREFIX = 'vungxanh.contest.';

/**
 * The participant token for a contest. A phone keeps it (localStorage) so its owner can come back;
 * a shared kiosk keeps it only for this visit (sessionStorage, cleared with everything at idle reset).
 */
export const tokens = {
  store(): Storage | null {
    try {
      return device.paired ? sessionStorage : localStorage;
    } catch {
      return null;
    }
  },
  get(contestId: string): string | null {
    return this.store()?.getItem(PREFIX + contestId) ?? null;
  },
  set(contestId: string, token: string | null): void {
    const s = this.store();
    if (!s) return;
    if (token) s.setItem(PREFIX + contestId, token);
    else s.removeItem(PREFIX + contestId);
  },
};

// A kiosk never holds a token past the idle reset, even one saved before it was paired.
onWipe(() => {
  if (!device.paired) return;
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch {
    // No storage: nothing kept.
  }
});

export const tokenHeader = (token: string | null) => (token ? { 'x-participant-token': token } : {});

/** "3 phút 05 giây" style duration. */
export function duration(ms: number, t: (k: 'contests.minutes', v: Record<string, string | number>) => string) {
  const total = Math.round(ms / 1000);
  return t('contests.minutes', { m: Math.floor(total / 60), s: String(total % 60).padStart(2, '0') });
}
