/** The end-to-end benchmark's section of BENCHMARKS.md, and the per-service figures it is compared with. */
import { cpus } from 'node:os';
import { fmt } from '@safewatch/common/cli';
import { BENCHMARKS_FILE, readSection, summarize } from '@safewatch/testkit/bench';
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
  /** X8: WeChat notifications the stand-in received during the step. */
  notifications: number;
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
  /** X8: what the WeChat stand-in received over the run, and how many were the same message twice. */
  notifications: { total: number; duplicates: number };
}

const c2 = (n: number | undefined) =>
  n === undefined || Number.isNaN(n) ? 'n/a' : Math.max(0, n).toFixed(2);
const mib = (b: number | undefined) =>
  b === undefined || Number.isNaN(b) ? 'n/a' : `${Math.round(b / 2 ** 20)}`;
const SERVICES = ['ingest', 'alerts', 'share', 'notifier', 'bindings'];
/** The picture of the sweep that the benchmark draws beside this file (plot.ts), as BENCHMARKS.md links it. */
export const SWEEP_LINK = 'bench/e2e/sweep.svg';
const SWEEP_ALT =
  'bench:e2e sweep: seconds behind the input per service, and CPU per process, at each offered rate';

/** The figures of the per-service benchmarks, read from their sections of BENCHMARKS.md. */
function perServiceFigures() {
  const section = (name: string) => readSection(BENCHMARKS_FILE, name);
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

/** The run's headline figure, for its row in the changelog of BENCHMARKS.md. */
export function reportHeadline(r: E2eReport): string {
  const s = r.sustained;
  if (!s) return `no step sustained (first step ${fmt(r.results[0]?.rate ?? Number.NaN)} positions/s)`;
  const p = summarize(s.latencies);
  return `sustained ${fmt(s.achieved)} positions/s; produced → view p99 ${fmt(p.p99)} ms`;
}

export function reportLines(r: E2eReport): string[] {
  const s = r.sustained;
  const per = perServiceFigures();
  const cores = cpus().length;
  const lines: string[] = [];
  lines.push(
    `Run: ${cores} × ${cpus()[0]?.model.trim()}; the four services and the notifier as node processes as \`npm start\` starts them, every viewer consenting to every WeChat notification (sent to a local stand-in), topics of ${r.partitions} partitions; ${fmt(r.trucks)} drivers each bound one sample truck and shared it ${r.sharesPerTruck}×, every link claimed: ${fmt(r.viewers)} shares, each with a live stream (tick shortened to ${fmt(r.tickMs)} ms) and its view polled every ${r.viewPollS} s, the views of ${r.sample} trucks every ${r.samplePollMs} ms; fleet simulator at one fix per truck per second in ${r.sendsPerS} sends per second, keyed by platform id (${r.rawSpread}); steps of ${r.stepSeconds} s. A step is not sustained when a consumer's lag over its last 3 s is above ${r.lagLimitS} s of input and still rising (slope > ${r.slopeLimit} s/s), when a lag passes ${r.runawayLagS} s, or when the simulator produces < 95 % of the rate. Load ${r.loadAtStart[0]?.toFixed(2)} at the start, ${r.loadAtEnd[0]?.toFixed(2)} at the end; run time ${fmt(r.runSeconds)} s.`,
    '',
    `![${SWEEP_ALT}](${SWEEP_LINK})`,
    '',
    '| step | positions/s produced (target) | ingest lag at end, s (slope) | alerts lag at end, s (slope) | verdict | produced → view p50 / p99 ms (fixes) | alerts raised / notified | SSE frames | view responses | load start→end |',
    '|---|---:|---:|---:|---|---:|---:|---:|---|---:|',
  );
  for (const x of r.results) {
    const p = summarize(x.latencies);
    const alerts = Object.values(x.alertsByKind).reduce((a, b) => a + b, 0);
    lines.push(
      `| ${x.index + 1} | ${fmt(x.achieved)} (${fmt(x.rate)}) | ${x.ingest.endLag.toFixed(2)} (${x.ingest.slope.toFixed(3)}) | ${x.alerts.endLag.toFixed(2)} (${x.alerts.slope.toFixed(3)}) | ${verdictText(x)} | ${fmt(p.p50)} / ${fmt(p.p99)} (${x.latencies.length}${x.missed ? `, ${x.missed} not shown` : ''}) | ${fmt(alerts)} / ${fmt(x.notifications)} | ${fmt(x.frames)} | ${Object.entries(
        x.views,
      )
        .map(([k, v]) => `${k}: ${fmt(v)}`)
        .join(', ')} | ${x.load.map((l) => l.toFixed(2)).join('→')} |`,
    );
  }
  lines.push('');
  if (s) {
    const p = summarize(s.latencies);
    const alerts = Object.entries(s.alertsByKind)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(', ');
    lines.push(
      `**Sustained: ${fmt(s.achieved)} positions/s** (step ${s.index + 1}) with alerts, the driving clock, the share fan-out and notifications active: ingest lag at the end ${s.ingest.endLag.toFixed(2)} s, alerts ${s.alerts.endLag.toFixed(2)} s; position produced → first view response showing it p50 ${fmt(p.p50)} ms, p99 ${fmt(p.p99)} ms, max ${fmt(p.max)} ms (${s.latencies.length} fixes of ${r.sample} trucks; it includes the ${r.samplePollMs} ms poll period); alerts raised in the step: ${alerts || 'none'}; WeChat notifications sent ${fmt(s.notifications)}; ${fmt(s.frames)} SSE view frames delivered to ${fmt(s.streamsOpen)} open streams (${s.reopened} reopened).`,
    );
  } else lines.push('**No step was sustained**: even the first rate made a consumer fall behind.');
  lines.push(
    '',
    `After the sweep${r.stored.caughtUp ? ', once the consumers had caught up' : ' (**the consumers had not caught up within 90 s**)'}: ${fmt(r.stored.positions)} positions stored of ${fmt(r.stored.produced)} produced, ${fmt(r.stored.alerts)} alerts stored; WeChat notifications ${fmt(r.notifications.total)}, of which the same message to the same viewer twice: ${fmt(r.notifications.duplicates)}.`,
  );
  lines.push(
    '',
    `CPU per step (cores of ${cores}; postgres and redis-server count every process of that name; "rest" = machine busy − all of these):`,
    '',
    '| step | ingest | alerts | share | notifier | bindings | simulator | viewers | broker | postgres | redis-server | benchmark driver | rest | machine busy |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const x of r.results) {
    const o = x.cpu.own;
    lines.push(
      `| ${x.index + 1} (${fmt(x.rate)}/s) | ${c2(o.ingest)} | ${c2(o.alerts)} | ${c2(o.share)} | ${c2(o.notifier)} | ${c2(o.bindings)} | ${c2(o.simulator)} | ${c2(o.viewers)} | ${c2(o.broker)} | ${c2(x.cpu.infra.postgres)} | ${c2(x.cpu.infra['redis-server'])} | ${c2(o['benchmark driver'])} | ${c2(x.cpu.rest)} | ${c2(x.cpu.machineBusy)} of ${x.cpu.cores} |`,
    );
  }
  lines.push(
    '',
    "Chunks (deltas of the services' /metrics over each step; a chunk is what a consumer takes through its steps at once — ingest: up to 512 KiB of one fetch for a partition; alerts: up to 5,000 messages; wall time, several in flight):",
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
    'Memory (RSS, MiB) of each service process at the end of each step, and its peak over the sweep:',
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
    const p = summarize(s.latencies);
    lines.push(
      '',
      '**Against the per-service figures** (sections above, each service alone on the machine):',
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
