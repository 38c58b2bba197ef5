/**
 * Coverage dashboard at province scale: a synthetic province (100 communes, 5,000 villages, 1,000,000 kiosk
 * events, 50,000 activities over the last twelve months, 200,000 household commitments) written straight into a database file, served by
 * dist/server.js, and read as a commune dashboard and as the province view. Latency is sampled one request at a
 * time (p50 / p95), then under load with autocannon, each against GET /api/health in the same run.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { migrateDb, openDb, rebuildRollups, schema } from '@vungxanh/db';
import { activityTypes, vnDate } from '@vungxanh/domain';
import { againstAim, password, start, stop, type BenchContext } from './server.ts';

const COMMUNES = 100;
const VILLAGES_PER_COMMUNE = 50;
const SCHOOLS_PER_COMMUNE = 4;
const EVENTS = 1_000_000;
const ACTIVITIES = 50_000;
const COMMITMENTS = 200_000;
const DAY = 86_400_000;
const YEAR = 365 * DAY;

const rand = Math.random;
const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;

type Client = Awaited<ReturnType<typeof openDb>>['$client'];

/** Multi-row inserts, many statements per write batch (one transaction each). */
async function bulkInsert(client: Client, table: string, columns: string[], rows: unknown[][]) {
  const perStatement = Math.floor(30_000 / columns.length);
  const statements: { sql: string; args: never[] }[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const values = chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    statements.push({
      sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`,
      args: chunk.flat() as never[],
    });
  }
  for (let i = 0; i < statements.length; i += 20) await client.batch(statements.slice(i, i + 20), 'write');
}

export async function buildProvince(dbFile: string) {
  const db = await openDb({ url: `file:${dbFile}` });
  await migrateDb(db);
  const client = db.$client;
  const now = Date.now();
  const [province] = await db.insert(schema.provinces).values({ name: 'Tỉnh Thử Tải', code: 'BENCH' }).returning();
  const communeIds: string[] = [];
  const villagesOf = new Map<string, string[]>();
  const schoolsOf = new Map<string, string[]>();
  const communeRows: unknown[][] = [];
  const villageRows: unknown[][] = [];
  const schoolRows: unknown[][] = [];
  for (let c = 0; c < COMMUNES; c++) {
    const id = randomUUID();
    communeIds.push(id);
    communeRows.push([
      id,
      province!.id,
      'xa',
      `Xã Thử ${c + 1}`,
      `BENCH-${c + 1}`,
      c % 2 ? 'monthly' : 'quarterly',
      now,
      now,
    ]);
    const villages: string[] = [];
    for (let v = 0; v < VILLAGES_PER_COMMUNE; v++) {
      const vid = randomUUID();
      villages.push(vid);
      const name = `Thôn ${v + 1}`;
      const installed = rand() < 0.7 ? '2025-06-01' : null;
      villageRows.push([
        vid,
        id,
        'thon',
        name,
        `thon ${v + 1}`,
        `thon ${String(v + 1).padStart(6, '0')}`,
        900,
        250,
        installed,
        installed,
        2025 + (v % 10),
        v % 25 === 0 ? 0 : 1,
        now,
        now,
      ]);
    }
    villagesOf.set(id, villages);
    const schools: string[] = [];
    for (let s = 0; s < SCHOOLS_PER_COMMUNE; s++) {
      const sid = randomUUID();
      schools.push(sid);
      schoolRows.push([sid, id, 'primary', `Trường ${s + 1}`, `truong ${s + 1}`, `truong ${s + 1}`, 400, 1, now, now]);
    }
    schoolsOf.set(id, schools);
  }
  await bulkInsert(
    client,
    'communes',
    ['id', 'province_id', 'kind', 'name', 'code', 'target_frequency', 'created_at', 'updated_at'],
    communeRows,
  );
  await bulkInsert(
    client,
    'villages',
    [
      'id',
      'commune_id',
      'kind',
      'name',
      'name_key',
      'sort_key',
      'population',
      'households',
      'mailbox_installed_on',
      'board_installed_on',
      'roadmap_target_year',
      'active',
      'created_at',
      'updated_at',
    ],
    villageRows,
  );
  await bulkInsert(
    client,
    'schools',
    ['id', 'commune_id', 'level', 'name', 'name_key', 'sort_key', 'students', 'active', 'created_at', 'updated_at'],
    schoolRows,
  );

  const activityRows: unknown[][] = [];
  const unitRows: unknown[][] = [];
  for (let a = 0; a < ACTIVITIES; a++) {
    const id = randomUUID();
    const communeId = pick(communeIds);
    const date = vnDate(now - Math.floor(rand() * YEAR));
    activityRows.push([id, communeId, date, pick(activityTypes), 'general', Math.floor(rand() * 80), now, now]);
    const reached = new Set([pick(villagesOf.get(communeId)!)]);
    if (rand() < 0.3) reached.add(pick(villagesOf.get(communeId)!));
    for (const v of reached) unitRows.push([id, `v:${v}`, communeId, date, v, null]);
    if (rand() < 0.1) {
      const s = pick(schoolsOf.get(communeId)!);
      unitRows.push([id, `s:${s}`, communeId, date, null, s]);
    }
  }
  await bulkInsert(
    client,
    'activities',
    ['id', 'commune_id', 'date', 'type', 'audience_group', 'participants', 'created_at', 'updated_at'],
    activityRows,
  );
  await bulkInsert(
    client,
    'activity_units',
    ['activity_id', 'unit_key', 'commune_id', 'date', 'village_id', 'school_id'],
    unitRows,
  );

  // One household campaign per commune for this year, and 200,000 signed entries spread over the villages:
  // about four in five verified, the rest waiting or rejected, as a review backlog would look.
  const year = Number(vnDate(now).slice(0, 4));
  const campaignOf = new Map<string, string>();
  const campaignRows = communeIds.map((communeId) => {
    const id = randomUUID();
    campaignOf.set(communeId, id);
    const text = 'Hộ gia đình cam kết không vi phạm pháp luật về ma túy.';
    return [
      id,
      communeId,
      'household',
      year,
      `Cam kết ${year}`,
      text,
      1,
      '["luat-120-2025"]',
      `${year}-01-01`,
      `${year}-12-31`,
      now,
      now,
    ];
  });
  await bulkInsert(
    client,
    'commitment_campaigns',
    [
      'id',
      'commune_id',
      'kind',
      'year',
      'title',
      'text',
      'version',
      'legal_basis',
      'opens_on',
      'closes_on',
      'created_at',
      'updated_at',
    ],
    campaignRows,
  );
  const entryRows: unknown[][] = [];
  for (let i = 0; i < COMMITMENTS; i++) {
    const communeId = communeIds[i % COMMUNES]!;
    const r = rand();
    const status = r < 0.8 ? 'verified' : r < 0.95 ? 'submitted' : 'rejected';
    const at = now - Math.floor(rand() * 200 * DAY);
    entryRows.push([
      randomUUID(),
      communeId,
      campaignOf.get(communeId),
      'household',
      1,
      pick(villagesOf.get(communeId)!),
      `Hộ ${i}`,
      `Số nhà ${i % 300}`,
      'typed',
      `Hộ ${i}`,
      at,
      at,
      'online',
      status,
      `B${i.toString(36).toUpperCase()}`,
      'x',
      at,
      at,
    ]);
  }
  await bulkInsert(
    client,
    'commitment_entries',
    [
      'id',
      'commune_id',
      'campaign_id',
      'kind',
      'campaign_version',
      'village_id',
      'signer_name',
      'address',
      'signature_kind',
      'signature',
      'consent_at',
      'signed_at',
      'channel',
      'status',
      'code',
      'payload_hash',
      'created_at',
      'updated_at',
    ],
    entryRows,
  );

  const types = ['lesson_opened', 'lesson_completed', 'quiz_completed', 'kiosk_session'];
  for (let done = 0; done < EVENTS; done += 100_000) {
    const rows: unknown[][] = [];
    for (let i = 0; i < 100_000; i++) {
      const communeId = pick(communeIds);
      const at = now - Math.floor(rand() * YEAR);
      rows.push([randomUUID(), pick(types), at, at, communeId, pick(villagesOf.get(communeId)!), 0, '{}']);
    }
    await bulkInsert(
      client,
      'events',
      ['id', 'type', 'occurred_at', 'received_at', 'commune_id', 'village_id', 'self_declared', 'payload'],
      rows,
    );
  }
  // Events written straight into the table have no day rollup (the server sums a batch as it stores it): the
  // consistency command's rebuild makes every rollup from the raw rows, as after an import of old data.
  await rebuildRollups(db);
  await client.execute('ANALYZE');
  client.close();
  return { provinceId: province!.id, communeId: communeIds[0]!, communeIds };
}

/** One request at a time: the latency a single user sees. `before` runs ahead of each request, untimed. */
async function sample(url: string, cookie: string, count: number, before?: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    await before?.(i);
    const t = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

async function underLoad(url: string, cookie: string, seconds: number, connections: number) {
  const r = await autocannon({ url, connections, duration: seconds, headers: { cookie } });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p97: r.latency.p97_5 };
}

/** Bytes of the database file by what they hold: everything, and the rollups (tables and their indexes) alone. */
async function databaseBytes(dbFile: string) {
  const db = await openDb({ url: `file:${dbFile}` });
  try {
    const rs = await db.$client.execute(
      `SELECT s.tbl_name AS tbl, sum(d.pgsize) AS bytes FROM dbstat d JOIN sqlite_schema s ON s.name = d.name GROUP BY s.tbl_name`,
    );
    const rollups = new Set([
      'coverage_days',
      'coverage_months',
      'commitment_days',
      'commitment_units',
      'coverage_versions',
    ]);
    let total = 0;
    let rollup = 0;
    for (const row of rs.rows) {
      total += Number(row.bytes);
      if (rollups.has(String(row.tbl))) rollup += Number(row.bytes);
    }
    return { total, rollup };
  } finally {
    db.$client.close();
  }
}

/** Resident and peak memory of a process (Linux), in MB; null elsewhere. */
function memoryOf(pid: number | undefined) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

export async function benchCoverage(ctx: BenchContext): Promise<string[]> {
  const dbFile = join(ctx.dir, 'coverage.db');
  // The first start migrates and creates the admin; the province is then written straight into the file.
  const first = await start(dbFile);
  await stop(first.child);
  const built = performance.now();
  const { provinceId, communeId, communeIds } = await buildProvince(dbFile);
  const buildSeconds = (performance.now() - built) / 1000;
  const bytes = await databaseBytes(dbFile);
  const { url, child } = await start(dbFile);
  const atStart = memoryOf(child.pid);
  try {
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { origin: url, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const health = `${url}/api/health`;
    const commune = `${url}/api/indicators/dashboard?communeId=${communeId}`;
    const province = `${url}/api/indicators/province?provinceId=${provinceId}`;
    // Warm up, so the first reads of the file do not count.
    await sample(commune, cookie, 5);
    await sample(province, cookie, 2);
    const h = await sample(health, cookie, 200);
    const c = await sample(commune, cookie, 200);
    const p = await sample(province, cookie, 40);
    // The service keeps computed figures against a counter per commune that every write moves (coverage_versions):
    // the reads above find every commune unchanged. Moving one commune's counter before each read is what a kiosk's
    // event in that commune does; moving them all makes the whole province be computed again.
    const writer = await openDb({ url: `file:${dbFile}` });
    const move = (sql: string, args: string[] = []) => writer.$client.execute({ sql, args });
    const pOne = await sample(province, cookie, 40, (i) =>
      move('UPDATE coverage_versions SET v = v + 1 WHERE commune_id = ?', [communeIds[i % communeIds.length]!]),
    );
    const pAll = await sample(province, cookie, 20, () => move('UPDATE coverage_versions SET v = v + 1'));
    writer.$client.close();
    const floor = await ctx.floorNow();
    const hl = await underLoad(health, cookie, ctx.seconds, 10);
    const cl = await underLoad(commune, cookie, ctx.seconds, 10);
    const pl = await underLoad(province, cookie, ctx.seconds, 4);
    const afterLoads = memoryOf(child.pid);
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    const mem = (m: ReturnType<typeof memoryOf>) => (m ? `${m.rss.toFixed(0)} MB resident` : 'not known here');
    const ms = (n: number) => `${n.toFixed(1).padStart(6)} ms`;
    const ratio = (n: number, base: number) => (n / base).toFixed(1).padStart(6);
    return [
      '',
      `Coverage at province scale: ${COMMUNES} communes, ${COMMUNES * VILLAGES_PER_COMMUNE} villages, ${EVENTS.toLocaleString('en')} events, ${ACTIVITIES.toLocaleString('en')} activities, ${COMMITMENTS.toLocaleString('en')} commitments (built in ${buildSeconds.toFixed(0)} s)`,
      `One request at a time:                 p50        p95     p95 / health p95`,
      `GET /api/health                     ${ms(h.p50)}  ${ms(h.p95)}`,
      `GET /api/indicators/dashboard       ${ms(c.p50)}  ${ms(c.p95)}  ${ratio(c.p95, h.p95)}   (aim: p95 < 100 ms)`,
      `GET /api/indicators/province        ${ms(p.p50)}  ${ms(p.p95)}  ${ratio(p.p95, h.p95)}   (aim: p95 < 150 ms)`,
      `  … after a write in one commune    ${ms(pOne.p50)}  ${ms(pOne.p95)}  ${ratio(pOne.p95, h.p95)}`,
      `  … after writes in every commune   ${ms(pAll.p50)}  ${ms(pAll.p95)}  ${ratio(pAll.p95, h.p95)}`,
      `Under load (autocannon):        req/s      p50    p97.5    ratio of req/s to health in this run (${hl.rps.toFixed(0)} req/s) and to the main health baseline`,
      `commune dashboard, 10 conn   ${cl.rps.toFixed(0).padStart(7)}  ${ms(cl.p50)} ${ms(cl.p97)}   ${(cl.rps / hl.rps).toFixed(4)}   ${(cl.rps / ctx.healthRps).toFixed(4)}`,
      `province view, 4 conn        ${pl.rps.toFixed(0).padStart(7)}  ${ms(pl.p50)} ${ms(pl.p97)}   ${(pl.rps / hl.rps).toFixed(4)}   ${(pl.rps / ctx.healthRps).toFixed(4)}`,
      `commune dashboard, 10 conn: ${againstAim(cl.rps, floor.bareRps, 0.1)}, p97.5 aim < 100 ms; province view, 4 conn: aim ≥ 20 req/s`,
      `Database: ${mb(bytes.total)}, of which the rollups (day and month tallies, commitment units, counters) ${mb(bytes.rollup)}: ${mb(bytes.total - bytes.rollup)} without them`,
      `Server memory: ${mem(atStart)} after start, ${mem(afterLoads)} after these reads (peak ${afterLoads ? `${afterLoads.peak.toFixed(0)} MB` : 'not known'})`,
    ];
  } finally {
    await stop(child);
  }
}
