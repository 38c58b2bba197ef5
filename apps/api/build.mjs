// Bundles the server (and the backup command) with the workspace packages they import into dist/. The API's own
// npm dependencies stay external (native ones must); anything else a workspace package needs is bundled.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));
const external = Object.keys(dependencies).filter((name) => !name.startsWith('@vungxanh/'));
const packageName = (path) =>
  path
    .split('/')
    .slice(0, path.startsWith('@') ? 2 : 1)
    .join('/');

await build({
  entryPoints: ['src/server.ts', 'src/backup.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  plugins: [
    {
      name: 'external-api-deps',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          external.includes(packageName(args.path)) ? { path: args.path, external: true } : undefined,
        );
      },
    },
  ],
});
