import { createServer } from 'node:http';
import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { MetricsText, MetricsTextError, parseMetricsText, scrapeMetrics } from './metrics-text.js';

const TEXT = `# HELP ingest_positions_rejected_total Positions rejected, by reason.
# TYPE ingest_positions_rejected_total counter
ingest_positions_rejected_total{reason="ZERO_FIX",platform="plat-01"} 31
ingest_positions_rejected_total{reason="ZERO_FIX",platform="plat-02"} 4
ingest_positions_rejected_total{reason="FUTURE_TIME",platform="plat-01"} 2 1764979200000
ingest_positions_consumed_total 120237
kafka_consumer_lag{topic="positions.raw",partition="0"} 0
kafka_consumer_lag{partition="1",topic="positions.raw",} 7
odd{path="/a}b,c=\\"d\\"",note="line\\nbreak",back="\\\\"} 1.5e3
gauge_nan NaN
gauge_inf{le="+Inf"} +Inf
gauge_minus_inf -Inf
# EOF
`;

describe('parseMetricsText', () => {
  it('reads names, labels (escapes, braces and commas inside values, a trailing comma), values and timestamps', () => {
    const samples = parseMetricsText(TEXT);
    expect(samples).toHaveLength(10);
    expect(samples[0]).toEqual({
      name: 'ingest_positions_rejected_total',
      labels: { reason: 'ZERO_FIX', platform: 'plat-01' },
      value: 31,
    });
    expect(samples[2]?.value).toBe(2);
    expect(samples[3]).toEqual({ name: 'ingest_positions_consumed_total', labels: {}, value: 120237 });
    expect(samples[5]?.labels).toEqual({ partition: '1', topic: 'positions.raw' });
    expect(samples[6]).toEqual({
      name: 'odd',
      labels: { path: '/a}b,c="d"', note: 'line\nbreak', back: '\\' },
      value: 1500,
    });
    expect(samples[7]?.value).toBeNaN();
    expect(samples[8]?.value).toBe(Number.POSITIVE_INFINITY);
    expect(samples[9]?.value).toBe(Number.NEGATIVE_INFINITY);
  });

  it("reads NaN and Inf in any case, as Prometheus does (prom-client writes an empty gauge's NaN as `Nan`)", () => {
    const values = parseMetricsText('a Nan\nb nan\nc inf\nd -INF\ne +Infinity\n').map((s) => s.value);
    expect(values[0]).toBeNaN();
    expect(values[1]).toBeNaN();
    expect(values.slice(2)).toEqual([
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.POSITIVE_INFINITY,
    ]);
    expect(() => parseMetricsText('a Nano\n')).toThrow(MetricsTextError);
  });

  it('refuses a malformed sample line, naming it', () => {
    for (const bad of ['x{a="1"', 'x{a=1} 2', 'x{="1"} 2', 'x', 'x{a="1"} many', '1x 2']) {
      expect(() => parseMetricsText(`ok 1\n${bad}\n`), bad).toThrow(MetricsTextError);
    }
    expect(() => parseMetricsText('ok 1\nx{a="1" 2\n')).toThrow(/line 2/);
  });
});

describe('MetricsText', () => {
  const m = new MetricsText(TEXT);

  it('sums a metric, optionally over the samples with some label values', () => {
    expect(m.sum('ingest_positions_rejected_total')).toBe(37);
    expect(m.sum('ingest_positions_rejected_total', { reason: 'ZERO_FIX' })).toBe(35);
    expect(m.sum('ingest_positions_rejected_total', { reason: 'ZERO_FIX', platform: 'plat-02' })).toBe(4);
    expect(m.sum('ingest_positions_rejected_total', (l) => l.platform === 'plat-01')).toBe(33);
    expect(m.sum('ingest_positions_rejected_total', { reason: 'NONE' })).toBe(0);
    // The exact name only: no prefix matches.
    expect(m.sum('ingest_positions')).toBe(0);
    expect(m.has('ingest_positions_consumed_total')).toBe(true);
    expect(m.has('nope')).toBe(false);
  });

  it('sums a metric by the value of one label', () => {
    expect(m.by('ingest_positions_rejected_total', 'reason')).toEqual(
      new Map([
        ['ZERO_FIX', 35],
        ['FUTURE_TIME', 2],
      ]),
    );
    expect(m.by('ingest_positions_rejected_total', 'reason', { platform: 'plat-02' })).toEqual(
      new Map([['ZERO_FIX', 4]]),
    );
    expect(m.by('ingest_positions_consumed_total', 'reason')).toEqual(new Map([['', 120237]]));
  });

  it('reads what prom-client serves, histograms included', async () => {
    const registry = new Registry();
    const c = new Counter({ name: 't_total', help: 'h', labelNames: ['kind'], registers: [registry] });
    c.inc({ kind: 'a "quoted" \\ kind\nover two lines' }, 3);
    c.inc({ kind: 'b' }, 2);
    const h = new Histogram({
      name: 't_seconds',
      help: 'h',
      labelNames: ['step'],
      buckets: [0.1, 1],
      registers: [registry],
    });
    h.observe({ step: 'persist' }, 0.05);
    h.observe({ step: 'persist' }, 0.5);
    h.observe({ step: 'publish' }, 2);
    const text = new MetricsText(await registry.metrics());
    expect(text.by('t_total', 'kind')).toEqual(
      new Map([
        ['a "quoted" \\ kind\nover two lines', 3],
        ['b', 2],
      ]),
    );
    expect(text.by('t_seconds_count', 'step')).toEqual(
      new Map([
        ['persist', 2],
        ['publish', 1],
      ]),
    );
    expect(text.sum('t_seconds_sum')).toBeCloseTo(2.55);
    expect(text.sum('t_seconds_bucket', { step: 'persist', le: '0.1' })).toBe(1);
    expect(text.sum('t_seconds_bucket', { le: '+Inf' })).toBe(3);
  });
});

describe('scrapeMetrics', () => {
  it('reads /metrics of a base URL and rejects an error status', async () => {
    let status = 200;
    const server = createServer((req, res) => {
      res.writeHead(req.url === '/metrics' ? status : 404, { 'content-type': 'text/plain' });
      res.end('up 1\n');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    try {
      expect((await scrapeMetrics(base)).sum('up')).toBe(1);
      status = 503;
      await expect(scrapeMetrics(base)).rejects.toThrow(/HTTP 503/);
    } finally {
      server.close();
    }
  });
});
