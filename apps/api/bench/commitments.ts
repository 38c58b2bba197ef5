/**
 * Commitment submissions per second (new entries, and replays of a stored id) against the health
 * baseline. Public writes are rate-limited per address and the bench sends from one, so it runs
 * a server of its own with the limit raised; that server's own health figure is printed too.
 */
import { uuidv7 } from '@vungxanh/domain';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { againstAim, start, stop, type BenchContext } from './server.ts';

// A real 1×1 PNG: the server checks the signature's type and size on every entry.
const png =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export async function benchCommitments(ctx: BenchContext): Promise<string[]> {
  const before = process.env.PUBLIC_WRITE_RATE_LIMIT;
  // The highest limit the configuration takes (per minute): far above what one run sends.
  process.env.PUBLIC_WRITE_RATE_LIMIT = '1000000';
  const { url, child } = await start(join(ctx.dir, 'commitments.db'));
  if (before === undefined) delete process.env.PUBLIC_WRITE_RATE_LIMIT;
  else process.env.PUBLIC_WRITE_RATE_LIMIT = before;
  try {
    const headers = { origin: url, 'content-type': 'application/json' };
    const communes = (await (await fetch(`${url}/api/public/communes`)).json()) as { items: { id: string }[] };
    const offer = (await (
      await fetch(`${url}/api/public/commitments/campaigns?communeId=${communes.items[0]!.id}`)
    ).json()) as { campaigns: { id: string; kind: string }[]; villages: { id: string }[] };
    const campaignId = offer.campaigns.find((c) => c.kind === 'household')!.id;
    let n = 0;
    const entry = (id: string) =>
      JSON.stringify({
        id,
        campaignId,
        villageId: offer.villages[n % offer.villages.length]!.id,
        signerName: `Chủ hộ số ${++n}`,
        address: `Số nhà ${n}`,
        members: 4,
        consent: true,
        signature: { kind: 'drawn', dataUrl: png },
      });
    const run = async (title: string, path: string, opts: Partial<autocannon.Options> = {}) => {
      const r = await autocannon({ url: url + path, connections: 20, duration: ctx.seconds, headers, ...opts });
      if (r.non2xx > 0 || r.errors > 0) throw new Error(`${title}: ${r.non2xx} non-2xx, ${r.errors} errors`);
      return { title, rps: r.requests.average, p99: r.latency.p99 };
    };
    const floor = await ctx.floorNow();
    const health = await run('GET /api/health (this server)', '/api/health');
    const fresh = await run('POST commitment entries (new, drawn signature)', '/api/public/commitments/entries', {
      requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: entry(uuidv7()) }) }],
    });
    const replayed = entry(uuidv7());
    await fetch(`${url}/api/public/commitments/entries`, { method: 'POST', headers, body: replayed });
    const replay = await run('POST commitment entries (replays of one id)', '/api/public/commitments/entries', {
      method: 'POST',
      body: replayed,
    });
    return [
      '',
      `Commitments (own server, public write limit raised; bare Hono ${floor.bareRps.toFixed(0)} req/s measured just before):`,
      `new entries ${againstAim(fresh.rps, floor.bareRps, 0.3)}`,
      ...[health, fresh, replay].map(
        (r) =>
          `${r.title.padEnd(50)} ${r.rps.toFixed(0).padStart(7)} req/s   ratio ${(r.rps / ctx.healthRps).toFixed(3)}   ` +
          `(${(r.rps / health.rps).toFixed(3)} of this server's health)   p99 ${r.p99} ms`,
      ),
    ];
  } finally {
    await stop(child);
  }
}
