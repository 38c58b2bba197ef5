import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isEmbedded, observeWriteBatches, operationsSnapshot, type Db } from '@vungxanh/db';
import { MetricRegistry } from './prometheus.ts';

/**
 * What an operator scrapes at /api/metrics, in the Prometheus text format. Labels are routes as
 * declared (`/api/contests/{id}`), methods and statuses: never ids, names or addresses.
 */
export interface Metrics {
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  /** Each stored event's delay between happening on a device and reaching the server. */
  eventsIngested(occurredAt: readonly Date[], receivedAt: Date): void;
  render(): Promise<{ contentType: string; body: string }>;
}

export function createMetrics(db: Db, databaseUrl: string): Metrics {
  const registry = new MetricRegistry();
  const requests = registry.counter(
    'vungxanh_http_requests_total',
    'API requests answered, by method, declared route and status',
  );
  const latency = registry.histogram(
    'vungxanh_http_request_duration_seconds',
    'Time to answer an API request, by method and declared route',
    [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  );
  const batches = registry.histogram(
    'vungxanh_write_batch_size',
    'Public writes (contest answers and submits, signed commitments, event batches) that shared one commit',
    [1, 2, 5, 10, 20, 50, 100, 200],
  );
  const lag = registry.histogram(
    'vungxanh_event_ingest_lag_seconds',
    'Delay between a reach event on a device and its arrival (offline kiosks send late)',
    [1, 10, 60, 600, 3_600, 86_400, 7 * 86_400],
  );
  const dbBytes = registry.gauge('vungxanh_database_bytes', 'Database size');
  const walBytes = registry.gauge(
    'vungxanh_database_wal_bytes',
    'Write-ahead log size of the embedded database (0 for a libSQL server)',
  );
  const sessions = registry.gauge('vungxanh_open_sessions', 'Signed-in sessions not yet expired');
  const kiosks = registry.gauge('vungxanh_kiosks', 'Paired kiosks by when they were last seen');
  observeWriteBatches(db, (size) => batches.observe(size));
  const walFile = isEmbedded(databaseUrl) ? `${resolve(databaseUrl.replace(/^file:/, '').split('?')[0]!)}-wal` : null;

  // Every request is counted: its series are found once per method, route and status (a bounded set: routes as
  // declared), not by sorting label names on each request.
  const perRoute = new Map<string, { count: { inc(): void }; time: { observe(seconds: number): void } }>();
  return {
    observeRequest(method, route, status, seconds) {
      const key = `${method} ${status} ${route}`;
      let series = perRoute.get(key);
      if (!series) {
        series = {
          count: requests.child({ method, route, status: String(status) }),
          time: latency.child({ method, route }),
        };
        perRoute.set(key, series);
      }
      series.count.inc();
      series.time.observe(seconds);
    },
    eventsIngested(occurredAt, receivedAt) {
      for (const at of occurredAt) lag.observe(Math.max(0, (receivedAt.getTime() - at.getTime()) / 1000));
    },
    async render() {
      const snap = await operationsSnapshot(db, new Date());
      dbBytes.set(snap.databaseBytes);
      walBytes.set(walFile ? fileSize(walFile) : 0);
      sessions.set(snap.openSessions);
      kiosks.set(snap.kiosks.within15m, { last_seen: '15m' });
      kiosks.set(snap.kiosks.within24h, { last_seen: '24h' });
      kiosks.set(snap.kiosks.older, { last_seen: 'older' });
      kiosks.set(snap.kiosks.never, { last_seen: 'never' });
      return { contentType: registry.contentType, body: registry.render() };
    },
  };
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
