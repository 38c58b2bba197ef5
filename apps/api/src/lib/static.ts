import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The Content-Security-Policy for one HTML page: scripts only from our origin plus the exact
 * inline bootstrap scripts the page carries (by hash), so no injected script can run.
 */
export function pageCsp(html: string): string {
  const hashes = [...html.matchAll(/<script(?:\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1] ?? '')
    .filter((body) => body.trim() !== '')
    .map((body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  return [
    "default-src 'self'",
    // The tip box's encryption (libsodium) runs as WebAssembly; 'wasm-unsafe-eval' lets a page compile it and
    // allows no JavaScript eval. Every page carries it because the apps navigate without reloading the document.
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

interface Asset {
  body: Buffer;
  type: string;
  csp?: string;
}

/**
 * Serves a built single-page app from `dir` under `mount`: files as they are, hashed assets cached for a year, a
 * prerendered page for its route (`/home` → `home.html`, `/` → `index.html`), and the app's fallback page for any
 * other route without a file extension (`200.html` where the build writes one, as the kiosk's does, else
 * `index.html`).
 */
export function spaHandler(dir: string, mount: string) {
  const cache = new Map<string, Asset>();
  const load = (file: string): Asset | null => {
    const hit = cache.get(file);
    if (hit) return hit;
    if (!existsSync(file) || !statSync(file).isFile()) return null;
    const body = readFileSync(file);
    const type = types[extname(file)] ?? 'application/octet-stream';
    const asset: Asset = type.startsWith('text/html')
      ? { body, type, csp: pageCsp(body.toString('utf8')) }
      : { body, type };
    cache.set(file, asset);
    return asset;
  };

  return (c: Context) => {
    const rel = decodeURIComponent(c.req.path.slice(mount.length)).replace(/^\/+/, '');
    const file = normalize(join(dir, rel));
    if (file !== dir && !file.startsWith(dir + sep)) return c.notFound();
    let asset = rel === '' ? null : load(file);
    if (!asset && (rel === '' || !extname(rel)))
      asset =
        (rel === '' || rel.endsWith('/') ? null : load(`${file}.html`)) ??
        load(join(file, 'index.html')) ??
        load(join(dir, '200.html')) ??
        load(join(dir, 'index.html'));
    if (!asset) return c.notFound();
    const immutable = rel.includes('/immutable/');
    c.header('Content-Type', asset.type);
    c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    // A service worker runs under the policy of its own script: it must be allowed to fetch what it caches.
    c.header('Content-Security-Policy', asset.csp ?? "default-src 'self'; frame-ancestors 'none'");
    return c.body(new Uint8Array(asset.body));
  };
}
