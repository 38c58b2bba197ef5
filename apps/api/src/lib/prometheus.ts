/**
 * A minimal writer of the Prometheus text exposition format (version 0.0.4): counters, gauges
 * and histograms with labels. Small on purpose: prom-client brings an optional OpenTelemetry peer
 * that splits drizzle-orm's install in two.
 */
type Labels = Record<string, string>;

const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labelText = (labels: Labels) => {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escape(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
};
/** One key per label set, whatever order the names come in (called twice on every request). */
const keyOf = (labels: Labels) => {
  let key = '';
  for (const name of Object.keys(labels).sort()) key += `${name}\u0000${labels[name]}\u0001`;
  return key;
};

interface Metric {
  lines(): string[];
}

export class MetricRegistry {
  readonly contentType = 'text/plain; version=0.0.4; charset=utf-8';
  private readonly metrics: Metric[] = [];

  counter(name: string, help: string) {
    const values = new Map<string, { labels: Labels; value: number }>();
    this.metrics.push({
      lines: () => [
        `# HELP ${name} ${help}`,
        `# TYPE ${name} counter`,
        ...[...values.values()].map((v) => `${name}${labelText(v.labels)} ${v.value}`),
      ],
    });
    return {
      inc(labels: Labels = {}, by = 1) {
        const key = keyOf(labels);
        const hit = values.get(key);
        if (hit) hit.value += by;
        else values.set(key, { labels, value: by });
      },
    };
  }

  gauge(name: string, help: string) {
    const values = new Map<string, { labels: Labels; value: number }>();
    this.metrics.push({
      lines: () => [
        `# HELP ${name} ${help}`,
        `# TYPE ${name} gauge`,
        ...[...values.values()].map((v) => `${name}${labelText(v.labels)} ${v.value}`),
      ],
    });
    return { set: (value: number, labels: Labels = {}) => void values.set(keyOf(labels), { labels, value }) };
  }

  histogram(name: string, help: string, buckets: readonly number[]) {
    const series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
    this.metrics.push({
      lines: () => [
        `# HELP ${name} ${help}`,
        `# TYPE ${name} histogram`,
        ...[...series.values()].flatMap((s) => [
          ...buckets.map((le, i) => `${name}_bucket${labelText({ ...s.labels, le: String(le) })} ${s.counts[i]}`),
          `${name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`,
          `${name}_sum${labelText(s.labels)} ${s.sum}`,
          `${name}_count${labelText(s.labels)} ${s.count}`,
        ]),
      ],
    });
    return {
      observe(value: number, labels: Labels = {}) {
        const key = keyOf(labels);
        let s = series.get(key);
        if (!s) series.set(key, (s = { labels, counts: buckets.map(() => 0), sum: 0, count: 0 }));
        // Buckets are cumulative: a value counts in every bucket whose bound it does not exceed.
        buckets.forEach((le, i) => value <= le && s.counts[i]!++);
        s.sum += value;
        s.count++;
      },
    };
  }

  render(): string {
    return `${this.metrics.flatMap((m) => m.lines()).join('\n')}\n`;
  }
}
