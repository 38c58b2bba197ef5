import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const kiosk = resolve(fileURLToPath(import.meta.url), '../../../kiosk');

/**
 * The JavaScript a first visit to /home loads, from the kiosk build's Vite manifest: the entry,
 * the root layout and the home page nodes with their static imports, and the Vietnamese strings.
 * Null when not built.
 */
export function kioskFirstLoad(): { kb: number; files: number } | null {
  const manifestFile = join(kiosk, '.svelte-kit/output/client/.vite/manifest.json');
  const appFile = join(kiosk, '.svelte-kit/generated/client-optimized/app.js');
  if (!existsSync(manifestFile) || !existsSync(appFile)) return null;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<
    string,
    { file: string; imports?: string[] }
  >;
  const app = readFileSync(appFile, 'utf8');
  const homeNodes = app.match(/"\/home":\s*\[([^\]]*)\]/)?.[1]?.match(/\d+/g) ?? [];
  const roots = [
    '.svelte-kit/generated/client-optimized/app.js',
    'node_modules/@sveltejs/kit/src/runtime/client/entry.js',
    // The kiosk's Vietnamese strings are a dynamic import, but every first visit loads them.
    'virtual:kiosk-messages/vi',
    ...['0', ...homeNodes].map((n) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`),
  ];
  const seen = new Set<string>();
  const visit = (key: string) => {
    const entry = manifest[key] ?? Object.entries(manifest).find(([k]) => k.endsWith(key))?.[1];
    if (!entry || seen.has(entry.file)) return;
    seen.add(entry.file);
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
