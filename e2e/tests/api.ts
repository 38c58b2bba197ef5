import { request, type APIRequestContext } from '@playwright/test';
import { adminPassword } from '../playwright.config.ts';

/** An API client signed in as the seeded system administrator, for setting up a test's own data. */
export async function adminApi(
  baseURL: string,
): Promise<APIRequestContext & { json: <T>(method: string, path: string, data?: unknown) => Promise<T> }> {
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const login = await ctx.post('/api/auth/login', { data: { username: 'admin', password: adminPassword } });
  if (!login.ok()) throw new Error(`admin sign-in failed: ${login.status()} ${await login.text()}`);
  const json = async <T>(method: string, path: string, data?: unknown): Promise<T> => {
    const res = await ctx.fetch(path, { method, ...(data !== undefined ? { data } : {}) });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return Object.assign(ctx, { json });
}

export interface Commune {
  id: string;
  name: string;
  code: string;
}

export async function demoCommunes(api: Awaited<ReturnType<typeof adminApi>>) {
  const { items } = await api.json<{ items: Commune[] }>('GET', '/api/units/communes');
  const giaVien = items.find((c) => c.code === 'HP-GIAVIEN')!;
  const kienThuy = items.find((c) => c.code === 'HP-KIENTHUY')!;
  return { giaVien, kienThuy };
}

/** A new account of a role in a commune, with a random username; returns its username and password. */
export async function makeAccount(api: Awaited<ReturnType<typeof adminApi>>, role: string, communeId: string) {
  const username = `e2e-${role.replace('_', '-')}-${Math.random().toString(36).slice(2, 8)}`;
  const password = 'e2e-password-12345';
  await api.json('POST', '/api/accounts', { username, displayName: `Thử ${role}`, role, password, communeId });
  return { username, password };
}
