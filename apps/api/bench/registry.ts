import { join } from 'node:path';
import autocannon from 'autocannon';
import { periodOf } from '@vungxanh/domain';
import { againstAim, password, start, stop, type BenchContext } from './server.ts';

/**
 * The commune screens of phường Gia Viên (73 residential groups): the dashboard under 10 readers, the registry screen
 * (every village's checklist for the period), the report (all its section providers) and its XLSX. First on the demo
 * data as seeded (a server of its own, as the aims say), then on the main server after the other parts have written
 * into Gia Viên (thousands of organizations from the write load, 50 contests, tens of thousands of attempts).
 */
export async function benchRegistry(ctx: BenchContext): Promise<string[]> {
  const floor = await ctx.floorNow();
  const lines = [
    '',
    `Commune screens (bare Hono ${floor.bareRps.toFixed(0)} req/s measured just before; aims: dashboard ≥ 0.15 of health as set, p97.5 < 100 ms; registry and report ≥ 200 req/s, XLSX ≥ 50 req/s):`,
  ];
  const own = await start(join(ctx.dir, 'screens.db'));
  try {
    const communes = (await (await fetch(`${own.url}/api/public/communes`)).json()) as {
      items: { id: string; name: string }[];
    };
    const giaVien = communes.items.find((c) => c.name.includes('Gia Viên'))!.id;
    lines.push('On the demo data as seeded:', ...(await screens(own.url, giaVien, ctx, floor.bareRps)));
  } finally {
    await stop(own.child);
  }
  lines.push(
    'On the main server, after the other parts wrote into Gia Viên:',
    ...(await screens(ctx.url, ctx.giaVien, ctx, floor.bareRps)),
  );
  return lines;
}

async function screens(url: string, giaVien: string, ctx: BenchContext, bareRps: number) {
  const quarter = periodOf('quarter', Date.now());
  const runs = [
    ['GET /api/indicators/dashboard (10 conn)', `/api/indicators/dashboard?communeId=${giaVien}`, 10],
    ['GET /api/registry (73 checklists)', `/api/registry?communeId=${giaVien}`, 10],
    ['GET /api/reports (quarter)', `/api/reports?communeId=${giaVien}&periodKey=${quarter}`, 10],
    ['GET /api/reports/xlsx (quarter)', `/api/reports/xlsx?communeId=${giaVien}&periodKey=${quarter}`, 4],
  ] as const;
  // A session of its own: the sign-in bench before this one opens many, and older ones of the account are dropped.
  const headers = { origin: url, 'content-type': 'application/json' };
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ username: 'admin', password }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const lines: string[] = [];
  for (const [title, path, connections] of runs) {
    const r = await autocannon({
      url: url + path,
      connections,
      duration: ctx.seconds,
      headers: { cookie, ...headers },
    });
    if (r.non2xx > 0 || r.errors > 0)
      throw new Error(`${title}: ${r.non2xx} non-2xx (${JSON.stringify(r.statusCodeStats)}), ${r.errors} errors`);
    const rps = r.requests.average;
    const ratio = title.includes('dashboard') ? againstAim(rps, bareRps, 0.15) : `bare ${(rps / bareRps).toFixed(4)}`;
    lines.push(
      `  ${title.padEnd(48)} ${rps.toFixed(0).padStart(7)} req/s   ${ratio}   p50 ${r.latency.p50} ms   p97.5 ${r.latency.p97_5} ms`,
    );
  }
  return lines;
}
