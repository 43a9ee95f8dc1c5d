/** The end-to-end benchmark's section of BENCHMARKS.md, and the per-service figures it is compared with. */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { ProfileSummary } from './cpu-profile.js';
import type { CpuSplit } from './proc.js';

export interface LagVerdict {
  /** Mean lag over the step's last 3 s, seconds of input. */
  endLag: number;
  /** Least-squares slope of the lag over the step's second half, seconds of lag per second. */
  slope: number;
  grows: boolean;
}

export interface StepResult {
  index: number;
  rate: number;
  seconds: number;
  positions: number;
  achieved: number;
  generatedMs: number;
  drainedBefore: boolean;
  ingest: LagVerdict;
  alerts: LagVerdict;
  ingestLagSeries: { t: number; v: number }[];
  alertsLagSeries: { t: number; v: number }[];
  cut: boolean;
  producerShort: boolean;
  lateSends: number;
  cpu: CpuSplit;
  /** RSS at the end of the step, bytes, per service. */
  memory: Record<string, number>;
  alertsByKind: Record<string, number>;
  /** Deltas over the step of the services' chunk metrics (a chunk: what a consumer takes through its steps at once). */
  chunks: {
    ingest: number;
    ingestPositions: number;
    ingestSeconds: number;
    ingestSteps: Record<string, number>;
    alerts: number;
    alertsPositions: number;
    alertsSeconds: number;
  };
  frames: number;
  streamsOpen: number;
  reopened: number;
  views: Record<string, number>;
  load: [number, number];
  /** ms, production → first view response showing the fix, for the sampled fixes produced in the step. */
  latencies: number[];
  missed: number;
  sustained?: boolean;
}

export interface E2eReport {
  loadAtStart: number[];
  loadAtEnd: number[];
  infraMode: { kafka: string; postgres: string; redis: string };
  /** The broker, as describeKafka names it. */
  kafka: string;
  pgVersion: string;
  redisVersion: string;
  partitions: number;
  /** The platform keys of positions.raw and how they spread it over its partitions (describeSpread). */
  rawSpread: string;
  sendsPerS: number;
  trucks: number;
  sharesPerTruck: number;
  viewers: number;
  viewPollS: number;
  sample: number;
  samplePollMs: number;
  tickMs: number;
  lagLimitS: number;
  slopeLimit: number;
  runawayLagS: number;
  stepSeconds: number;
  results: StepResult[];
  sustained: StepResult | undefined;
  peakRss: Record<string, number>;
  profile:
    | {
        service: string;
        /** Named with --profile rather than found the busiest. */
        chosen: boolean;
        file: string;
        base: StepResult;
        step: StepResult;
        summary: ProfileSummary;
      }
    | undefined;
  runSeconds: number;
  /** After the sweep, once the consumers caught up: rows in the run's schema. */
  stored: { produced: number; caughtUp: boolean; positions: number; alerts: number };
}

export function percentiles(values: number[]) {
  const s = Float64Array.from(values).sort();
  const at = (p: number) =>
    s.length === 0
      ? Number.NaN
      : (s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number);
  return { p50: at(50), p99: at(99), max: s.length ? (s[s.length - 1] as number) : Number.NaN };
}

const fmt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const c2 = (n: number | undefined) =>
  n === undefined || Number.isNaN(n) ? 'n/a' : Math.max(0, n).toFixed(2);
const mib = (b: number | undefined) =>
  b === undefined || Number.isNaN(b) ? 'n/a' : `${Math.round(b / 2 ** 20)}`;
const SERVICES = ['ingest', 'alerts', 'share', 'bindings'];

/** The figures of the per-service benchmarks, read from their sections of BENCHMARKS.md. */
function perServiceFigures() {
  let text = '';
  try {
    text = readFileSync(join(import.meta.dirname, '..', '..', 'BENCHMARKS.md'), 'utf8');
  } catch {
    // no file yet
  }
  const section = (name: string) => {
    const from = text.indexOf(`<!-- bench:${name}:start -->`);
    const to = text.indexOf(`<!-- bench:${name}:end -->`);
    return from >= 0 && to > from ? text.slice(from, to) : '';
  };
  const num = (s: string | undefined) => (s === undefined ? Number.NaN : Number(s.replace(/,/g, '')));
  const ingest = section('ingest');
  const alerts = section('alerts');
  const share = section('share');
  const fresh = share.slice(share.indexOf('**3. Freshness**'));
  return {
    ingestRate: num(/\*\*ingest end to end\*\*[^|]*\|\s*\*\*([\d,]+)\*\*/.exec(ingest)?.[1]),
    ingestCpu: /CPU of the whole machine during the end-to-end phase \(cores, of \d\): ([^\n]*)\./.exec(
      ingest,
    )?.[1],
    ingestCores: num(/Ingest process CPU during the run: ([\d.]+) cores/.exec(ingest)?.[1]),
    alertsRules: num(/pure rules[^|]*\|\s*([\d,]+) positions\/s/.exec(alerts)?.[1]),
    alertsE2e: /end to end: ([\d,]+) trucks, ([\d,]+) positions\/s/.exec(alerts),
    alertsP99: num(/same, p99 \| ([\d.]+) ms/.exec(alerts)?.[1]),
    freshRate: num(/positions produced \(achieved rate\) \|[^=]*= ([\d,]+)\/s/.exec(fresh)?.[1]),
    freshP50: num(/produced → visible in the view, p50 \| ([\d.]+) ms/.exec(fresh)?.[1]),
    freshP99: num(/same, p99 \| ([\d.]+) ms/.exec(fresh)?.[1]),
    freshCpu: /CPU during the freshness run \(cores\): ([^;]*);/.exec(fresh)?.[1],
  };
}

function verdictText(r: StepResult): string {
  if (r.sustained) return 'sustained';
  const why = [
    r.ingest.grows ? 'ingest lag grows' : '',
    r.alerts.grows ? 'alerts lag grows' : '',
    r.cut ? 'cut short: a lag passed the runaway limit' : '',
    r.producerShort ? 'input rate not reached' : '',
  ].filter(Boolean);
  return `**not sustained** (${why.join(', ')})`;
}

export function reportLines(r: E2eReport): string[] {
  const s = r.sustained;
  const per = perServiceFigures();
  const cores = cpus().length;
  const lines: string[] = [];
  const kafkaMode = r.kafka;
  lines.push(
    `Machine: ${cores} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM; Node ${process.version}; PostgreSQL ${r.pgVersion} (${r.infraMode.postgres}, plain table); Redis ${r.redisVersion} (${r.infraMode.redis}); Kafka: ${kafkaMode}. Everything on this one machine; load average (it counts the run's own processes and any other work) (1/5/15 min) ${r.loadAtStart.map((l) => l.toFixed(2)).join('/')} at the start, ${r.loadAtEnd.map((l) => l.toFixed(2)).join('/')} at the end; 1-minute load at the start and end of every step below. Run time ${fmt(r.runSeconds)} s.`,
    `System: the four services as separate node processes started as \`npm start\` starts them (\`--max-semi-space-size=64\`, default configuration), topics provisioned (${r.partitions} partitions each) and every service's migrations applied by their command-line tools, in a schema, topic prefix and Redis prefix of this run. Bindings service with the sample registry plus one qualified driver per shared truck; alerts with the sample speed zones and rest stops. Through the HTTP APIs: ${fmt(r.trucks)} drivers each bound one sample truck (B1) and shared it ${r.sharesPerTruck}× (S1), every link claimed by its own family member (S2): ${fmt(r.viewers)} shares. A viewers process holds one live stream per share (\`/v1/shares/{token}/stream\`; **tick shortened to ${fmt(r.tickMs)} ms**, production 30,000 ms, so that the fan-out does more work than in production) and polls every view every ${r.viewPollS} s with If-None-Match; the views of ${r.sample} of the shared trucks are also polled every ${r.samplePollMs} ms for the latency measure (the benchmark deletes the rate limiters' Redis counters every 2 s, as bench:share does: the per-link limit is 60 views per minute).`,
    `Load: the fleet simulator in its own process, one fix per truck per second (rate = trucks; the first 200 trucks are the sample registry's, so the shared trucks are among them), GNSS times current, each simulated second sent in ${r.sendsPerS} sends spread over it, messages (batches of ≤ 500 positions) keyed by platform id as platforms send them (${r.rawSpread}); every step is simulated and encoded before it starts, so during the step the simulator process only produces. Steps of ${r.stepSeconds} s at increasing rates; before each step the consumers are let to catch up.`,
    `**Lag grows** (the step is not sustained) when, for ingest (positions produced − \`ingest_positions_consumed_total\` from its /metrics) or for alerts (offsets behind the high watermarks of positions.accepted, from the broker, for its consumer group), the mean lag over the last 3 s of the step is above ${r.lagLimitS} s of input **and** its least-squares slope over the second half of the step is above ${r.slopeLimit} s per s (the consumer keeps less than ${Math.round((1 - r.slopeLimit) * 100)}% of the input); a step is also cut short when a lag passes ${r.runawayLagS} s (it is not sustained then, and the backlog left to drain stays bounded), and not sustained when the simulator could not produce 95% of the rate. Lag sampled every second. The sweep stops at the first step that is not sustained.`,
    '',
    '| step | positions/s produced (target) | ingest lag at end, s (slope) | alerts lag at end, s (slope) | verdict | produced → view p50 / p99 ms (fixes) | alerts raised | SSE frames | view responses | load start→end |',
    '|---|---:|---:|---:|---|---:|---:|---:|---|---:|',
  );
  for (const x of r.results) {
    const p = percentiles(x.latencies);
    const alerts = Object.values(x.alertsByKind).reduce((a, b) => a + b, 0);
    lines.push(
      `| ${x.index + 1} | ${fmt(x.achieved)} (${fmt(x.rate)}) | ${x.ingest.endLag.toFixed(2)} (${x.ingest.slope.toFixed(3)}) | ${x.alerts.endLag.toFixed(2)} (${x.alerts.slope.toFixed(3)}) | ${verdictText(x)} | ${fmt(p.p50)} / ${fmt(p.p99)} (${x.latencies.length}${x.missed ? `, ${x.missed} not shown` : ''}) | ${fmt(alerts)} | ${fmt(x.frames)} | ${Object.entries(
        x.views,
      )
        .map(([k, v]) => `${k}: ${fmt(v)}`)
        .join(', ')} | ${x.load.map((l) => l.toFixed(2)).join('→')} |`,
    );
  }
  lines.push('');
  if (s) {
    const p = percentiles(s.latencies);
    const alerts = Object.entries(s.alertsByKind)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(', ');
    lines.push(
      `**Sustained: ${fmt(s.achieved)} positions/s** (step ${s.index + 1}) with alerts and the share fan-out active: ingest lag at the end ${s.ingest.endLag.toFixed(2)} s, alerts ${s.alerts.endLag.toFixed(2)} s; position produced → first view response showing it p50 ${fmt(p.p50)} ms, p99 ${fmt(p.p99)} ms, max ${fmt(p.max)} ms (${s.latencies.length} fixes of ${r.sample} trucks; it includes the ${r.samplePollMs} ms poll period); alerts raised in the step: ${alerts || 'none'}; ${fmt(s.frames)} SSE view frames delivered to ${fmt(s.streamsOpen)} open streams (${s.reopened} reopened).`,
    );
  } else lines.push('**No step was sustained**: even the first rate made a consumer fall behind.');
  lines.push(
    '',
    `After the sweep${r.stored.caughtUp ? ', once the consumers had caught up' : ' (**the consumers had not caught up within 90 s**)'}: ${fmt(r.stored.positions)} positions stored of ${fmt(r.stored.produced)} produced, ${fmt(r.stored.alerts)} alerts stored.`,
  );
  lines.push(
    '',
    `CPU per step (cores of ${cores}, from /proc: each process of this run by pid, the benchmark driver through process.cpuUsage; postgres and redis-server are every process of that name, so they include what other work on the machine asked of them; "rest" = machine busy − all of these: other work, the kernel, short-lived processes):`,
    '',
    '| step | ingest | alerts | share | bindings | simulator | viewers | broker | postgres | redis-server | benchmark driver | rest | machine busy |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const x of r.results) {
    const o = x.cpu.own;
    lines.push(
      `| ${x.index + 1} (${fmt(x.rate)}/s) | ${c2(o.ingest)} | ${c2(o.alerts)} | ${c2(o.share)} | ${c2(o.bindings)} | ${c2(o.simulator)} | ${c2(o.viewers)} | ${c2(o.broker)} | ${c2(x.cpu.infra.postgres)} | ${c2(x.cpu.infra['redis-server'])} | ${c2(o['benchmark driver'])} | ${c2(x.cpu.rest)} | ${c2(x.cpu.machineBusy)} of ${x.cpu.cores} |`,
    );
  }
  lines.push(
    '',
    "Chunks (from the services' /metrics, deltas over each step): a chunk is what a consumer takes through its steps at once — for ingest, up to 512 KiB of the messages one fetch returned for a partition; for alerts, up to 5,000 messages. Time per chunk is wall time, several chunks are in flight at once:",
    '',
    '| step | ingest chunks | positions per chunk | ms per chunk (persist / last_position / publish) | alerts chunks | positions per chunk | ms per chunk |',
    '|---|---:|---:|---|---:|---:|---:|',
    ...r.results.map((x) => {
      const c = x.chunks;
      const per = (v: number | undefined, n: number) =>
        n > 0 && v !== undefined ? ((1000 * v) / n).toFixed(1) : 'n/a';
      return `| ${x.index + 1} (${fmt(x.rate)}/s) | ${fmt(c.ingest)} | ${fmt(c.ingestPositions / c.ingest)} | ${per(c.ingestSeconds, c.ingest)} (${per(c.ingestSteps.persist, c.ingest)} / ${per(c.ingestSteps.last_position, c.ingest)} / ${per(c.ingestSteps.publish, c.ingest)}) | ${fmt(c.alerts)} | ${fmt(c.alertsPositions / c.alerts)} | ${per(c.alertsSeconds, c.alerts)} |`;
    }),
  );
  lines.push(
    '',
    'Memory (RSS, MiB) of each service process at the end of each step, and its peak (VmHWM) over the sweep:',
    '',
    `| step | ${SERVICES.join(' | ')} |`,
    `|---|${SERVICES.map(() => '---:').join('|')}|`,
    ...r.results.map(
      (x) => `| ${x.index + 1} (${fmt(x.rate)}/s) | ${SERVICES.map((k) => mib(x.memory[k])).join(' | ')} |`,
    ),
    `| peak | ${SERVICES.map((k) => mib(r.peakRss[k])).join(' | ')} |`,
  );

  // Comparison with the per-service benchmarks.
  if (s) {
    const ingestCores = s.cpu.own.ingest ?? Number.NaN;
    const p = percentiles(s.latencies);
    lines.push(
      '',
      '**Against the per-service figures** (sections above, each measured with the service alone on the machine):',
      '',
      '| figure | per-service benchmark | here (sustained step) |',
      '|---|---:|---:|',
      `| ingest positions/s | ${fmt(per.ingestRate)} (bench:ingest: a backlog drained, nothing else running; ${per.ingestCpu ?? 'n/a'}) | ${fmt(s.achieved)} at ${c2(ingestCores)} cores for ingest; live input, with alerts, share, bindings, simulator and viewers on the same cores |`,
      `| positions per ingest core-second | ${fmt(per.ingestRate / per.ingestCores)} (${c2(per.ingestCores)} cores) | ${fmt(s.achieved / ingestCores)} |`,
      `| alerts | pure rules ${fmt(per.alertsRules)} positions/s on one core; end to end ${per.alertsE2e ? `${per.alertsE2e[2]} positions/s` : 'n/a'}, p99 ${fmt(per.alertsP99)} ms | ${fmt(s.achieved)} positions/s evaluated at ${c2(s.cpu.own.alerts)} cores = ${fmt(s.achieved / (s.cpu.own.alerts ?? Number.NaN))} per core-second |`,
      `| produced → share view p50 / p99 | ${fmt(per.freshP50)} / ${fmt(per.freshP99)} ms at ${fmt(per.freshRate)}/s (ingest + share only; ${per.freshCpu ?? 'n/a'}) | ${fmt(p.p50)} / ${fmt(p.p99)} ms at ${fmt(s.achieved)}/s |`,
    );
  }

  if (r.profile) {
    const pr = r.profile;
    const ps = pr.summary;
    const pct = (f: { share: number }) => `${(f.share * 100).toFixed(1)}%`;
    lines.push(
      '',
      `**Profile of ${pr.chosen ? 'a service (chosen with --profile)' : 'the busiest service'}** — ${pr.service} (${c2(pr.base.cpu.own[pr.service])} cores in step ${pr.base.index + 1}${pr.base.sustained ? ', the last sustained one' : ''}) restarted with \`node --cpu-prof\` and that step run again at ${fmt(pr.step.rate)} positions/s (${fmt(pr.step.achieved)}/s produced, ${pr.step.sustained ? 'sustained again' : `**not sustained with the profiler on**: ingest lag ${pr.step.ingest.endLag.toFixed(2)} s, alerts ${pr.step.alerts.endLag.toFixed(2)} s`}; ${pr.service} at ${c2(pr.step.cpu.own[pr.service])} cores); only the samples of that step are counted: ${fmt(ps.totalMs)} ms of the main thread, of which ${fmt(ps.busyMs)} ms busy (${((100 * ps.busyMs) / Math.max(1, ps.totalMs)).toFixed(0)}%; the rest idle, waiting for I/O). Shares below are of the busy time (${pr.file}).`,
      '',
      `By origin of the code (self time): ${ps.byOrigin.map((f) => `${f.frame} ${pct(f)}`).join(', ')}.`,
      '',
      "| top self time | % | this repository's functions, inclusive time | % |",
      '|---|---:|---|---:|',
      ...ps.self.map((f, i) => {
        const inc = ps.inclusiveOwn[i];
        return `| \`${f.frame}\` | ${pct(f)} | ${inc ? `\`${inc.frame}\`` : ''} | ${inc ? pct(inc) : ''} |`;
      }),
    );
  }
  return lines;
}
