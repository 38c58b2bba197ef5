import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import type { AppEnv } from './context.ts';

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vùng Xanh API reference</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<main id="api-reference"></main>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;

const init = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#api-reference', deepLinking: true });`;

const csp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A readable API reference at /api/docs, served from the swagger-ui-dist package (no CDN). */
export function mountDocs(app: Hono<AppEnv>) {
  const dist = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const asset = (name: string) => readFileSync(join(dist, name));
  const files: Record<string, [Buffer, string]> = {
    'swagger-ui.css': [asset('swagger-ui.css'), 'text/css; charset=utf-8'],
    'swagger-ui-bundle.js': [asset('swagger-ui-bundle.js'), 'text/javascript; charset=utf-8'],
    'init.js': [Buffer.from(init), 'text/javascript; charset=utf-8'],
  };
  app.get('/api/docs', (c) => {
    c.header('Content-Security-Policy', csp);
    return c.html(page);
  });
  app.get('/api/docs/:file', (c) => {
    const file = files[c.req.param('file')];
    if (!file) return c.notFound();
    c.header('Content-Type', file[1]);
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(new Uint8Array(file[0]));
  });
}
