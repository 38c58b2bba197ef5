import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const kiosk = resolve(fileURLToPath(import.meta.url), '../../../kiosk');

/**
 * First-load budgets per kiosk route, KB gzip: 60 for /home is the issue's aim; the others are December 2026's
 * sizes with a few KB of room, so growth shows (lessons arrive as HTML rendered on the server, so the lesson route
 * carries no Markdown parser or sanitizer; the commitment form carries the signature pad and the QR code, and loads
 * the entry's checks, with their validation library, only once a campaign is chosen).
 */
export const routeBudgets: { route: string; kb: number }[] = [
  { route: '/home', kb: 60 },
  { route: '/lessons/[slug]', kb: 65 },
  { route: '/quiz/[[topic]]', kb: 67 },
  { route: '/contests', kb: 60 },
  { route: '/commitment', kb: 85 },
  // The page a contest's shared link or QR code opens on a phone, straight at registration.
  { route: '/contests/[id]', kb: 95 },
];

/**
 * The JavaScript a first visit to a kiosk route loads, from the kiosk build's Vite manifest: the entry,
 * the root layout and the route's page nodes with their static imports and the workers they start, and the kiosk's
 * Vietnamese strings.
 * Null when not built.
 */
export function kioskFirstLoad(route = '/home'): { kb: number; files: number } | null {
  const manifestFile = join(kiosk, '.svelte-kit/output/client/.vite/manifest.json');
  const appFile = join(kiosk, '.svelte-kit/generated/client-optimized/app.js');
  if (!existsSync(manifestFile) || !existsSync(appFile)) return null;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<
    string,
    { file: string; imports?: string[]; assets?: string[] }
  >;
  const app = readFileSync(appFile, 'utf8');
  const quoted = JSON.stringify(route).replace(/[[\]]/g, '\\$&');
  const nodes = app.match(new RegExp(`${quoted}:\\s*\\[([^\\]]*)\\]`))?.[1]?.match(/\d+/g) ?? [];
  const roots = [
    '.svelte-kit/generated/client-optimized/app.js',
    'node_modules/@sveltejs/kit/src/runtime/client/entry.js',
    // The kiosk's Vietnamese strings are a dynamic import, but every first visit loads them.
    'virtual:kiosk-messages/vi',
    ...['0', ...nodes].map((n) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`),
  ];
  const seen = new Set<string>();
  const visit = (key: string) => {
    const entry = manifest[key] ?? Object.entries(manifest).find(([k]) => k.endsWith(key))?.[1];
    if (!entry || seen.has(entry.file)) return;
    seen.add(entry.file);
    // A worker script the chunk starts (the content pack's) is an asset of it, fetched on every first visit too.
    for (const a of entry.assets ?? []) if (a.endsWith('.js')) seen.add(a);
    for (const i of entry.imports ?? []) visit(i);
  };
  roots.forEach(visit);
  let bytes = 0;
  for (const file of seen) {
    const path = join(kiosk, 'build', file);
    if (existsSync(path)) bytes += gzipSync(readFileSync(path)).length;
  }
  return { kb: bytes / 1024, files: seen.size };
}

/** Every budgeted route's first load, printed against its budget. */
export function kioskBudgetLines(): string[] {
  const lines: string[] = [];
  for (const { route, kb } of routeBudgets) {
    const js = kioskFirstLoad(route);
    if (!js) return ['Kiosk first-load JavaScript: not built (run pnpm build)'];
    lines.push(
      `${`kiosk first-load JS ${route}`.padEnd(50)} ${js.kb.toFixed(1).padStart(7)} KB gzip  budget ${kb} KB   ${js.kb <= kb ? 'within' : 'OVER'}`,
    );
  }
  return lines;
}
