import { afterEach, describe, expect, it } from 'vitest';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { createHarness, world } from './harness.ts';

const TOKEN = 'metrics-token-for-tests';
let h: Awaited<ReturnType<typeof createHarness>>;
afterEach(() => h.cleanup());

async function scrape() {
  const res = await h.app.request('/api/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
  const text = await res.text();
  const families = parsePrometheusTextFormat(text);
  return Object.assign((name: string) => families.find((f) => f.name === name)!, { text });
}

describe('the request log', () => {
  it('has one line per request without personal data, but none for an answered health probe', async () => {
    h = await createHarness();
    const lines: { msg: string; fields: Record<string, unknown> }[] = [];
    const keep = (msg: string, fields: Record<string, unknown> = {}) => void lines.push({ msg, fields });
    h.deps.logger = { ...h.deps.logger, info: keep, warn: keep, error: keep };
    await h.call('GET', '/api/health');
    await h.call('GET', '/api/health/ready');
    await h.call('GET', '/api/nope');
    await h.call('GET', '/api/public/communes?x=Nguyễn');
    const requests = lines.filter((l) => l.msg === 'request').map((l) => l.fields);
    expect(requests.map((f) => [f.route, f.status])).toEqual([
      ['/api/*', 404],
      ['/api/public/communes', 200],
    ]);
    expect(Object.keys(requests[1]!).sort()).toEqual(['method', 'ms', 'requestId', 'route', 'status']);
    expect(JSON.stringify(lines)).not.toContain('Nguy');
  });
});

describe('/api/metrics', () => {
  it('is off without a token, and refuses a wrong one with the error shape', async () => {
    h = await createHarness();
    expect((await h.call('GET', '/api/metrics')).status).toBe(404);
    h.cleanup();
    h = await createHarness({ METRICS_TOKEN: TOKEN });
    const wrong = await h.call('GET', '/api/metrics', { headers: { authorization: 'Bearer not-the-token-at-all' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('unauthenticated');
  });

  it('counts requests by declared route and status, with latency, sessions, kiosks and database size', async () => {
    h = await createHarness({ METRICS_TOKEN: TOKEN });
    const w = await world(h);
    await h.call('GET', '/api/health');
    await h.call('GET', '/api/health');
    await h.call('GET', `/api/units/villages/${w.villageB.id}`, { cookie: w.cookies.commune_admin });
    const metric = await scrape();

    const requests = metric('vungxanh_http_requests_total');
    expect(requests.type).toBe('COUNTER');
    const health = requests.metrics.find((m) => m.labels?.route === '/api/health' && m.labels.status === '200');
    expect(Number(health?.value)).toBe(2);
    // Routes are labelled as declared, so ids never become label values.
    const cross = requests.metrics.find((m) => m.labels?.route === '/api/units/villages/:id');
    expect(cross?.labels?.status).toBe('404');
    expect(JSON.stringify(requests)).not.toContain(w.villageB.id);

    expect(metric('vungxanh_http_request_duration_seconds').type).toBe('HISTOGRAM');
    // The parser folds labelled histograms into one series, so the labelled lines are read as text.
    const series = 'vungxanh_http_request_duration_seconds';
    expect(metric.text).toContain(`${series}_count{method="GET",route="/api/health"} 2`);
    expect(metric.text).toContain(`${series}_bucket{method="GET",route="/api/health",le="+Inf"} 2`);

    expect(Number(metric('vungxanh_open_sessions').metrics[0]?.value)).toBeGreaterThanOrEqual(7);
    expect(Number(metric('vungxanh_database_bytes').metrics[0]?.value)).toBeGreaterThan(0);
    expect(metric('vungxanh_database_wal_bytes').type).toBe('GAUGE');
    expect(
      metric('vungxanh_kiosks')
        .metrics.map((m) => m.labels?.last_seen)
        .sort(),
    ).toEqual(['15m', '24h', 'never', 'older']);
  });

  it('measures how late reach events arrive', async () => {
    h = await createHarness({ METRICS_TOKEN: TOKEN });
    const occurredAt = new Date(Date.now() - 120_000).toISOString();
    const res = await h.call('POST', '/api/events', {
      body: {
        events: [{ id: crypto.randomUUID(), type: 'quiz_completed', occurredAt, payload: { score: 8, total: 10 } }],
      },
    });
    expect(res.body.stored).toBe(1);
    const lag = (await scrape())('vungxanh_event_ingest_lag_seconds').metrics[0]!;
    expect(Number(lag.count)).toBe(1);
    expect(Number(lag.buckets?.['60'])).toBe(0);
    expect(Number(lag.buckets?.['600'])).toBe(1);
  });
});
