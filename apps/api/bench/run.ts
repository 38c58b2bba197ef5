/**
 * pnpm bench: throughput of the main read and write paths of the built server, each as a ratio
 * against a bare health check measured in the same run, plus start-up time against bare Node.
 * The server runs in its own process on loopback; every load is bounded in time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { uuidv7 } from '@vungxanh/domain';
import { benchCoverage } from './coverage.ts';
import { benchCommitments } from './commitments.ts';
import { benchContests } from './contests.ts';
import { kioskColdLines } from './kiosk-cold.ts';
import { kioskBudgetLines } from './kiosk-size.ts';
import { kioskVitalsLines } from './kiosk-vitals.ts';
import { password, start, startBare, stop, type BenchContext } from './server.ts';
import { benchRegistry } from './registry.ts';
import { benchPublicReads } from './public-reads.ts';
import { benchDurability, fileSize } from './durability.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
/** BENCH_PARTS=public,contests,… runs only those feature parts (the main table always runs: it is the baseline). */
const parts = process.env.BENCH_PARTS?.split(',').map((p) => p.trim());
const want = (part: string) => !parts || parts.includes(part);
const dir = mkdtempSync(join(tmpdir(), 'vungxanh-bench-'));

// BENCH_ONLY=kiosk-vitals: only the kiosk's page vitals, on a fresh server (the throughput loads take minutes).
if (process.env.BENCH_ONLY === 'kiosk-vitals') {
  const { url, child } = await start(join(dir, 'vitals.db'));
  try {
    for (const line of await kioskVitalsLines(url)) console.log(line);
  } finally {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

const nodeBaseline = await new Promise<number>((ok) => {
  const t = performance.now();
  spawn(process.execPath, ['-e', '0']).once('exit', () => ok(performance.now() - t));
});
const dbFile = join(dir, 'bench.db');
const first = await start(dbFile);
await stop(first.child);
const { url, child, ms: second } = await start(dbFile);

const headers = { origin: url, 'content-type': 'application/json' };
const login = await fetch(`${url}/api/auth/login`, {
  method: 'POST',
  headers,
  body: JSON.stringify({ username: 'admin', password }),
});
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const communes = (await (await fetch(`${url}/api/units/communes`, { headers: { cookie } })).json()) as {
  items: { id: string; code: string }[];
};
const giaVien = communes.items.find((c) => c.code === 'HP-GIAVIEN')!.id;
// Events come from a kiosk paired in a village of Gia Viên, as in the field: each counts for that village, so the
// rollup triggers (day tallies, the commune's coverage counter) and the kiosk's own count run with every insert.
const firstVillage = (
  (await (
    await fetch(`${url}/api/units/villages?communeId=${giaVien}&pageSize=1`, { headers: { cookie } })
  ).json()) as {
    items: { id: string }[];
  }
).items[0]!.id;
const kiosk = (await (
  await fetch(`${url}/api/kiosks?communeId=${giaVien}`, {
    method: 'POST',
    headers: { ...headers, cookie },
    body: JSON.stringify({ name: 'Nhà văn hóa (bench)', villageId: firstVillage }),
  })
).json()) as { pairingCode: string };
const paired = (await (
  await fetch(`${url}/api/kiosks/pair`, { method: 'POST', headers, body: JSON.stringify({ code: kiosk.pairingCode }) })
).json()) as { deviceToken: string };
const kioskHeaders = { authorization: `Bearer ${paired.deviceToken}` };

async function load(
  title: string,
  path: string,
  opts: Partial<autocannon.Options> & { expectStatus?: number; base?: string } = {},
) {
  const { expectStatus, base = url, ...rest } = opts;
  const result = await autocannon({
    url: base + path,
    connections: 20,
    duration: seconds,
    ...rest,
    headers: { cookie, ...headers, ...(rest.headers ?? {}) },
  });
  const unexpected = expectStatus
    ? result.requests.total - (result.statusCodeStats?.[String(expectStatus) as '200']?.count ?? 0)
    : result.non2xx;
  if (unexpected > 0 || result.errors > 0)
    throw new Error(
      `${title}: ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodeStats)}), ${result.errors} errors`,
    );
  return { title, rps: result.requests.average, p99: result.latency.p99 };
}

let n = 0;
// Ids as the kiosk makes them (time-ordered UUIDv7); kiosks of earlier versions sent random ones.
const eventBatch = (size: number, id: () => string = uuidv7) =>
  Array.from({ length: size }, () => ({
    id: id(),
    type: 'quiz_completed',
    occurredAt: new Date().toISOString(),
    payload: { score: 8, total: 10 },
  }));
const results: { title: string; rps: number; p99: number }[] = [];
const bare = await startBare();
let walBytes = 0;
let walAfter = 0;
let bareRps = 0;
/** Lines that feature benches print after the main table (each feature adds its call below). */
const featureLines: string[] = [];
try {
  // Both servers get the same short warm-up first: the first seconds after a start run unoptimised code
  // (measured: 173 µs of CPU per health request in the first second against 92 once warm), and whichever
  // server went first would otherwise look slower for a reason that has nothing to do with it.
  const warmSeconds = Math.max(1, Math.min(2, seconds / 2));
  await load('warm-up bare', '/api/health', { base: bare.url, duration: warmSeconds });
  await load('warm-up product', '/api/health', { duration: warmSeconds });
  await load('warm-up product 404', '/api/nope', { duration: warmSeconds / 2, expectStatus: 404 });
  // The floor is measured on both sides of the two figures held against it, and averaged: on a shared
  // machine the speed drifts by a third within a minute, and a single floor taken first would carry
  // that drift into every ratio.
  const floor = () => load('bare Hono: GET /api/health (the floor)', '/api/health', { base: bare.url });
  const floorBefore = (await floor()).rps;
  results.push(await load('GET /api/health (baseline)', '/api/health'));
  results.push(await load('GET /api/nope (404 under /api)', '/api/nope', { expectStatus: 404 }));
  bareRps = (floorBefore + (await floor()).rps) / 2;
  results.push(await load('GET /api/health/ready (database ping)', '/api/health/ready'));
  results.push(await load('GET /api/auth/me (session lookup)', '/api/auth/me'));
  results.push(
    await load(
      'GET /api/units/villages (Gia Viên, page of 50)',
      `/api/units/villages?communeId=${giaVien}&pageSize=50`,
    ),
  );
  results.push(
    await load('POST /api/units/organizations (write + audit)', '/api/units/organizations', {
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({ communeId: giaVien, kind: 'business', name: `Doanh nghiệp ${++n}` }),
          }),
        },
      ],
    }),
  );
  results.push(
    await load('POST /api/events (a kiosk, batches of 50 new events)', '/api/events', {
      headers: kioskHeaders,
      requests: [
        { method: 'POST', setupRequest: (req) => ({ ...req, body: JSON.stringify({ events: eventBatch(50) }) }) },
      ],
    }),
  );
  results.push(
    await load('POST /api/events (50, random ids of older kiosks)', '/api/events', {
      headers: kioskHeaders,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({ ...req, body: JSON.stringify({ events: eventBatch(50, randomUUID) }) }),
        },
      ],
    }),
  );
  results.push(
    await load('POST /api/auth/login (argon2id, 4 connections)', '/api/auth/login', {
      method: 'POST',
      connections: 4,
      body: JSON.stringify({ username: 'admin', password }),
    }),
  );
  // The sign-in load above rotated the admin's session away: feature benches get a fresh one.
  const fresh = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ username: 'admin', password }),
  });
  const freshCookie = fresh.headers.get('set-cookie')!.split(';')[0]!;
  const ctx: BenchContext = {
    url,
    cookie: freshCookie,
    headers,
    giaVien,
    seconds,
    healthRps: results[0]!.rps,
    bareRps,
    floorNow: async () => {
      const before = (await floor()).rps;
      const healthRps = (await load('GET /api/health (baseline)', '/api/health')).rps;
      return { bareRps: (before + (await floor()).rps) / 2, healthRps };
    },
    dir,
  };
  walBytes = fileSize(`${dbFile}-wal`);
  if (want('public')) featureLines.push(...(await benchPublicReads(ctx)));
  if (want('contests')) featureLines.push(...(await benchContests(ctx)));
  if (want('commitments')) featureLines.push(...(await benchCommitments(ctx)));
  if (want('coverage')) featureLines.push(...(await benchCoverage(ctx)));
  if (want('registry')) featureLines.push(...(await benchRegistry(ctx)));
  if (want('imports')) featureLines.push(...(await (await import('./imports.ts')).benchImports(ctx)));
  if (want('kiosk')) featureLines.push('', ...kioskBudgetLines(), ...(await kioskColdLines(url)));
  if (want('vitals')) featureLines.push(...(await kioskVitalsLines(url)));
  walAfter = fileSize(`${dbFile}-wal`);
} finally {
  await stop(child);
  await stop(bare.child);
}
const durability = want('durability') ? await benchDurability(dir, bareRps) : [];
const baseline = results[0]!;
rmSync(dir, { recursive: true, force: true });

console.log(
  `\nThroughput of dist/server.js over ${seconds} s each, as ratios against a bare Hono app (${bareRps.toFixed(0)} req/s, measured before and after health and 404) and against the product's own health route:\n`,
);
for (const r of results) {
  console.log(
    `${r.title.padEnd(50)} ${r.rps.toFixed(0).padStart(7)} req/s   bare ${(r.rps / bareRps).toFixed(3)}   health ${(r.rps / baseline.rps).toFixed(3)}   p99 ${r.p99} ms`,
  );
}
console.log('(aims against bare: health ≥ 0.5, a 404 under /api ≥ 0.4)');
for (const line of featureLines) console.log(line);
for (const line of durability) console.log(line);
console.log(
  `\nWAL of the embedded database (checkpointed every 60 s): ${(walBytes / 1024).toFixed(0)} KB after the main loads, ${(walAfter / 1024).toFixed(0)} KB after the feature benches`,
);
const [events, olderEvents] = results.filter((r) => r.title.startsWith('POST /api/events'));
console.log(
  `\nEvent ingest: ${(events!.rps * 50).toFixed(0)} events/s with the kiosk's time-ordered ids (aim: 20,000 events/s), ` +
    `${(olderEvents!.rps * 50).toFixed(0)} with the random ids of older kiosks`,
);
console.log(`\nStart-up to a healthy answer, ratio against bare node (${nodeBaseline.toFixed(0)} ms):\n`);
console.log(
  `${'first start (migrate, seed, hash admin password)'.padEnd(50)} ${first.ms.toFixed(0).padStart(7)} ms      ratio ${(first.ms / nodeBaseline).toFixed(1)}`,
);
console.log(
  `${'second start (existing database)'.padEnd(50)} ${second.toFixed(0).padStart(7)} ms      ratio ${(second / nodeBaseline).toFixed(1)}`,
);
