/**
 * npm run bench:e2e [-- --steps 5000,7500,10000,15000,20000,30000,45000,60000,75000 --step-seconds 25]
 *
 * The whole system as real processes on this machine — the four services
 * (ingest, bindings, alerts, share), the Kafka broker (a local Apache Kafka
 * node started by testkit), PostgreSQL, Redis — with the fleet simulator
 * producing positions at increasing rates until the consumers fall behind:
 *
 * 1. Topics and migrations through their command-line tools (in a schema,
 *    topic prefix and Redis prefix of this run), the services started as in
 *    `npm start` (bindings with the sample registry plus this run's drivers).
 * 2. Through the HTTP APIs: `--trucks` drivers bind one sample truck each,
 *    share it `--shares-per-truck` times, each link claimed by its own family
 *    member; a viewers process holds one live stream per share and polls every
 *    view every `--view-poll-s`, and the views of `--sample` trucks every
 *    `--sample-poll-ms` (position produced → first view showing it).
 * 3. Rate steps (`--steps`, `--step-seconds` each): the simulator process
 *    produces one fix per truck per second for `rate` trucks. A step is
 *    sustained unless a consumer's lag grows (see `grows` below); the sweep
 *    stops at the first step that is not.
 * 4. The busiest service of the last sustained step is restarted under
 *    `node --cpu-prof` and that step is run again; the profile's samples of
 *    that step are summarised (`--profile false` skips it, `--profile ingest` profiles that
 *    service instead).
 * Writes the figures to BENCHMARKS.md (section e2e, and a row in its changelog) and draws the sweep as
 * bench/e2e/sweep.svg (figures in sweep.json), unless `--dry-run` (then under .cache/bench-e2e/).
 */

import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import {
  authConfig,
  authEnv,
  createKafka,
  createLogger,
  fmt,
  parseCliArgs,
  parseConfig,
  Redis,
  sleep,
  topicNames,
  z,
} from '@safewatch/common';
import {
  changelogOptions,
  describeKafka,
  describeSpread,
  INFRA_ENV,
  isolate,
  type MetricsText,
  nextMessage,
  startInfra,
  summarize,
  unlinkMatching,
  writeBenchmarkUnlessDry,
} from '@safewatch/testkit';
import { freePort, runToEnd, stopProcess } from '@safewatch/testkit/processes';
import pg from 'pg';
import {
  DEMO_TEMPLATES,
  demoNotifyEnv,
  demoVapidKeys,
  startDemoWechat,
  wechatCounts,
} from '../../scripts/start/families.js';
import { summariseProfile } from './cpu-profile.js';
import { sweepFromReport, writeSweep } from './plot.js';
import { type CpuSplit, cpuSplitFrom, load1, pidMemory } from './proc.js';
import { type E2eReport, reportHeadline, reportLines, type StepResult } from './report.js';
import { bindAndShare, consentToWechat, writeRegistry } from './setup.js';
import type { StepPlan, StepProduced } from './simulator.child.js';
import {
  LOG_DIR,
  REPO,
  type RunningService,
  SERVICE_NAMES,
  type ServiceName,
  scrape,
  spawnChild,
  startService,
} from './system.js';
import type { ViewerCounts, ViewersPlan } from './viewers.child.js';

const { values: args } = parseCliArgs({
  name: 'bench:e2e',
  summary: `The whole system as real processes on this machine (the four services and the notifier, Kafka, PostgreSQL,
Redis) with the fleet simulator producing positions at increasing rates until a consumer falls
behind, then the busiest service profiled at the last sustained rate; writes BENCHMARKS.md
(section e2e and a changelog row) and bench/e2e/sweep.svg (figures in sweep.json).`,
  options: {
    steps: {
      type: 'string',
      default: '5000,7500,10000,15000,20000,30000,45000,60000,75000',
      placeholder: 'RATES',
      description:
        'rates of the steps, positions/s, comma-separated; the sweep stops at the\nfirst step not sustained',
    },
    'step-seconds': {
      type: 'number',
      min: 1,
      default: 25,
      placeholder: 'S',
      description: 'seconds of each step',
    },
    partitions: {
      type: 'number',
      integer: true,
      min: 1,
      default: 8,
      placeholder: 'N',
      description: 'partitions of each topic',
    },
    'sends-per-s': {
      type: 'number',
      min: 1,
      default: 2,
      placeholder: 'N',
      description: "the simulator's sends per second (each a share of the second's fixes)",
    },
    trucks: {
      type: 'number',
      integer: true,
      min: 1,
      default: 100,
      placeholder: 'N',
      description: 'drivers, each binding one sample truck through the API',
    },
    'shares-per-truck': {
      type: 'number',
      integer: true,
      min: 1,
      default: 3,
      placeholder: 'N',
      description: 'shares of each truck, each link claimed and viewed by its own family member',
    },
    'view-poll-s': {
      type: 'number',
      min: 0.1,
      default: 10,
      placeholder: 'S',
      description: 'period of every view poll (besides its live stream)',
    },
    sample: {
      type: 'number',
      integer: true,
      min: 0,
      default: 10,
      placeholder: 'N',
      description:
        'trucks whose views are polled every --sample-poll-ms (position produced →\nfirst view showing it)',
    },
    'sample-poll-ms': {
      type: 'number',
      min: 1,
      default: 50,
      placeholder: 'MS',
      description: 'period of the sampled view polls',
    },
    'tick-ms': {
      type: 'number',
      integer: true,
      min: 1,
      default: 5000,
      placeholder: 'MS',
      description: "the share service's live stream tick (SHARE_STREAM_TICK_MS)",
    },
    'lag-limit-s': {
      type: 'number',
      min: 0,
      default: 2,
      placeholder: 'S',
      description: "a consumer's lag (seconds of input) above which a rising lag makes a step\nnot sustained",
    },
    profile: {
      type: 'string',
      choices: ['true', 'false', ...SERVICE_NAMES],
      default: 'true',
      description:
        'profile the busiest service at the last sustained rate (true), no service\n(false), or the service named',
    },
    'profile-seconds': {
      type: 'number',
      min: 1,
      placeholder: 'S',
      defaultText: '--step-seconds',
      description: 'seconds of the profiled step',
    },
    seed: {
      type: 'number',
      integer: true,
      default: 1,
      placeholder: 'N',
      description: "the simulator's seed",
    },
    'dry-run': {
      type: 'boolean',
      description:
        'write nothing in the repository: the sweep under .cache/bench-e2e/, the\nsection to stdout',
    },
    ...changelogOptions,
  },
  env: INFRA_ENV,
});
const STEPS = args.steps.split(',').map(Number);
if (STEPS.some((r) => !Number.isFinite(r) || r <= 0)) {
  process.stderr.write(`bench:e2e: --steps: expected rates > 0, comma-separated, got "${args.steps}"\n`);
  process.exit(2);
}
const STEP_S = args['step-seconds'];
const PARTITIONS = args.partitions;
const SENDS_PER_S = args['sends-per-s'];
const TRUCKS = args.trucks;
const SHARES_PER_TRUCK = args['shares-per-truck'];
const VIEW_POLL_MS = args['view-poll-s'] * 1000;
const SAMPLE = args.sample;
const SAMPLE_POLL_MS = args['sample-poll-ms'];
const TICK_MS = args['tick-ms'];
const LAG_LIMIT_S = args['lag-limit-s'];
/**
 * Lag slope (seconds of lag gained per second) above which lag counts as rising: the consumer
 * keeps < 95% of the input. Chunked consumers' lag is a saw-tooth of about a second; over the
 * ~12 samples of a step's second half a smaller threshold would be within its noise.
 */
const SLOPE_LIMIT = 0.05;
/**
 * A step is cut short when a consumer is this far behind: it is not sustained whatever follows,
 * and the backlog left to drain before the next measure stays bounded.
 */
const RUNAWAY_LAG_S = 12;
const PROFILE = args.profile !== 'false';
const PROFILE_S = args['profile-seconds'] ?? STEP_S;
const SEED = args.seed;
const BENCH_JWT_SECRET = 'e2e-bench-secret-0123456789abcdefghijkl';

const say = (s: string) => process.stdout.write(`${s}\n`);
const hrUs = () => Number(process.hrtime.bigint() / 1000n);
const logger = createLogger('bench-e2e', 'warn');
const runStart = performance.now();

const loadAtStart = loadavg();
say(`load average at start: ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`);
const running = await startInfra(process.env, 'bench');
const { infra } = running;
const iso = isolate('bench-e2e', infra);
const topics = topicNames(iso.topicPrefix);
/** The broker's CPU is read by pid: a local node started by testkit (none when Kafka runs elsewhere). */
const brokerPid = running.kafkaPids()[0];
const kafka = createKafka({ brokers: infra.kafkaBrokers, clientId: 'bench-e2e', logger });
const admin = kafka.admin();
const redis = new Redis(infra.redisUrl);
const services = new Map<ServiceName, RunningService>();
const children: { kill(): boolean }[] = [];
let resetTimer: NodeJS.Timeout | undefined;
let wechat: Awaited<ReturnType<typeof startDemoWechat>> | undefined;

/** Offsets behind the high watermarks of `topic` for consumer group `groupId`, summed over partitions. */
async function brokerLag(topic: string, groupId: string): Promise<number> {
  const [high, committed] = await Promise.all([
    admin.fetchTopicOffsets(topic),
    admin.fetchOffsets({ groupId, topics: [topic] }),
  ]);
  const done = new Map((committed[0]?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
  return high.reduce((s, p) => s + Math.max(0, Number(p.high) - Math.max(0, done.get(p.partition) ?? 0)), 0);
}

/** The view's rate limits (per link and per client address, tens per minute) are below the sampled polling rate. */
async function resetRateLimits() {
  await unlinkMatching(redis, `${iso.redisPrefix}ratelimit:*`);
}

function slope(points: { t: number; v: number }[]): number {
  if (points.length < 3) return 0;
  const n = points.length;
  const mt = points.reduce((s, p) => s + p.t, 0) / n;
  const mv = points.reduce((s, p) => s + p.v, 0) / n;
  const num = points.reduce((s, p) => s + (p.t - mt) * (p.v - mv), 0);
  const den = points.reduce((s, p) => s + (p.t - mt) ** 2, 0);
  return den > 0 ? num / den : 0;
}

/** Lag (seconds of input) at the end of a step and its slope over the step's second half. */
function lagVerdict(samples: { t: number; v: number }[], seconds: number) {
  const tail = samples.filter((s) => s.t >= seconds - 3);
  const endLag = tail.length ? tail.reduce((s, p) => s + p.v, 0) / tail.length : Number.NaN;
  const rise = slope(samples.filter((s) => s.t >= seconds / 2));
  return { endLag, slope: rise, grows: endLag > LAG_LIMIT_S && rise > SLOPE_LIMIT };
}

const ingestGroup = `bench-e2e-ingest-${iso.id}`;
const alertsGroup = `bench-e2e-alerts-${iso.id}`;
let producedTotal = 0;
/** Platform ids of the simulated fleet: the keys of positions.raw. */
let platforms = 0;
/** ingest_positions_consumed_total of the running ingest process, plus what earlier ingest processes consumed. */
let consumedBefore = 0;
async function ingestConsumed(): Promise<number> {
  const text = await scrape((services.get('ingest') as RunningService).base);
  return consumedBefore + text.sum('ingest_positions_consumed_total');
}

async function waitDrained(rate: number, timeoutMs = 40_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const behind = producedTotal - (await ingestConsumed());
    const alertsBehind = await brokerLag(topics.positionsAccepted, alertsGroup);
    if (behind < rate * 0.25 && alertsBehind < rate * 0.25) return true;
    await sleep(500);
  }
  return false;
}

function servicePids(): Record<string, number | undefined> {
  return {
    ingest: services.get('ingest')?.proc.pid,
    alerts: services.get('alerts')?.proc.pid,
    share: services.get('share')?.proc.pid,
    notifier: services.get('notifier')?.proc.pid,
    bindings: services.get('bindings')?.proc.pid,
  };
}

try {
  // ---- 1. the system -----------------------------------------------------------
  await admin.connect();
  const base = {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: iso.topicPrefix,
    DATABASE_URL: infra.databaseUrl,
    PG_SCHEMA: iso.schema,
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: iso.redisPrefix,
    LOG_LEVEL: 'warn',
  };
  await runToEnd('packages/common/src/cli/provision-topics.ts', {
    env: { ...base, TOPIC_PARTITIONS: String(PARTITIONS) },
  });
  await runToEnd('packages/common/src/cli/migrate.ts', { env: base });
  say(`topics (${PARTITIONS} partitions each) and migrations ready in schema ${iso.schema}`);
  const registryFile = writeRegistry(join(REPO, '.cache', 'bench-e2e'), TRUCKS);
  const http = { JWT_SECRET: BENCH_JWT_SECRET, TRUST_PROXY: '127.0.0.1' };
  const samples = join(REPO, 'services', 'alerts', 'samples');
  // X8: every claimed viewer consents to every WeChat notification, sent to a local stand-in.
  wechat = await startDemoWechat(await freePort());
  const notifyEnv = demoNotifyEnv(wechat.url, demoVapidKeys(join(REPO, '.cache', 'vapid.json')));
  const serviceEnv: Record<ServiceName, Record<string, string>> = {
    ingest: { ...base, INGEST_GROUP_ID: ingestGroup },
    bindings: {
      ...base,
      ...http,
      BINDINGS_REGISTRY_FILE: registryFile,
    },
    alerts: {
      ...base,
      ALERTS_GROUP_ID: alertsGroup,
      SPEED_ZONES_FILE: join(samples, 'speed-zones.json'),
      REST_STOPS_FILE: join(samples, 'rest-stops.json'),
    },
    share: {
      ...base,
      ...http,
      ...notifyEnv,
      SHARE_GROUP_ID: `bench-e2e-share-${iso.id}`,
      SHARE_STREAM_TICK_MS: String(TICK_MS),
    },
    notifier: {
      ...base,
      ...notifyEnv,
      SHARE_NOTIFY_GROUP_ID: `bench-e2e-notifier-${iso.id}`,
    },
  };
  for (const name of ['ingest', 'bindings', 'alerts', 'share', 'notifier'] as ServiceName[]) {
    services.set(name, await startService(name, serviceEnv[name]));
    say(`✓ ${name} ready on ${services.get(name)?.base} (pid ${services.get(name)?.proc.pid})`);
  }
  const auth = authConfig(parseConfig(z.object(authEnv), { JWT_SECRET: BENCH_JWT_SECRET }));
  const fleet = await bindAndShare({
    auth,
    bindingsBase: (services.get('bindings') as RunningService).base,
    shareBase: (services.get('share') as RunningService).base,
    trucks: TRUCKS,
    sharesPerTruck: SHARES_PER_TRUCK,
  });
  say(
    `✓ ${fmt(fleet.trucks)} trucks bound and shared ${SHARES_PER_TRUCK}× through the APIs, ${fmt(fleet.viewers.length)} links claimed, in ${fleet.seconds.toFixed(1)} s${Object.keys(fleet.skipped).length ? ` (sample vehicles refused and skipped: ${JSON.stringify(fleet.skipped)})` : ''}`,
  );

  const consented = await consentToWechat(
    (services.get('share') as RunningService).base,
    fleet.viewers,
    Object.values(DEMO_TEMPLATES),
  );
  say(`✓ ${fmt(consented)} viewers consented to every WeChat notification (X8)`);

  // ---- 2. simulator and viewers --------------------------------------------------
  const simulator = spawnChild('simulator.child.ts', { KAFKA_BROKERS: infra.kafkaBrokers.join(',') });
  children.push(simulator);
  await nextMessage(simulator, 'ready', 60_000);
  const viewersProc = spawnChild('viewers.child.ts', {});
  children.push(viewersProc);
  await nextMessage(viewersProc, 'ready', 60_000);
  // One sampled share per truck, spread over the shared trucks.
  const firstPerTruck = [...new Map(fleet.viewers.map((v, i) => [v.vehicleKey, i])).values()];
  const sampleIdx = Array.from(
    { length: Math.min(SAMPLE, firstPerTruck.length) },
    (_, i) =>
      firstPerTruck[
        Math.floor((i * firstPerTruck.length) / Math.min(SAMPLE, firstPerTruck.length))
      ] as number,
  );
  const sampledKeys = sampleIdx.map((i) => fleet.viewers[i]?.vehicleKey as string);
  resetTimer = setInterval(() => void resetRateLimits().catch(() => undefined), 2_000);
  const plan: ViewersPlan = {
    shareUrl: (services.get('share') as RunningService).base,
    viewers: fleet.viewers,
    pollMs: VIEW_POLL_MS,
    samples: sampleIdx,
    samplePollMs: SAMPLE_POLL_MS,
  };
  viewersProc.send({ cmd: 'start', ...plan });
  const started = await nextMessage<{ withFrame: number }>(viewersProc, 'started', 120_000);
  say(`✓ ${fmt(started.withFrame)} of ${fmt(fleet.viewers.length)} live streams open with a first frame`);
  const markViewers = async () => {
    viewersProc.send({ cmd: 'mark' });
    return nextMessage<ViewerCounts>(viewersProc, 'mark', 30_000);
  };
  await markViewers();

  const producedAt = new Map<string, { at: number; step: number }>();
  const seenAt = new Map<string, number>();
  const collectSeen = (c: ViewerCounts) => {
    for (const [key, at] of c.seen) if (!seenAt.has(key)) seenAt.set(key, at);
  };

  /** One rate step; `cut` decides whether to stop it early. */
  async function runStep(
    index: number,
    rate: number,
    seconds: number,
    onWindow?: (from: number, to: number) => void,
  ) {
    const stepPlan: StepPlan = {
      brokers: infra.kafkaBrokers,
      topic: topics.positionsRaw,
      seed: SEED,
      rate,
      seconds,
      sendsPerS: SENDS_PER_S,
      sampled: sampledKeys,
    };
    simulator.send({ cmd: 'prepare', ...stepPlan });
    const prepared = await nextMessage<{
      positions: number;
      messages: number;
      platforms: number;
      generatedMs: number;
    }>(simulator, 'prepared', 600_000);
    platforms = prepared.platforms;
    const drained = await waitDrained(rate);
    collectSeen(await markViewers());
    const alertsText0 = await scrape((services.get('alerts') as RunningService).base);
    const ingestText0 = await scrape((services.get('ingest') as RunningService).base);
    const loadStart = load1();
    const cpu = await cpuSplitFrom({
      ...servicePids(),
      simulator: simulator.pid,
      viewers: viewersProc.pid,
      broker: brokerPid,
    });
    const t0 = performance.now();
    const fromUs = hrUs();
    const notifiedBefore = wechat?.delivered.length ?? 0;
    const producedBefore = producedTotal;
    let stepProduced = 0;
    const onProgress = (m: { type: string; positions?: number }) => {
      if (m.type === 'progress') stepProduced = m.positions ?? 0;
    };
    simulator.on('message', onProgress);
    const done = nextMessage<StepProduced>(simulator, 'done', (seconds + 120) * 1000);
    simulator.send({ cmd: 'run' });
    const ingestLag: { t: number; v: number }[] = [];
    const alertsLag: { t: number; v: number }[] = [];
    let finished = false;
    let cut = false;
    void done.then(
      () => {
        finished = true;
      },
      () => {
        finished = true;
      },
    );
    while (!finished) {
      await sleep(1_000);
      const t = (performance.now() - t0) / 1000;
      const behind = producedBefore + stepProduced - (await ingestConsumed());
      const alertsBehind = await brokerLag(topics.positionsAccepted, alertsGroup).catch(() => Number.NaN);
      ingestLag.push({ t, v: behind / rate });
      alertsLag.push({ t, v: alertsBehind / rate });
      if (!cut && Math.max(behind, alertsBehind) / rate > RUNAWAY_LAG_S) {
        cut = true;
        simulator.send({ cmd: 'stop' });
      }
    }
    const produced = await done;
    simulator.off('message', onProgress);
    producedTotal = producedBefore + produced.positions;
    const toUs = hrUs();
    onWindow?.(fromUs, toUs);
    const split: CpuSplit = await cpu();
    const loadEnd = load1();
    const memory = Object.fromEntries(
      Object.entries(servicePids()).map(([k, pid]) => [k, pidMemory(pid)?.rss ?? Number.NaN]),
    );
    const alertsText1 = await scrape((services.get('alerts') as RunningService).base);
    const ingestText1 = await scrape((services.get('ingest') as RunningService).base);
    const delta = (a: MetricsText, b: MetricsText, name: string) => b.sum(name) - a.sum(name);
    const ingestSteps0 = ingestText0.by('ingest_step_duration_seconds_sum', 'step');
    const chunks: StepResult['chunks'] = {
      ingest: delta(ingestText0, ingestText1, 'ingest_chunk_duration_seconds_count'),
      ingestPositions: delta(ingestText0, ingestText1, 'ingest_positions_consumed_total'),
      ingestSeconds: delta(ingestText0, ingestText1, 'ingest_chunk_duration_seconds_sum'),
      ingestSteps: Object.fromEntries(
        [...ingestText1.by('ingest_step_duration_seconds_sum', 'step')].map(([k, v]) => [
          k,
          v - (ingestSteps0.get(k) ?? 0),
        ]),
      ),
      alerts: delta(alertsText0, alertsText1, 'alerts_chunk_duration_seconds_count'),
      alertsPositions: delta(alertsText0, alertsText1, 'alerts_positions_evaluated_total'),
      alertsSeconds: delta(alertsText0, alertsText1, 'alerts_chunk_duration_seconds_sum'),
    };
    const raisedBy = (text: MetricsText) => text.by('alerts_raised_total', 'kind');
    const r0 = raisedBy(alertsText0);
    const alertsByKind: Record<string, number> = {};
    for (const [k, v] of raisedBy(alertsText1)) {
      const d = v - (r0.get(k) ?? 0);
      if (d > 0) alertsByKind[k] = d;
    }
    for (const [key, at] of produced.produced) producedAt.set(key, { at, step: index });
    const viewers = await markViewers();
    collectSeen(viewers);
    const elapsed = produced.seconds;
    const ingest = lagVerdict(ingestLag, elapsed);
    const alerts = lagVerdict(alertsLag, elapsed);
    const achieved = produced.positions / elapsed;
    const result: StepResult = {
      index,
      rate,
      seconds: elapsed,
      positions: produced.positions,
      achieved,
      generatedMs: prepared.generatedMs,
      drainedBefore: drained,
      ingest,
      alerts,
      ingestLagSeries: ingestLag,
      alertsLagSeries: alertsLag,
      cut,
      producerShort: achieved < 0.95 * rate || produced.seconds < seconds * 0.95,
      lateSends: produced.lateSends,
      cpu: split,
      memory,
      alertsByKind,
      notifications: (wechat?.delivered.length ?? 0) - notifiedBefore,
      chunks,
      frames: viewers.frames,
      streamsOpen: viewers.streamsOpen,
      reopened: viewers.reopened,
      views: viewers.views,
      load: [loadStart, loadEnd],
      latencies: [],
      missed: 0,
    };
    result.sustained = !ingest.grows && !alerts.grows && !cut && !result.producerShort;
    return result;
  }

  /** Latencies of the sampled fixes produced in each step (seen in any later view response). */
  function attachLatencies(results: StepResult[]) {
    for (const r of results) {
      r.latencies = [];
      r.missed = 0;
    }
    for (const [key, p] of producedAt) {
      const r = results.find((x) => x.index === p.step);
      if (!r) continue;
      const seen = seenAt.get(key);
      if (seen === undefined) r.missed++;
      else r.latencies.push(seen - p.at);
    }
  }

  // ---- 3. the sweep --------------------------------------------------------------
  const results: StepResult[] = [];
  for (const [i, rate] of STEPS.entries()) {
    say(`step ${i + 1}: ${fmt(rate)} positions/s for ${STEP_S} s…`);
    const r = await runStep(i, rate, STEP_S);
    results.push(r);
    attachLatencies(results);
    const pct = summarize(r.latencies);
    say(
      `   produced ${fmt(r.positions)} (${fmt(r.achieved)}/s, ${r.lateSends} late sends, generated in ${fmt(r.generatedMs)} ms); ` +
        `ingest lag at end ${r.ingest.endLag.toFixed(2)} s (slope ${r.ingest.slope.toFixed(3)}), alerts lag ${r.alerts.endLag.toFixed(2)} s (slope ${r.alerts.slope.toFixed(3)}) → ${r.sustained ? 'sustained' : 'NOT sustained'}${r.cut ? ' (cut short)' : ''}; ` +
        `view latency p50 ${fmt(pct.p50)} ms p99 ${fmt(pct.p99)} ms (${r.latencies.length} fixes so far); alerts ${JSON.stringify(r.alertsByKind)}; frames ${fmt(r.frames)}; views ${JSON.stringify(r.views)}; load ${r.load.map((l) => l.toFixed(2)).join('→')}`,
    );
    say(
      `   CPU (cores): ${Object.entries({ ...r.cpu.own, ...r.cpu.infra })
        .map(([k, v]) => `${k} ${v.toFixed(2)}`)
        .join(
          ', ',
        )}, rest ${r.cpu.rest.toFixed(2)}; machine busy ${r.cpu.machineBusy.toFixed(2)} of ${r.cpu.cores}`,
    );
    if (!r.sustained) break;
  }
  // Everything produced is stored once the consumers caught up (a check that nothing was lost).
  const caughtUp = await waitDrained(STEPS[0] ?? 1000, 90_000);
  const rawSpread = `${platforms} platforms, ${await describeSpread(admin, topics.positionsRaw)}`;
  say(`positions.raw keyed by platform id: ${rawSpread}`);
  await sleep(3_000);
  collectSeen(await markViewers());
  attachLatencies(results);
  const sustained = [...results].reverse().find((r) => r.sustained);
  const stored = {
    produced: producedTotal,
    caughtUp,
    positions: await countRows(infra.databaseUrl, `"${iso.schema}".positions`),
    alerts: await countRows(infra.databaseUrl, `"${iso.schema}".alerts`),
  };
  say(
    `stored: ${fmt(stored.positions)} of ${fmt(stored.produced)} positions produced${caughtUp ? '' : ' (the consumers had not caught up after 90 s)'}, ${fmt(stored.alerts)} alerts`,
  );

  // ---- 4. profile of the busiest service -------------------------------------------
  // Peak memory of the services through the sweep (before one is restarted for the profile).
  const peak = Object.fromEntries(
    Object.entries(servicePids()).map(([k, pid]) => [k, pidMemory(pid)?.peak ?? Number.NaN]),
  );
  let profile: E2eReport['profile'];
  if (PROFILE) {
    const at = sustained ?? (results[0] as StepResult);
    const names: readonly ServiceName[] = SERVICE_NAMES;
    const busiest = names.includes(args.profile as ServiceName)
      ? (args.profile as ServiceName)
      : names.reduce((a, b) => ((at.cpu.own[b] ?? 0) > (at.cpu.own[a] ?? 0) ? b : a));
    say(
      `profile: ${busiest} (${(at.cpu.own[busiest] ?? 0).toFixed(2)} cores at ${fmt(at.rate)}/s) restarted under --cpu-prof…`,
    );
    const old = services.get(busiest) as RunningService;
    if (busiest === 'ingest') consumedBefore = await ingestConsumed();
    await stopProcess(old.proc);
    // One folder per profile: node writes one file per thread (the tsx loader runs in a worker).
    const name = `e2e-${busiest}-${new Date().toISOString().slice(0, 19).replace(/[-:]/g, '')}`;
    const dir = join(REPO, '.cache', 'profiles', name);
    services.set(busiest, await startService(busiest, old.env, ['--cpu-prof', `--cpu-prof-dir=${dir}`]));
    await sleep(3_000);
    let window = { fromUs: 0, toUs: 0 };
    const step = await runStep(results.length, at.rate, PROFILE_S, (fromUs, toUs) => {
      window = { fromUs, toUs };
    });
    const profiled = services.get(busiest) as RunningService;
    await stopProcess(profiled.proc);
    services.delete(busiest);
    // The main thread's file: CPU.<date>.<time>.<pid>.0.<seq>.cpuprofile (thread id 0).
    const main = readdirSync(dir).find((f) => f.includes(`.${profiled.proc.pid}.0.`));
    if (!main) throw new Error(`no main-thread profile in ${dir}: ${readdirSync(dir).join(', ')}`);
    const summary = summariseProfile(join(dir, main), window, REPO);
    profile = {
      service: busiest,
      chosen: names.includes(args.profile as ServiceName),
      file: join('.cache', 'profiles', name, main),
      base: at,
      step,
      summary,
    };
    say(
      `   ${busiest} profile: ${fmt(summary.totalMs)} ms sampled in the step; self: ${summary.self
        .slice(0, 6)
        .map((f) => `${f.frame} ${(f.share * 100).toFixed(1)}%`)
        .join('; ')}`,
    );
    say(
      `   by origin: ${summary.byOrigin.map((f) => `${f.frame} ${(f.share * 100).toFixed(1)}%`).join('; ')}`,
    );
  }

  // ---- report ------------------------------------------------------------------------
  const report: E2eReport = {
    loadAtStart,
    loadAtEnd: loadavg(),
    infraMode: infra.mode,
    kafka: describeKafka(infra),
    pgVersion: await pgVersion(infra.databaseUrl),
    redisVersion: /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'n/a',
    partitions: PARTITIONS,
    rawSpread,
    sendsPerS: SENDS_PER_S,
    trucks: fleet.trucks,
    sharesPerTruck: SHARES_PER_TRUCK,
    viewers: fleet.viewers.length,
    viewPollS: VIEW_POLL_MS / 1000,
    sample: sampleIdx.length,
    samplePollMs: SAMPLE_POLL_MS,
    tickMs: TICK_MS,
    lagLimitS: LAG_LIMIT_S,
    slopeLimit: SLOPE_LIMIT,
    runawayLagS: RUNAWAY_LAG_S,
    stepSeconds: STEP_S,
    results,
    sustained,
    peakRss: peak,
    profile,
    runSeconds: (performance.now() - runStart) / 1000,
    stored,
    notifications: wechat ? wechatCounts(wechat) : { total: 0, duplicates: 0 },
  };
  const lines = reportLines(report);
  // The sweep as a picture, with its figures as JSON (plot-sweep.ts redraws it from them).
  const sweep = sweepFromReport(report, `${new Date().toISOString().slice(0, 16)}Z`);
  const plotted = writeSweep(
    args['dry-run'] ? join(REPO, '.cache', 'bench-e2e') : import.meta.dirname,
    sweep,
  );
  say(`sweep drawn: ${plotted}`);
  say(
    writeBenchmarkUnlessDry(
      { id: 'e2e', lines, headline: reportHeadline(report), change: args.change },
      args['dry-run'],
    ),
  );
  say(
    `run time ${((performance.now() - runStart) / 1000).toFixed(0)} s; service logs in ${LOG_DIR}/e2e-*.log`,
  );
} finally {
  if (resetTimer) clearInterval(resetTimer);
  for (const c of children) c.kill();
  for (const name of ['notifier', 'share', 'alerts', 'bindings', 'ingest'] as ServiceName[]) {
    const s = services.get(name);
    if (s) await stopProcess(s.proc, 10_000);
  }
  await wechat?.stop().catch(() => undefined);
  await admin.disconnect().catch(() => undefined);
  await unlinkMatching(redis, `${iso.redisPrefix}*`, 5000).catch(() => undefined);
  redis.disconnect();
  await iso.dropSchema().catch(() => undefined);
  await running.stop();
}
process.exit(0);

async function countRows(url: string, table: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  } finally {
    await c.end();
  }
}

async function pgVersion(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return String((await c.query('SHOW server_version')).rows[0].server_version);
  } finally {
    await c.end();
  }
}
