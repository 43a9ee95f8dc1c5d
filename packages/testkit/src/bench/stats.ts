/**
 * Latency statistics of the benchmarks, on an HDR histogram (hdr-histogram-js,
 * as autocannon keeps its own): values in milliseconds, recorded in
 * microseconds with 3 significant digits, so a percentile is within 0.1 % of
 * the exact one, in constant memory however many values are recorded.
 * Percentiles are nearest-rank: p99 is the smallest recorded value that 99 %
 * of the values do not exceed (to the histogram's precision).
 */
import { build, type Histogram } from 'hdr-histogram-js';

const UNITS_PER_MS = 1000;

export interface LatencySummary {
  count: number;
  /** Milliseconds; NaN without values. */
  p50: number;
  p99: number;
  /** Exact. */
  max: number;
}

export class Percentiles {
  private readonly histogram: Histogram = build({ numberOfSignificantValueDigits: 3 });
  count = 0;
  /** Exact extremes of the recorded values (NaN before the first). */
  min = Number.NaN;
  max = Number.NaN;

  /** Records a value in ms; a negative one (clocks of two processes) counts as 0. */
  record(ms: number): void {
    if (Number.isNaN(ms)) return;
    this.histogram.recordValue(Math.max(0, Math.round(ms * UNITS_PER_MS)));
    this.count += 1;
    this.min = this.count === 1 ? ms : Math.min(this.min, ms);
    this.max = this.count === 1 ? ms : Math.max(this.max, ms);
  }

  recordAll(values: Iterable<number>): this {
    for (const v of values) this.record(v);
    return this;
  }

  /** The `p`-th percentile (0 … 100) in ms; NaN without values. */
  percentile(p: number): number {
    if (this.count === 0) return Number.NaN;
    if (p >= 100) return this.max;
    // The histogram answers with the top of a value's bucket: never past the exact extremes.
    const v = this.histogram.getValueAtPercentile(p) / UNITS_PER_MS;
    return Math.min(this.max, Math.max(this.min, v));
  }

  summary(): LatencySummary {
    return { count: this.count, p50: this.percentile(50), p99: this.percentile(99), max: this.max };
  }
}

/** Count, p50, p99 and max of a set of values in ms. */
export function summarize(values: Iterable<number>): LatencySummary {
  return new Percentiles().recordAll(values).summary();
}

/** The median of the values (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
