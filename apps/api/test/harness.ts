import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { expect } from 'vitest';
import type { z } from 'zod';
import { createTestDb, factories } from '@vungxanh/db/testing';
import type { Db } from '@vungxanh/db';
import type { Role } from '@vungxanh/domain';
import { createApp } from '../src/app.ts';
import { createDeps } from '../src/deps.ts';
import { loadConfig } from '../src/env.ts';
import { hashPassword } from '../src/lib/password.ts';

export const ORIGIN = 'http://localhost';
/** How a harness's calls reach the app: `app.request()` in process (the default), or HTTP to a Node server. */
export type Transport = 'app.request' | 'node';
export const PASSWORD = 'test-password-1234';

type RouteDef = {
  method: string;
  path: string;
  responses: Record<string, { content?: Record<string, { schema: z.ZodType }> }>;
};

export interface Call {
  body?: unknown;
  raw?: RequestInit['body'];
  cookie?: string;
  headers?: Record<string, string>;
}

/**
 * The real app on a real libSQL file. Every JSON response is checked against the schema
 * its route declares for that status, so a handler cannot drift from its OpenAPI document.
 */
export async function createHarness(env: Record<string, string> = {}, options: { transport?: Transport } = {}) {
  const { db, url, cleanup: dropDb } = await createTestDb();
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const deps = createDeps(db, config, '0.0.0-test');
  const app = createApp(deps);
  // 'node': every call goes over loopback HTTP to @hono/node-server, the way the product serves (bodies are read
  // from Node's request stream there, not through Hono's Fetch request).
  let server: ReturnType<typeof serve> | null = null;
  let base = '';
  if (options.transport === 'node') {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const send = (path: string, init: RequestInit) =>
    server
      ? fetch(base + path, {
          ...init,
          headers: { ...(init.headers as object), origin: base },
          // A streamed body (chunked) must say so to fetch.
          ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
        } as RequestInit)
      : app.request(path, init);
  const cleanup = () => {
    server?.close();
    dropDb();
  };
  const routes = (app.openAPIRegistry.definitions as { type: string; route?: RouteDef }[])
    .filter((d) => d.type === 'route' && d.route)
    .map((d) => {
      const route = d.route!;
      const pattern = new RegExp(`^${route.path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      return { ...route, pattern };
    });

  async function call(method: string, path: string, options: Call = {}) {
    const headers: Record<string, string> = { origin: ORIGIN, ...options.headers };
    if (options.cookie) headers.cookie = options.cookie;
    let body: RequestInit['body'] = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await send(path, { method, headers, body });
    const text = await res.text();
    const json = text && res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as unknown) : null;
    const pathOnly = path.split('?')[0]!;
    const route = routes.find((r) => r.method === method.toLowerCase() && r.pattern.test(pathOnly));
    const schema = route?.responses[String(res.status)]?.content?.['application/json']?.schema;
    if (route && schema && json !== null) {
      const parsed = schema.safeParse(json);
      expect(
        parsed.success,
        `${method} ${path} ${res.status} does not match its schema: ${JSON.stringify(parsed.error?.issues)}`,
      ).toBe(true);
    }
    if (res.status >= 400) {
      expect(json, `${method} ${path} ${res.status} must answer with the error shape`).toMatchObject({
        code: expect.any(String),
        message: expect.any(String),
        requestId: expect.any(String),
      });
    }
    // Readiness is the one route whose 503 is its answer: a load balancer reads it.
    if (!(pathOnly === '/api/health/ready' && res.status === 503))
      expect(res.status, `${method} ${path} must never answer 500`).toBeLessThan(500);
    return { status: res.status, body: json as any, headers: res.headers };
  }

  /** Signs in and returns the cookie header to send. */
  async function signIn(username: string, password = PASSWORD, totp?: string) {
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, ...(totp ? { totp } : {}) }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return cookieFrom(res.headers);
  }

  return { app, db, dbUrl: url, deps, call, signIn, routes, cleanup };
}

export function cookieFrom(headers: Headers): string {
  const set = headers.get('set-cookie') ?? '';
  const match = set.match(/vx_session=([^;]*)/);
  if (!match?.[1]) throw new Error(`no session cookie in: ${set}`);
  return `vx_session=${match[1]}`;
}

let hashed: Promise<string> | undefined;
export const passwordHash = () => (hashed ??= hashPassword(PASSWORD));

/**
 * Two provinces; commune A and B in province 1, commune C in province 2; units in each; and one
 * signed-in account for every role, bound to commune A's units where the role needs a unit.
 */
export async function world(h: Awaited<ReturnType<typeof createHarness>>) {
  const db: Db = h.db;
  const p1 = await factories.province(db);
  const p2 = await factories.province(db);
  const communeA = await factories.commune(db, { provinceId: p1.id });
  const communeB = await factories.commune(db, { provinceId: p1.id });
  const communeC = await factories.commune(db, { provinceId: p2.id });
  const villageA = await factories.village(db, communeA.id);
  const villageB = await factories.village(db, communeB.id);
  const schoolA = await factories.school(db, communeA.id);
  const schoolB = await factories.school(db, communeB.id);
  const orgA = await factories.organization(db, communeA.id);
  const orgB = await factories.organization(db, communeB.id);
  const hash = await passwordHash();
  const make = (role: Role, scope: Record<string, string | null>) =>
    factories.account(db, {
      role,
      passwordHash: hash,
      username: `${role.replace('_', '-')}-${Math.random().toString(36).slice(2, 8)}`,
      ...scope,
    });
  const accounts = {
    system: await make('system', {}),
    province_viewer: await make('province_viewer', { provinceId: p1.id }),
    commune_admin: await make('commune_admin', { provinceId: p1.id, communeId: communeA.id }),
    organizer: await make('organizer', { provinceId: p1.id, communeId: communeA.id }),
    village_head: await make('village_head', { provinceId: p1.id, communeId: communeA.id, villageId: villageA.id }),
    school_staff: await make('school_staff', { provinceId: p1.id, communeId: communeA.id, schoolId: schoolA.id }),
    communeB_admin: await make('commune_admin', { provinceId: p1.id, communeId: communeB.id }),
  };
  const cookies = Object.fromEntries(
    await Promise.all(Object.entries(accounts).map(async ([k, a]) => [k, await h.signIn(a.username)] as const)),
  ) as Record<keyof typeof accounts, string>;
  return { p1, p2, communeA, communeB, communeC, villageA, villageB, schoolA, schoolB, orgA, orgB, accounts, cookies };
}

/**
 * A signed-in province organizer (the provincial Youth Union) of one province: it hosts contests for
 * the whole province and sees no commune's other data.
 */
export async function provinceOrganizer(h: Awaited<ReturnType<typeof createHarness>>, provinceId: string) {
  const account = await factories.account(h.db, {
    role: 'province_organizer',
    passwordHash: await passwordHash(),
    username: `province-organizer-${Math.random().toString(36).slice(2, 8)}`,
    provinceId,
  });
  return { account, cookie: await h.signIn(account.username) };
}
