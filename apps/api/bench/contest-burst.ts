/**
 * A province burst (part of every `pnpm bench` run that measures contests; BENCH_CONTEST_BURST=0 leaves it out,
 * since it runs a minute and seeds thousands of attempts): 2,000 participants at once for 60 s, each answering their 20 questions
 * in turn and submitting, then going on to their next attempt. Reports throughput as a ratio of
 * the health route, p99 and errors; the aim is 0 errors.
 */
import { join } from 'node:path';
import { openDb } from '@vungxanh/db';
import type { BenchContext } from './server.ts';
import { hammer, openRound, seat, signIn } from './contests.ts';

export async function benchContestBurst(ctx: BenchContext): Promise<string[]> {
  const people = Number(process.env.BENCH_BURST_PEOPLE ?? 2_000);
  const seconds = Number(process.env.BENCH_BURST_SECONDS ?? 60);
  const db = await openDb({ url: `file:${join(ctx.dir, 'bench.db')}` });
  try {
    const ids = await openRound(ctx.url, await signIn(ctx.url), ctx.giaVien);
    // Four attempts each is more than a minute needs, even without a pause between answers.
    const seats = await seat(db, ids, ctx.giaVien, people, 4);
    // A person reads a question and taps an answer: one request every BENCH_BURST_THINK_MS each (3 s, quick readers),
    // so 2,000 people send about 667 requests a second. 0 sends each next request as soon as the last is answered,
    // a stress far past what 2,000 people do (its latency is then people ÷ throughput, whatever the server).
    const thinkMs = Number(process.env.BENCH_BURST_THINK_MS ?? 3_000);
    const rate = thinkMs > 0 ? Math.round((people * 1_000) / thinkMs) : undefined;
    const step = seats.map(() => 0);
    let i = 0;
    let submits = 0;
    const figure = await hammer(
      ctx.url,
      people,
      seconds,
      () => {
        const who = i++ % seats.length;
        const s = seats[who]!;
        const at = step[who]!++;
        const attempt = s.attempts[Math.floor(at / 21) % s.attempts.length]!;
        const q = attempt.questions[at % 21];
        if (!q) {
          submits++;
          return { method: 'POST', path: `/api/public/contests/attempts/${attempt.id}/submit`, token: s.token };
        }
        return {
          method: 'PUT',
          path: `/api/public/contests/attempts/${attempt.id}/answers/${q.id}`,
          token: s.token,
          body: JSON.stringify({ chosen: [q.order[0]] }),
        };
      },
      rate,
    );
    return [
      `${`burst: ${people} participants for ${seconds} s, ${thinkMs ? `one answer per ${thinkMs / 1000} s each` : 'no pause'}`.padEnd(50)} ${figure.rps.toFixed(0).padStart(7)} req/s   bare ${(figure.rps / ctx.bareRps).toFixed(3)}   health ${(figure.rps / ctx.healthRps).toFixed(3)}   p50 ${figure.p50} ms   p99 ${figure.p99} ms   errors ${figure.errors}${figure.detail ? ` (${figure.detail})` : ''}   submits sent ${submits} (aim: 0 errors)`,
    ];
  } finally {
    db.$client.close();
  }
}
