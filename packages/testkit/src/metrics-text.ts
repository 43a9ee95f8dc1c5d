/**
 * The Prometheus text exposition format (what a service's /metrics serves),
 * read into samples, with the two questions benchmarks, fault runs and
 * `npm start` ask of it: the sum of a metric's samples (optionally only those
 * with some label values) and that sum by the value of one label.
 *
 * Follows the format's grammar: label values may hold any character, with
 * `\\`, `\"` and `\n` escaped; values may be NaN, +Inf, -Inf (in any case,
 * as prom-client's `Nan`); an optional timestamp follows the value. Comment
 * lines (# HELP, # TYPE, # EOF) are
 * skipped; histogram and summary series are samples like any other
 * (`x_bucket{le="0.1"}`, `x_sum`, `x_count`).
 *
 * Standalone on purpose (no imports): scripts load it by path.
 */

export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Label values a sample must have, or a test of its labels. */
export type LabelFilter = Record<string, string> | ((labels: Record<string, string>) => boolean);

export class MetricsTextError extends Error {
  override name = 'MetricsTextError';
}

const NAME_START = /[a-zA-Z_:]/;
const NAME_CHAR = /[a-zA-Z0-9_:]/;

/** Every sample of a text exposition, in order. Throws MetricsTextError on a malformed sample line. */
export function parseMetricsText(text: string): MetricSample[] {
  const samples: MetricSample[] = [];
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = (lines[n] as string).trim();
    if (line === '' || line.startsWith('#')) continue;
    samples.push(parseSampleLine(line, n + 1));
  }
  return samples;
}

function parseSampleLine(line: string, lineNo: number): MetricSample {
  const fail = (why: string): never => {
    throw new MetricsTextError(`line ${lineNo}: ${why}: ${line}`);
  };
  let i = 0;
  if (!NAME_START.test(line[0] ?? '')) fail('expected a metric name');
  while (i < line.length && NAME_CHAR.test(line[i] as string)) i++;
  const name = line.slice(0, i);
  const labels: Record<string, string> = {};
  if (line[i] === '{') {
    i++;
    for (;;) {
      while (line[i] === ' ') i++;
      if (line[i] === '}') break;
      const start = i;
      if (!NAME_START.test(line[i] ?? '')) fail('expected a label name');
      while (i < line.length && NAME_CHAR.test(line[i] as string)) i++;
      const label = line.slice(start, i);
      while (line[i] === ' ') i++;
      if (line[i] !== '=' || line[i + 1] !== '"') fail(`expected ="…" after label ${label}`);
      i += 2;
      let value = '';
      for (;;) {
        const c = line[i];
        if (c === undefined) fail(`unterminated value of label ${label}`);
        i++;
        if (c === '"') break;
        if (c === '\\') {
          const e = line[i++];
          value += e === 'n' ? '\n' : (e ?? '');
        } else value += c;
      }
      labels[label] = value;
      while (line[i] === ' ') i++;
      if (line[i] === ',') i++;
      else if (line[i] !== '}') fail('expected , or } after a label');
    }
    i++;
  }
  const rest = line.slice(i).trim().split(/\s+/);
  const raw = rest[0] ?? '';
  // As Go's ParseFloat, which Prometheus uses: NaN and Inf in any case (prom-client writes `Nan`).
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(raw);
  const value = special
    ? special[2]?.toLowerCase() === 'nan'
      ? Number.NaN
      : special[1] === '-'
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY
    : Number(raw);
  if (raw === '' || (Number.isNaN(value) && !special)) fail('expected a sample value');
  return { name, labels, value };
}

function matches(labels: Record<string, string>, filter: LabelFilter | undefined): boolean {
  if (filter === undefined) return true;
  if (typeof filter === 'function') return filter(labels);
  return Object.entries(filter).every(([k, v]) => (labels[k] ?? '') === v);
}

/** A parsed exposition: `sum` and `by` over its samples. */
export class MetricsText {
  readonly samples: readonly MetricSample[];

  constructor(text: string) {
    this.samples = parseMetricsText(text);
  }

  /** The samples of one metric (exact name) that pass the filter. */
  select(name: string, filter?: LabelFilter): MetricSample[] {
    return this.samples.filter((s) => s.name === name && matches(s.labels, filter));
  }

  /** Whether the exposition has any sample of the metric. */
  has(name: string): boolean {
    return this.samples.some((s) => s.name === name);
  }

  /** The sum of the metric's samples that pass the filter; 0 when there are none. */
  sum(name: string, filter?: LabelFilter): number {
    return this.select(name, filter).reduce((total, s) => total + s.value, 0);
  }

  /** The metric's samples that pass the filter, summed by the value of `label` ('' where a sample lacks it). */
  by(name: string, label: string, filter?: LabelFilter): Map<string, number> {
    const out = new Map<string, number>();
    for (const s of this.select(name, filter)) {
      const key = s.labels[label] ?? '';
      out.set(key, (out.get(key) ?? 0) + s.value);
    }
    return out;
  }
}

/**
 * GET `${base}/metrics` and parse it. Rejects when the service does not answer
 * within `timeoutMs`, answers an error status, or serves something that is not
 * the text format.
 */
export async function scrapeMetrics(base: string, timeoutMs = 5_000): Promise<MetricsText> {
  const url = `${base.replace(/\/+$/, '')}/metrics`;
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const body = await res.text();
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new MetricsText(body);
}
