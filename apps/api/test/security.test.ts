import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createTestDb, factories } from '@vungxanh/db/testing';
import { createApp } from '../src/app.ts';
import { createDeps } from '../src/deps.ts';
import { loadConfig } from '../src/env.ts';
import { createHarness, PASSWORD, passwordHash } from './harness.ts';

describe('configuration', () => {
  it('names each bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'postgres://x' })).toThrow(
      /PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/,
    );
    expect(() => loadConfig({ ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'not a url' })).toThrow(/PUBLIC_ORIGIN/);
  });
  it('has working defaults', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 3000, DATABASE_URL: 'file:./data/vungxanh.db', SEED_DEMO: true });
    expect(loadConfig({ DATABASE_URL: 'libsql://db.example.org', DATABASE_AUTH_TOKEN: 't' }).DATABASE_URL).toBe(
      'libsql://db.example.org',
    );
  });
  it('reads the group commit window under its new name, and the older contest-only name', () => {
    expect(loadConfig({}).WRITE_BATCH_MS).toBe(2);
    expect(loadConfig({ WRITE_BATCH_MS: '0' }).WRITE_BATCH_MS).toBe(0);
    expect(loadConfig({ CONTEST_WRITE_BATCH_MS: '5' }).WRITE_BATCH_MS).toBe(5);
    expect(loadConfig({ CONTEST_WRITE_BATCH_MS: '5', WRITE_BATCH_MS: '1' }).WRITE_BATCH_MS).toBe(1);
    expect(() => loadConfig({ CONTEST_WRITE_BATCH_MS: '500' })).toThrow(/WRITE_BATCH_MS/);
  });
});

describe('origin checks', () => {
  let h: Awaited<ReturnType<typeof createHarness>>;
  beforeAll(async () => {
    h = await createHarness({ PUBLIC_ORIGIN: 'https://vungxanh.example.vn' });
  });
  afterAll(() => h.cleanup());

  it.each([
    ['another site', { origin: 'https://evil.example' }],
    ['no origin at all', { origin: '' }],
    ['a cross-site fetch', { origin: '', 'sec-fetch-site': 'cross-site' }],
  ])('refuses a write from %s', async (_name, headers) => {
    const res = await h.call('POST', '/api/auth/login', { body: { username: 'a', password: 'b' }, headers });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('origin_rejected');
  });
  it.each([
    ['the public origin', 'https://vungxanh.example.vn'],
    ['the request’s own origin', 'http://localhost'],
  ])('accepts %s', async (_n, origin) => {
    const res = await h.call('POST', '/api/auth/login', {
      body: { username: 'a', password: 'b' },
      headers: { origin },
    });
    expect(res.status).toBe(401);
  });
  it('sends strict headers, HSTS for an https origin, and a request id', async () => {
    const res = await h.call('GET', '/api/health');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
    // A JSON answer is not a rendered document: the headers that only act on documents are left off.
    expect(res.headers.get('referrer-policy')).toBeNull();
    expect(res.headers.get('permissions-policy')).toBeNull();
  });
  it('marks the session cookie Secure behind https', async () => {
    const account = await factories.account(h.db, { passwordHash: await passwordHash() });
    const res = await h.call('POST', '/api/auth/login', { body: { username: account.username, password: PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });
});

describe('health, OpenAPI and reference page', () => {
  let h: Awaited<ReturnType<typeof createHarness>>;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.cleanup());

  it('answers liveness without the database and readiness with it', async () => {
    expect((await h.call('GET', '/api/health')).body).toEqual({ status: 'ok', version: '0.0.0-test' });
    const res = await h.call('GET', '/api/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      version: '0.0.0-test',
      database: { ok: true, mode: 'embedded', latencyMs: expect.any(Number) },
    });
  });
  it('stays live but not ready when the database is gone', async () => {
    const gone = await createHarness();
    gone.db.$client.close();
    expect((await gone.call('GET', '/api/health')).status).toBe(200);
    const res = await gone.call('GET', '/api/health/ready');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 'degraded', database: { ok: false } });
    gone.cleanup();
  });
  it('documents every route with its error responses', async () => {
    const doc = (await h.call('GET', '/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/units/villages',
        '/api/units/villages/import',
        '/api/accounts',
        '/api/audit',
        '/api/health',
      ]),
    );
    expect(doc.paths['/api/units/villages'].post.responses['422']).toBeDefined();
    expect(doc.components.schemas.Error).toBeDefined();
  });
  it('serves a readable reference page from local files', async () => {
    const page = await h.app.request('/api/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/api/docs/swagger-ui-bundle.js');
    expect((await h.app.request('/api/docs/swagger-ui-bundle.js')).status).toBe(200);
  });
  it('answers unknown API paths with the error shape, before any session work', async () => {
    const res = await h.app.request('/api/nowhere', { headers: { cookie: 'vx_session=unknown-token' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'not_found', requestId: expect.any(String) });
    // A known path still looks the session up (and clears an unknown cookie); an unknown one does not.
    expect(res.headers.get('set-cookie')).toBeNull();
    const known = await h.app.request('/api/auth/me', { headers: { cookie: 'vx_session=unknown-token' } });
    expect(known.status).toBe(401);
    expect(known.headers.get('set-cookie')).toMatch(/vx_session=;/);
  });
});

describe('serving the built apps', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vx-static-'));
  const inline = 'console.log("boot")';
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head></head><body><script>${inline}</script></body></html>`,
  );
  writeFileSync(join(dir, 'app.js'), 'export {}');
  let cleanup: () => void;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    const t = await createTestDb();
    cleanup = t.cleanup;
    app = createApp(createDeps(t.db, loadConfig({ LOG_LEVEL: 'silent' }), 'test'), {
      static: { admin: dir, kiosk: dir },
    });
  });
  afterAll(() => cleanup());

  it('allows exactly the page’s own inline script by hash', async () => {
    const res = await app.request('/admin/units');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    const hash = createHash('sha256').update(inline).digest('base64');
    expect(csp).toContain(`'sha256-${hash}'`);
    expect(csp).not.toContain("unsafe-inline' 'self'; script");
    // Nothing else: no eval; WebAssembly compilation only (the tip box's libsodium), which allows no script eval.
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'(;|$)/);
  });
  it('serves a prerendered page for its route, the fallback page for other routes, nothing for missing files', async () => {
    const kiosk = mkdtempSync(join(tmpdir(), 'vx-kiosk-'));
    mkdirSync(join(kiosk, 'quiz'));
    const pages = {
      'index.html': 'attract',
      'home.html': 'home menu',
      'quiz/law.html': 'law quiz',
      '200.html': 'fallback',
    };
    for (const [file, text] of Object.entries(pages))
      writeFileSync(join(kiosk, file), `<!doctype html><html><body>${text}</body></html>`);
    const t = await createTestDb();
    try {
      const served = createApp(createDeps(t.db, loadConfig({ LOG_LEVEL: 'silent' }), 'test'), {
        static: { admin: dir, kiosk },
      });
      const body = async (path: string) => (await served.request(path)).text();
      expect(await body('/')).toContain('attract');
      expect(await body('/home')).toContain('home menu');
      expect(await body('/quiz/law')).toContain('law quiz');
      expect(await body('/lessons/some-lesson')).toContain('fallback');
      expect(await body('/home/')).toContain('fallback');
      expect(await body('/admin/units')).toContain('boot');
      expect((await served.request('/missing.js')).status).toBe(404);
    } finally {
      t.cleanup();
    }
  });
  it('falls back to index.html for app routes but not for missing files', async () => {
    expect((await app.request('/home')).status).toBe(200);
    expect((await app.request('/missing.js')).status).toBe(404);
    expect((await app.request('/app.js')).headers.get('content-type')).toContain('javascript');
  });
  it('sends the same headers through the Node server: the fixed ones on every answer, a page its own CSP', async () => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const page = await fetch(`${base}/admin/units`);
      const hash = createHash('sha256').update(inline).digest('base64');
      expect(page.headers.get('content-security-policy')).toContain(`'sha256-${hash}'`);
      for (const path of ['/api/health', '/api/nowhere', '/app.js', '/admin/units']) {
        const res = await fetch(base + path, { headers: { 'x-request-id': `probe-${path.length}-abcdef` } });
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
        expect(res.headers.get('x-request-id')).toBe(`probe-${path.length}-abcdef`);
        expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
        // Pages and files are documents; the API's JSON answers are not.
        const document = !path.startsWith('/api/');
        expect(res.headers.get('referrer-policy')).toBe(document ? 'no-referrer' : null);
        expect(res.headers.get('cross-origin-opener-policy')).toBe(document ? 'same-origin' : null);
        expect(res.headers.get('permissions-policy')?.includes('camera=()') ?? null).toBe(document ? true : null);
      }
      expect((await fetch(`${base}/api/health`)).headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
    } finally {
      server.close();
    }
  });
  it('answers an unknown API path 404 even though the pages match every path', async () => {
    for (const method of ['GET', 'POST']) {
      const res = await app.request('/api/nowhere', { method, headers: { cookie: 'vx_session=unknown-token' } });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: 'not_found', message: expect.stringMatching(/\S/) });
    }
    expect((await app.request('/api/auth/me')).status).toBe(401);
    expect((await app.request('/api/health')).status).toBe(200);
  });
  it('never serves files outside the build folder', async () => {
    expect((await app.request('/..%2f..%2fetc%2fpasswd')).status).toBe(404);
    expect((await app.request('/admin/..%2f..%2fpackage.json')).status).toBe(404);
  });
});

describe('compression', () => {
  it('compresses the content pack for clients that accept gzip', async () => {
    const h = await createHarness();
    try {
      const res = await h.app.request('/api/content/pack', { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe('gzip');
    } finally {
      h.cleanup();
    }
  });
});
