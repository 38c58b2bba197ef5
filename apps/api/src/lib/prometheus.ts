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
/** One key per label set, whatever order the names come in. */
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
    const entry = (labels: Labels) => {
      const key = keyOf(labels);
      let hit = values.get(key);
      if (!hit) values.set(key, (hit = { labels, value: 0 }));
      return hit;
    };
    return {
      inc(labels: Labels = {}, by = 1) {
        entry(labels).value += by;
      },
      /** The series of one label set, to count on without finding it again (a hot path keeps it). */
      child(labels: Labels) {
        const hit = entry(labels);
        return { inc: (by = 1) => void (hit.value += by) };
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
    const entry = (labels: Labels) => {
      const key = keyOf(labels);
      let s = series.get(key);
      if (!s) series.set(key, (s = { labels, counts: buckets.map(() => 0), sum: 0, count: 0 }));
      return s;
    };
    const observeOn = (s: { counts: number[]; sum: number; count: number }, value: number) => {
      // Buckets are cumulative: a value counts in every bucket whose bound it does not exceed.
      for (let i = buckets.length - 1; i >= 0 && value <= buckets[i]!; i--) s.counts[i]!++;
      s.sum += value;
      s.count++;
    };
    return {
      observe(value: number, labels: Labels = {}) {
        observeOn(entry(labels), value);
      },
      /** The series of one label set, to observe on without finding it again (a hot path keeps it). */
      child(labels: Labels) {
        const s = entry(labels);
        return { observe: (value: number) => observeOn(s, value) };
      },
    };
  }

  render(): string {
    return `${this.metrics.flatMap((m) => m.lines()).join('\n')}\n`;
  }
}
