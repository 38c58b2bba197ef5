import { and, eq, like, lt, ne, sql } from 'drizzle-orm';
import {
  emptyTallies,
  VN_OFFSET_MS,
  type CampaignKind,
  type CommitmentTallies,
  type EntryStatus,
} from '@vungxanh/domain';
import type { Db } from '../client.ts';
import { coverageDays } from '../schema/index.ts';

/** One summed line of the coverage rollup: a unit's count of one metric over a range of days (or one month of it). */
export interface CoverageSum {
  communeId: string;
  /** `YYYY-MM` when read by month, otherwise null. */
  month: string | null;
  unitKey: string;
  metric: string;
  n: number;
  /** The latest day in the range with a count. */
  last: string;
}

/** A Vietnam day that starts a month (`YYYY-MM-01`). */
const monthStart = (day: string) => /^\d{4}-\d{2}-01$/.test(day);

/**
 * The metrics summed into what the indicators read (`addRollup` in @vungxanh/domain): every activity type as
 * `act:*`, and per source (`kiosk`, `self`) completed quizzes apart from all other events (`ev:kiosk:*`).
 */
const metricClass = `CASE WHEN metric LIKE 'act:%' THEN 'act:*' WHEN metric LIKE '%:quiz_completed' THEN metric
  ELSE substr(metric, 1, instr(substr(metric, 4), ':') + 3) || '*' END`;

/**
 * The rollup summed per commune, unit and metric between two Vietnam days (`toDay` exclusive), optionally per month.
 * `metricPrefix` narrows to metric prefixes (`act:`, `ev:`); `classes` sums the metrics into the classes the
 * indicators read (a third of the lines at province scale). A range of whole months (every period the product
 * reads) is summed from the month rows. Each commune's lines come back as one JSON array: building a row object per
 * line in the driver cost more than the query (a province quarter: 15,000 lines, 209 ms as rows, 68 ms as JSON).
 */
export async function coverageSums(
  db: Db,
  communeIds: readonly string[],
  fromDay: string,
  toDay: string,
  options: { byMonth: boolean; metricPrefix?: string; classes?: boolean },
): Promise<CoverageSum[]> {
  if (communeIds.length === 0) return [];
  const months = monthStart(fromDay) && monthStart(toDay);
  const [table, period, last, from, to] = months
    ? ['coverage_months', 'month', 'last_day', fromDay.slice(0, 7), toDay.slice(0, 7)]
    : ['coverage_days', 'day', 'day', fromDay, toDay];
  const month = !options.byMonth ? 'NULL' : months ? 'month' : 'substr(day, 1, 7)';
  const metric = options.classes ? metricClass : 'metric';
  const lines = `
    SELECT commune_id, ${month} AS month, unit_key, ${metric} AS metric, sum(n) AS n, max(${last}) AS last
    FROM ${table}
    WHERE commune_id IN (${communeIds.map(() => '?').join(', ')}) AND ${period} >= ? AND ${period} < ?
      ${options.metricPrefix ? 'AND metric LIKE ?' : ''}
    GROUP BY 1, 2, 3, 4`;
  const rs = await db.$client.execute({
    sql: `SELECT commune_id, json_group_array(json_array(month, unit_key, metric, n, last)) FROM (${lines})
          GROUP BY commune_id`,
    args: [...communeIds, from, to, ...(options.metricPrefix ? [`${options.metricPrefix}%`] : [])],
  });
  const out: CoverageSum[] = [];
  for (const row of rs.rows) {
    const communeId = String(row[0]);
    for (const [m, unitKey, metricName, n, lastDay] of JSON.parse(String(row[1])) as [
      string | null,
      string,
      string,
      number,
      string,
    ][]) {
      out.push({ communeId, month: m, unitKey, metric: metricName, n, last: lastDay });
    }
  }
  return out;
}

/** Each unit's latest activity day before a Vietnam day (exclusive), for "days since the last activity". */
export async function lastActivityDays(db: Db, communeId: string, beforeDay: string) {
  const rows = await db
    .select({ unitKey: coverageDays.unitKey, last: sql<string>`max(${coverageDays.day})` })
    .from(coverageDays)
    .where(
      and(
        eq(coverageDays.communeId, communeId),
        lt(coverageDays.day, beforeDay),
        ne(coverageDays.unitKey, 'c'),
        like(coverageDays.metric, 'act:%'),
      ),
    )
    .groupBy(coverageDays.unitKey);
  return new Map(rows.map((r) => [r.unitKey, r.last]));
}

/** Commitment entries per commune, unit, kind and status for the campaigns of one year, from the rollup. */
export async function commitmentCounts(db: Db, communeIds: readonly string[], year: number) {
  if (communeIds.length === 0) return [];
  // One JSON array per commune, as in `coverageSums`: a province has a line per unit, kind and status.
  const rs = await db.$client.execute({
    sql: `SELECT commune_id, json_group_array(json_array(unit_key, kind, status, n)) FROM (
            SELECT d.commune_id, d.unit_key, d.kind, d.status, sum(d.n) AS n
            FROM commitment_units d JOIN commitment_campaigns c ON c.id = d.campaign_id
            WHERE d.commune_id IN (${communeIds.map(() => '?').join(', ')}) AND c.year = ?
            GROUP BY 1, 2, 3, 4)
          GROUP BY commune_id`,
    args: [...communeIds, year],
  });
  // The rollup copies these columns from the entries, whose schema holds them to the domain's lists.
  return rs.rows.flatMap((row) =>
    (JSON.parse(String(row[1])) as [string, CampaignKind, EntryStatus, number][]).map(([unitKey, kind, status, n]) => ({
      communeId: String(row[0]),
      unitKey,
      kind,
      status,
      n,
    })),
  );
}

/**
 * Per commune, the counts commitment coverage needs for a campaign year: verified household entries per village
 * (duplicates are marked, so each verified entry is one household), household entries signed (any status but
 * rejected or duplicate) per village, and the organizations and schools with a verified entry.
 */
export async function commitmentTallies(
  db: Db,
  communeIds: readonly string[],
  year: number,
): Promise<Map<string, CommitmentTallies>> {
  const result = new Map<string, CommitmentTallies>(communeIds.map((id) => [id, emptyTallies()]));
  for (const r of await commitmentCounts(db, communeIds, year)) {
    const t = result.get(r.communeId);
    if (!t || r.status === 'rejected' || r.status === 'duplicate') continue;
    const [prefix, id] = [r.unitKey.slice(0, 2), r.unitKey.slice(2)];
    if (r.kind === 'household' && prefix === 'v:') {
      t.signedByVillage[id] = (t.signedByVillage[id] ?? 0) + r.n;
      if (r.status === 'verified') t.householdsByVillage[id] = (t.householdsByVillage[id] ?? 0) + r.n;
    } else if (r.kind !== 'household' && r.status === 'verified') {
      if (prefix === 's:' && !t.schoolIds.includes(id)) t.schoolIds.push(id);
      if (prefix === 'o:' && !t.organizationIds.includes(id)) t.organizationIds.push(id);
    }
  }
  return result;
}

/** Entry counts by campaign kind and status for one commune's campaign year (the periodic report). */
export async function commitmentSummary(db: Db, communeId: string, year: number) {
  const sums = new Map<string, { kind: CampaignKind; status: EntryStatus; count: number }>();
  for (const r of await commitmentCounts(db, [communeId], year)) {
    const key = `${r.kind}|${r.status}`;
    const row = sums.get(key) ?? { kind: r.kind, status: r.status, count: 0 };
    row.count += r.n;
    sums.set(key, row);
  }
  return [...sums.values()];
}

// The rollups as they should be, recomputed from the raw rows: the same grouping the migration's backfill uses.
const vnDay = (column: string) => `strftime('%Y-%m-%d', (${column} + ${VN_OFFSET_MS}) / 1000, 'unixepoch')`;
const expectedCoverage = `
  SELECT commune_id, ${vnDay('occurred_at')} AS day,
         CASE WHEN village_id IS NOT NULL THEN 'v:' || village_id ELSE 's:' || school_id END AS unit_key,
         'ev:' || CASE WHEN self_declared THEN 'self' ELSE 'kiosk' END || ':' || type AS metric, count(*) AS n
  FROM events WHERE commune_id IS NOT NULL AND (village_id IS NOT NULL OR school_id IS NOT NULL)
  GROUP BY 1, 2, 3, 4
  UNION ALL
  SELECT u.commune_id, u.date, u.unit_key, 'act:' || a.type, count(*)
  FROM activity_units u JOIN activities a ON a.id = u.activity_id GROUP BY 1, 2, 3, 4
  UNION ALL
  SELECT commune_id, date, 'c', metric, count(*)
  FROM (SELECT DISTINCT u.commune_id, u.date, u.activity_id, 'act:' || a.type AS metric
        FROM activity_units u JOIN activities a ON a.id = u.activity_id)
  GROUP BY 1, 2, 3, 4`;
const expectedCommitments = `
  SELECT commune_id, campaign_id,
         CASE WHEN village_id IS NOT NULL THEN 'v:' || village_id WHEN school_id IS NOT NULL THEN 's:' || school_id
              WHEN organization_id IS NOT NULL THEN 'o:' || organization_id ELSE '-' END AS unit_key,
         kind, status, ${vnDay('signed_at')} AS day, count(*) AS n
  FROM commitment_entries GROUP BY 1, 2, 3, 4, 5, 6`;
const coverageColumns = 'commune_id, day, unit_key, metric, n';
const expectedMonths = `
  SELECT commune_id, substr(day, 1, 7) AS month, unit_key, metric, sum(n) AS n, max(day) AS last_day
  FROM (${expectedCoverage}) GROUP BY 1, 2, 3, 4`;
const monthColumns = 'commune_id, month, unit_key, metric, n, last_day';
const commitmentColumns = 'commune_id, campaign_id, unit_key, kind, status, day, n';
const expectedUnits = `
  SELECT commune_id, campaign_id, unit_key, kind, status, sum(n) AS n FROM (${expectedCommitments}) GROUP BY 1, 2, 3, 4, 5`;
const unitColumns = 'commune_id, campaign_id, unit_key, kind, status, n';

export interface RollupDifference {
  table: 'coverage_days' | 'coverage_months' | 'commitment_days' | 'commitment_units';
  /** `missing`: the raw rows give this line but the rollup does not hold it; `extra`: the other way round. */
  side: 'missing' | 'extra';
  row: Record<string, unknown>;
}

/** Compares the rollups (days, months, commitments) with a recomputation from the raw rows; an empty list means they agree. */
export async function rollupDifferences(db: Db, limit = 100): Promise<RollupDifference[]> {
  const out: RollupDifference[] = [];
  const pairs = [
    ['coverage_days', expectedCoverage, coverageColumns],
    ['coverage_months', expectedMonths, monthColumns],
    ['commitment_days', expectedCommitments, commitmentColumns],
    ['commitment_units', expectedUnits, unitColumns],
  ] as const;
  for (const [table, expected, columns] of pairs) {
    const [missing, extra] = await Promise.all([
      db.$client.execute(`SELECT ${columns} FROM (${expected}) EXCEPT SELECT ${columns} FROM ${table} LIMIT ${limit}`),
      db.$client.execute(`SELECT ${columns} FROM ${table} EXCEPT SELECT ${columns} FROM (${expected}) LIMIT ${limit}`),
    ]);
    for (const row of missing.rows) out.push({ table, side: 'missing', row: { ...row } });
    for (const row of extra.rows) out.push({ table, side: 'extra', row: { ...row } });
  }
  return out;
}

/**
 * Rewrites the rollups from the raw rows in one transaction (the repair the consistency command offers); the month and
 * unit rows are emptied first and come back through their triggers as the day rows are written.
 */
export async function rebuildRollups(db: Db) {
  await db.$client.batch(
    [
      'DELETE FROM coverage_months',
      'DELETE FROM coverage_days',
      `INSERT INTO coverage_days (${coverageColumns}) SELECT ${coverageColumns} FROM (${expectedCoverage})`,
      'DELETE FROM commitment_units',
      'DELETE FROM commitment_days',
      `INSERT INTO commitment_days (${commitmentColumns}) SELECT ${commitmentColumns} FROM (${expectedCommitments})`,
    ],
    'write',
  );
}

/** The coverage counter of each commune asked for (see `coverageVersions`); a commune never written has none. */
export async function coverageVersionsOf(db: Db, communeIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (communeIds.length === 0) return out;
  const rows = await db.$client.execute({
    sql: `SELECT commune_id, v FROM coverage_versions WHERE commune_id IN (${communeIds.map(() => '?').join(', ')})`,
    args: [...communeIds],
  });
  for (const r of rows.rows) out.set(String(r[0]), Number(r[1]));
  return out;
}
