/**
 * What durable acknowledgements cost: the main run's write paths (synchronous=FULL, the default)
 * against a second server on its own database with DATABASE_SYNC=normal, measured the same way.
 */
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { password, start, stop } from './server.ts';

export const fileSize = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const events = (n: number) =>
  JSON.stringify({
    events: Array.from({ length: n }, () => ({
      id: randomUUID(),
      type: 'quiz_completed',
      occurredAt: new Date().toISOString(),
      payload: { score: 8, total: 10 },
    })),
  });

async function writeLoads(url: string) {
  const headers = { origin: url, 'content-type': 'application/json' };
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ username: 'admin', password }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const communes = (await (await fetch(`${url}/api/units/communes`, { headers: { cookie } })).json()) as {
    items: { id: string }[];
  };
  let n = 0;
  const run = async (path: string, body: () => string) => {
    const r = await autocannon({
      url: url + path,
      connections: 20,
      duration: seconds,
      headers: { ...headers, cookie },
      requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: body() }) }],
    });
    if (r.non2xx || r.errors) throw new Error(`${path}: ${r.non2xx} non-2xx, ${r.errors} errors`);
    return r.requests.average;
  };
  return {
    'POST /api/events (1 event a request)': await run('/api/events', () => events(1)),
    'POST /api/events (batches of 50)': (await run('/api/events', () => events(50))) * 50,
    'POST /api/units/organizations (write + audit)': await run('/api/units/organizations', () =>
      JSON.stringify({ communeId: communes.items[0]!.id, kind: 'business', name: `Doanh nghiệp ${++n}` }),
    ),
  };
}

export async function benchDurability(dir: string, bareRps: number): Promise<string[]> {
  const figures: Record<string, Record<string, number>> = {};
  for (const sync of ['full', 'normal'] as const) {
    const server = await start(join(dir, `durability-${sync}.db`), { DATABASE_SYNC: sync });
    try {
      figures[sync] = await writeLoads(server.url);
    } finally {
      await stop(server.child);
    }
  }
  const lines = ['', 'Durable writes: synchronous=FULL (default) against NORMAL, same loads, each on a fresh database'];
  for (const [title, full] of Object.entries(figures.full!)) {
    const normal = figures.normal![title]!;
    const unit = title.includes('batches') ? 'events/s' : 'req/s';
    lines.push(
      `${title.padEnd(50)} FULL ${full.toFixed(0).padStart(7)} ${unit}   NORMAL ${normal.toFixed(0).padStart(7)}   FULL/NORMAL ${(full / normal).toFixed(2)}   FULL/bare ${(full / bareRps).toFixed(3)}`,
    );
  }
  return lines;
}
