/**
 * The hot public reads a shared contest link or a kiosk start sends: the contest list and a contest's
 * page with 50 published contests, a round's board, the public village list, and the content pack
 * answered 304 for an unchanged ETag. Each is a ratio to the bare Hono app and to the product's
 * health route of the same run (issue 19's aims: contests and the pack 304 ≥ 0.3 of bare).
 */
import autocannon from 'autocannon';
import { openRound, signIn } from './contests.ts';
import type { BenchContext } from './server.ts';

const CONTESTS = 50;

export async function benchPublicReads(ctx: BenchContext): Promise<string[]> {
  const cookie = await signIn(ctx.url);
  let last = { contestId: '', roundId: '' };
  for (let i = 0; i < CONTESTS; i++) last = await openRound(ctx.url, cookie, ctx.giaVien);

  const list = (await (await fetch(`${ctx.url}/api/public/contests?communeId=${ctx.giaVien}`)).json()) as {
    items: unknown[];
  };
  if (list.items.length < CONTESTS) throw new Error(`public list shows ${list.items.length} contests`);
  const pack = await fetch(`${ctx.url}/api/content/pack`);
  const etag = pack.headers.get('etag');
  if (!etag) throw new Error('the content pack has no ETag');

  const cases: { title: string; path: string; status?: number; headers?: Record<string, string> }[] = [
    {
      title: `GET /api/public/contests (${list.items.length} contests)`,
      path: `/api/public/contests?communeId=${ctx.giaVien}`,
    },
    { title: 'GET /api/public/contests/{id} (one contest)', path: `/api/public/contests/${last.contestId}` },
    { title: 'GET /api/public/contests/rounds/{id}/board', path: `/api/public/contests/rounds/${last.roundId}/board` },
    { title: 'GET /api/public/villages (Gia Viên)', path: `/api/public/villages?communeId=${ctx.giaVien}` },
    {
      title: 'GET /api/content/pack (unchanged ETag: 304)',
      path: '/api/content/pack',
      status: 304,
      headers: { 'if-none-match': etag },
    },
  ];
  const { bareRps, healthRps } = await ctx.floorNow();
  const lines = [
    '',
    `Hot public reads (no session, ${ctx.seconds} s each), ratios to the bare Hono app (${bareRps.toFixed(0)} req/s) and to health (${healthRps.toFixed(0)} req/s), both measured again just before (aims against bare: contests and pack 304 ≥ 0.3):`,
    '',
  ];
  for (const c of cases) {
    const r = await autocannon({
      url: ctx.url + c.path,
      connections: 20,
      duration: ctx.seconds,
      headers: c.headers ?? {},
    });
    const want = c.status ?? 200;
    const bad = r.requests.total - (r.statusCodeStats?.[String(want) as '200']?.count ?? 0);
    if (bad > 0 || r.errors > 0)
      throw new Error(`${c.title}: ${JSON.stringify(r.statusCodeStats)}, ${r.errors} errors`);
    const rps = r.requests.average;
    lines.push(
      `${c.title.padEnd(50)} ${rps.toFixed(0).padStart(7)} req/s   bare ${(rps / bareRps).toFixed(3)}   health ${(rps / healthRps).toFixed(3)}   p99 ${r.latency.p99} ms`,
    );
  }
  return lines;
}
