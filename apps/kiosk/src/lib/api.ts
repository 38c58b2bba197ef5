import { hc } from 'hono/client';
import type { ApiRoutes } from '@vungxanh/api';
import { i18n } from './i18n.svelte';
import { network } from './network.svelte';

/** The typed RPC client; error messages come back in the reader's language. */
export const client = hc<ApiRoutes>('/', { headers: () => ({ 'x-locale': i18n.locale }) });

/** A bearer header for a paired kiosk's calls, none for a phone. */
export const bearer = (token: string | null): Record<string, string> =>
  token ? { authorization: `Bearer ${token}` } : {};

/**
 * Awaits a call and tells the network state what it learned: any answer means the server is
 * reachable, a thrown fetch means it is not (whatever navigator.onLine says).
 */
export async function reach<R>(call: Promise<R>): Promise<R> {
  try {
    const res = await call;
    network.reached();
    return res;
  } catch (err) {
    network.unreachable();
    throw err;
  }
}

/** The API's error body `{ code, message }`, or a generic one when the body is not ours. */
export async function apiError(res: { json(): Promise<unknown> }): Promise<{ code: string; message: string }> {
  const body = (await res.json().catch(() => null)) as { code?: unknown; message?: unknown } | null;
  if (body && typeof body.code === 'string' && typeof body.message === 'string')
    return { code: body.code, message: body.message };
  return { code: 'internal', message: i18n.t('errors.internal') };
}
