import autocannon from 'autocannon';
import { periodOf } from '@vungxanh/domain';
import { againstAim, password, type BenchContext } from './server.ts';

/**
 * The commune screens of phường Gia Viên (73 residential groups) on the demo data: the dashboard under 10 readers, the
 * registry screen (every village's checklist for the period), the report (all its section providers) and its XLSX.
 */
export async function benchRegistry(ctx: BenchContext): Promise<string[]> {
  const quarter = periodOf('quarter', Date.now());
  const runs = [
    ['GET /api/indicators/dashboard (Gia Viên, 10 conn)', `/api/indicators/dashboard?communeId=${ctx.giaVien}`, 10],
    ['GET /api/registry (Gia Viên, 73 checklists)', `/api/registry?communeId=${ctx.giaVien}`, 10],
    ['GET /api/reports (Gia Viên, quarter)', `/api/reports?communeId=${ctx.giaVien}&periodKey=${quarter}`, 10],
    ['GET /api/reports/xlsx (Gia Viên, quarter)', `/api/reports/xlsx?communeId=${ctx.giaVien}&periodKey=${quarter}`, 4],
  ] as const;
  // A session of its own: the sign-in bench before this one opens many, and older ones of the account are dropped.
  const login = await fetch(`${ctx.url}/api/auth/login`, {
    method: 'POST',
    headers: ctx.headers,
    body: JSON.stringify({ username: 'admin', password }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const floor = await ctx.floorNow();
  const lines = [
    '',
    `Commune screens on the demo data (bare Hono ${floor.bareRps.toFixed(0)} req/s measured just before; aims: dashboard ≥ 0.15 of health as set, registry and report ≥ 200 req/s, XLSX ≥ 50 req/s):`,
  ];
  for (const [title, path, connections] of runs) {
    const r = await autocannon({
      url: ctx.url + path,
      connections,
      duration: ctx.seconds,
      headers: { cookie, ...ctx.headers },
    });
    if (r.non2xx > 0 || r.errors > 0)
      throw new Error(`${title}: ${r.non2xx} non-2xx (${JSON.stringify(r.statusCodeStats)}), ${r.errors} errors`);
    lines.push(
      `${title.padEnd(50)} ${r.requests.average.toFixed(0).padStart(7)} req/s   ${title.includes('dashboard') ? againstAim(r.requests.average, floor.bareRps, 0.15) : `bare ${(r.requests.average / floor.bareRps).toFixed(4)}`}   p50 ${r.latency.p50} ms   p97.5 ${r.latency.p97_5} ms`,
    );
  }
  return lines;
}
