// The floor for every bench figure: a bare Hono app on @hono/node-server, the framework the product
// runs on, with nothing but a health route. Started by bench/run.ts in its own process.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono().get('/api/health', (c) => c.json({ status: 'ok' }));
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
  console.log(JSON.stringify({ url: `http://127.0.0.1:${info.port}` })),
);
