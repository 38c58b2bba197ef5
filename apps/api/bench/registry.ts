import autocannon from 'autocannon';
import { periodOf } from '@vungxanh/domain';
import { password, type BenchContext } from './server.ts';

/**
 * The registry and the periodic report of phường Gia Viên (73 residential groups): the registry screen computes every
 * village's checklist for the period, the report runs all its section providers, the XLSX export writes five sheets.
 */
export async function benchRegistry(ctx: BenchContext): Promise<string[]> {
  const quarter = periodOf('quarter', Date.now());
  const runs = [
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
  const lines = ['', 'Registry and reports:'];
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
      `${title.padEnd(50)} ${r.requests.average.toFixed(0).padStart(7)} req/s   ratio ${(r.requests.average / ctx.healthRps).toFixed(3)}   p50 ${r.latency.p50} ms   p97.5 ${r.latency.p97_5} ms`,
    );
  }
  return lines;
}
