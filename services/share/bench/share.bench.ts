/**
 * npm run bench:share [-- --views 1000 --streams 50000 --tick-ms 30000 --ticks 1 --rate 30000]
 * (PG_POOL_SIZE and SHARE_* variables tune the service under test)
 *
 * Against the local infrastructure (startInfra), in an isolated schema, topic
 * set and Redis prefix, with the share service running in this process and
 * listening on a free port, bindings learned from bindings.events produced
 * here, every shared vehicle with a last position in Redis and three alerts:
 *
 * 1. View throughput: GET /v1/shares/{token} cycling over `--views` shares,
 *    each claimed by its own viewer (shares and claims made through the
 *    service's use cases), vs a fastify hello-world route of this process on
 *    another port; autocannon in a worker thread, same connections and
 *    duration for both: req/s, p50/p99, view ÷ hello-world.
 * 2. SSE: `--streams` concurrent GET /v1/shares/{token}/stream over real
 *    loopback sockets, opened by `--clients` child processes (raised fd
 *    limit, keep-alive agents). The frame period is `--tick-ms` (production
 *    30 s) on the hub's timer wheel; for every frame of `--ticks` whole
 *    periods, the delay between the scheduled time of the tick that wrote it
 *    (read from the hub, matched by SSE id) and the client's receipt; RSS and
 *    heap of this process per connection; tick durations. The shares beyond
 *    the first `--views` are inserted directly into the shares table.
 * 3. Freshness: the ingest service (child process) and the share service on
 *    the same infrastructure; a child process produces simulator batches to
 *    positions.raw at `--rate` positions/s for `--seconds` s (after a warm-up)
 *    and polls the views of `--sample` shared vehicles every `--poll-ms`: for
 *    each new fix, batch produced → first view showing its gnssTime.
 * Writes its section of BENCHMARKS.md, with a row in its changelog.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  authConfig,
  createKafka,
  createLogger,
  createPgPool,
  fmt,
  fmtMs,
  lastPositionKey,
  migrate,
  mintToken,
  Progress,
  parseCliArgs,
  producerConfig,
  Redis,
  sleep,
  topicNames,
  vehicleKey,
} from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { createFleet } from '@safewatch/simulator';
import {
  BENCH_PLATFORMS,
  changelogOptions,
  coresBetween,
  cpuByCommand,
  describeSpread,
  INFRA_ENV,
  isolate,
  loadGeneratorOptions,
  nextMessage,
  Percentiles,
  pidCpuSeconds,
  startInfra,
  startProfiler,
  summarize,
  threadCpuSeconds,
  unlinkMatching,
  writeBenchmark,
} from '@safewatch/testkit';
import autocannonPackage from 'autocannon/package.json' with { type: 'json' };
import Fastify from 'fastify';
import type { StreamHubOptions, TickStats } from '../src/adapters/stream-hub.js';
import { createShareApp, type ShareApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { hashShareToken } from '../src/domain/share.rules.js';
import { createShare } from '../src/usecases/driver-shares.usecase.js';
import { claimShare } from '../src/usecases/viewer.usecase.js';
import type { FreshnessPlan, FreshnessResult } from './freshness.child.js';
import { type LoadResult, runLoad } from './load.js';

const { values: args } = parseCliArgs({
  name: 'bench:share',
  summary: `Measures the share service: 1. GET /v1/shares/{token} against a hello-world route (req/s, p50/p99);
2. concurrent SSE streams (delivery delay after each tick, memory per connection); 3. freshness, batch
produced → visible in the view, with ingest running; writes BENCHMARKS.md.`,
  options: {
    ...loadGeneratorOptions({ connections: 32, duration: 10, warmup: 2 }, 'row of 1.'),
    views: {
      type: 'number',
      integer: true,
      min: 1,
      default: 1000,
      placeholder: 'N',
      description: 'shares created and claimed through the use cases, cycled over (1.)',
    },
    streams: {
      type: 'number',
      integer: true,
      min: 1,
      default: 50000,
      placeholder: 'N',
      description: 'concurrent streams, limited by the open files limit (2.)',
    },
    clients: {
      type: 'number',
      integer: true,
      min: 1,
      default: 2,
      placeholder: 'N',
      description: 'client processes opening the streams (2.)',
    },
    'tick-ms': {
      type: 'number',
      integer: true,
      min: 1,
      default: 30000,
      placeholder: 'MS',
      description: 'frame period of the streams, ms (production 30,000) (2.)',
    },
    ticks: {
      type: 'number',
      integer: true,
      min: 1,
      default: 1,
      placeholder: 'N',
      description: 'whole periods measured (2.)',
    },
    rate: {
      type: 'number',
      integer: true,
      min: 1,
      default: 30000,
      placeholder: 'N',
      description: 'positions per second produced (3.)',
    },
    seconds: {
      type: 'number',
      integer: true,
      min: 1,
      default: 30,
      placeholder: 'S',
      description: 'seconds measured after a 5 s warm-up (3.)',
    },
    sample: {
      type: 'number',
      integer: true,
      min: 1,
      default: 10,
      placeholder: 'N',
      description: 'shared vehicles whose views are polled (3.)',
    },
    'poll-ms': {
      type: 'number',
      integer: true,
      min: 1,
      default: 50,
      placeholder: 'MS',
      description: 'poll period of the views, ms (3.)',
    },
    partitions: {
      type: 'number',
      integer: true,
      min: 1,
      default: 4,
      placeholder: 'N',
      description: 'partitions of the topics',
    },
    'view-only': {
      type: 'boolean',
      description: 'measure the view throughput only (quick iterations); BENCHMARKS.md is left as it is',
    },
    ...changelogOptions,
  },
  env: {
    ...INFRA_ENV,
    'PG_POOL_SIZE, SHARE_*': 'settings of the share service under test',
    TRUST_PROXY: 'proxy addresses the service trusts for x-forwarded-for (default 127.0.0.1)',
    BENCH_PRINT_VIEW: 'print one view answer',
  },
});
const VIEW_ONLY = args['view-only'];
const CONNECTIONS = args.connections;
const DURATION_S = args.duration;
const WARMUP_S = args.warmup;
const VIEWS = args.views;
const STREAMS_WANTED = args.streams;
const CLIENTS = args.clients;
const TICK_MS = args['tick-ms'];
const TICKS = args.ticks;
const RATE = args.rate;
const FRESH_S = args.seconds;
const FRESH_WARMUP_S = 5;
const SAMPLE = args.sample;
const POLL_MS = args['poll-ms'];
const PARTITIONS = args.partitions;
/** One fix per truck per second: `RATE` trucks give `RATE` positions/s with GNSS times that keep up with the clock. */
const FIX_INTERVAL_S = 1;
const FLEET_SEED = 20261121;
/** Producer sends per simulator tick (per second), spread evenly over it. */
const SENDS_PER_TICK = 2;
const SHARES_PER_VEHICLE = 3; // S3
/** Streams per client source address: the service limits stream opens per client IP per minute (30–60). */
const STREAMS_PER_ADDRESS = 25;
const FD_LIMIT = 262_144;
const BENCH_JWT_SECRET = 'share-bench-secret-0123456789abcdefghij';
const REPO = join(import.meta.dirname, '..', '..', '..');

const logger = createLogger('bench', 'warn');
const say = (s: string) => process.stdout.write(`${s}\n`);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const wallOf = (perfMs: number) => performance.timeOrigin + perfMs;
const load1 = () => loadavg()[0] ?? 0;
const pct = (s: { hits: number; misses: number } | undefined) =>
  s ? `${((100 * s.hits) / Math.max(1, s.hits + s.misses)).toFixed(1)} %` : 'n/a';

// A full collection before each memory reading (the root script cannot pass --expose-gc).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function openFilesLimit(pid: number | 'self'): string {
  const line = readFileSync(`/proc/${pid}/limits`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  const [soft, hard] = line?.split(/\s{2,}/).slice(1, 3) ?? [];
  return `${soft}/${hard}`;
}

// The share server holds every stream's socket: this process needs more descriptors than the
// shell's limit; prlimit raises it for the running process (allowed to root / CAP_SYS_RESOURCE).
const fdBefore = openFilesLimit('self');
const raised = spawnSync('prlimit', ['--pid', String(process.pid), `--nofile=${FD_LIMIT}:${FD_LIMIT}`]);
const fdServer = openFilesLimit('self');
const prlimitError = raised.status === 0 ? '' : raised.stderr.toString().trim();
say(
  `open files limit of the benchmark process (server): ${fdBefore} → ${fdServer}${prlimitError ? ` (prlimit failed: ${prlimitError})` : ''}`,
);
/** Every stream is a socket of this process: what the descriptor limit leaves after what the bench itself uses. */
const FD_HEADROOM = 400;
const fdSoft = Number(fdServer.split('/')[0]) || Number.POSITIVE_INFINITY;
const STREAMS = Math.min(STREAMS_WANTED, fdSoft - FD_HEADROOM);
if (STREAMS < STREAMS_WANTED)
  say(
    `streams limited by the open files limit: ${STREAMS} of ${STREAMS_WANTED} (limit ${fdSoft} - ${FD_HEADROOM} for the bench's own descriptors)`,
  );
const VEHICLES = VIEW_ONLY ? VIEWS : Math.max(VIEWS, Math.ceil(STREAMS / SHARES_PER_VEHICLE));
const TRUCKS = VIEW_ONLY ? VEHICLES : Math.max(RATE * FIX_INTERVAL_S, VEHICLES);

const loadAtStart = loadavg();
say(`load average at start: ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`);
const running = await startInfra(process.env, 'bench');
const { infra } = running;
const iso = isolate('bench-share', infra);
const overrides = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => k === 'PG_POOL_SIZE' || k.startsWith('SHARE_')),
);
const cfg = loadConfig({
  ...overrides,
  KAFKA_BROKERS: infra.kafkaBrokers.join(','),
  KAFKA_TOPIC_PREFIX: iso.topicPrefix,
  DATABASE_URL: infra.databaseUrl,
  PG_SCHEMA: iso.schema,
  REDIS_URL: infra.redisUrl,
  REDIS_KEY_PREFIX: iso.redisPrefix,
  JWT_SECRET: BENCH_JWT_SECRET,
  SHARE_GROUP_ID: `bench-share-${iso.id}`,
  SHARE_STREAM_TICK_MS: String(TICK_MS),
  SHARE_STREAM_MAX_CONNECTIONS: String(Math.max(STREAMS + 1_000, 60_000)),
  // As behind a load balancer: the loopback "proxy" (the load generators) reports client addresses.
  TRUST_PROXY: process.env.TRUST_PROXY ?? '127.0.0.1',
  LOG_LEVEL: 'warn',
});
/** A distinct client address per viewer (x-forwarded-for through the trusted loopback proxy). */
const clientAddress = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
const auth = authConfig(cfg);
const bearer = (sub: string, role: 'driver' | 'family') =>
  `Bearer ${mintToken(auth, { sub, role }, 4 * 3600)}`;
const db = createPgPool(
  { databaseUrl: infra.databaseUrl, schema: iso.schema, poolSize: 4, applicationName: 'bench-setup' },
  () => undefined,
);
const redis = new Redis(infra.redisUrl);
const kafka = createKafka({ brokers: infra.kafkaBrokers, clientId: 'bench-share', logger });
const producer = kafka.producer(producerConfig());
const hello = Fastify({ logger: false });
const children = new Set<ChildProcess>();
let app: ShareApp | undefined;
let resetTimer: NodeJS.Timeout | undefined;

/** Spawns a bench child (node + tsx) with an IPC channel, optionally with a raised fd limit. */
function spawnChild(file: string, env: Record<string, string> = {}, nofile?: number): ChildProcess {
  const node = [
    process.execPath,
    '--max-semi-space-size=64',
    '--import',
    'tsx',
    '--conditions=source',
    join(import.meta.dirname, file),
  ];
  const script = nofile
    ? `ulimit -n ${nofile} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" "$@"`
    : 'exec "$0" "$@"';
  const child = spawn('bash', ['-c', script, ...node], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/**
 * The view's rate limits (per client address and per link, each some tens of requests per
 * minute) are far below what one load-generating viewer sends: during the HTTP measures the
 * bench deletes the limiter's Redis counters every RATE_LIMIT_RESET_MS. The limiters still run
 * on every request; they just never refuse.
 */
const RATE_LIMIT_RESET_MS = 2_000;
async function resetRateLimits() {
  await unlinkMatching(redis, `${iso.redisPrefix}ratelimit:*`);
}
function keepResettingRateLimits(everyMs: number) {
  resetTimer = setInterval(() => void resetRateLimits().catch(() => undefined), everyMs);
}
function stopResettingRateLimits() {
  if (resetTimer) clearInterval(resetTimer);
  resetTimer = undefined;
}

/**
 * Cores used from now until the returned function is called: this process (the share
 * server), each labelled child process, and other processes by command name. Other
 * processes named node are left out (tests of other work on the same machine come and go).
 */
async function cpuMeter(children: Record<string, (number | undefined)[]>) {
  const machine = await cpuByCommand();
  const own = process.cpuUsage();
  const sumOf = (pids: (number | undefined)[]) =>
    pids.reduce((s: number, p) => s + (pidCpuSeconds(p) ?? 0), 0);
  const before = Object.fromEntries(Object.entries(children).map(([k, pids]) => [k, sumOf(pids)]));
  const t0 = performance.now();
  return async () => {
    const seconds = (performance.now() - t0) / 1000;
    const used = process.cpuUsage(own);
    const others = coresBetween(machine, await cpuByCommand(), seconds).filter((r) => r.command !== 'node');
    return [
      `share process ${((used.user + used.system) / 1e6 / seconds).toFixed(2)}`,
      ...Object.entries(children).map(
        ([k, pids]) => `${k} ${((sumOf(pids) - (before[k] ?? 0)) / seconds).toFixed(2)}`,
      ),
      ...others.slice(0, 4).map((r) => `${r.command} ${r.cores.toFixed(2)}`),
    ].join(', ');
  };
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}
const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);

try {
  // ---- setup ---------------------------------------------------------------
  const setupStart = performance.now();
  await migrate({
    databaseUrl: infra.databaseUrl,
    schema: iso.schema,
    dir: join(import.meta.dirname, '..', 'migrations'),
    service: 'share',
    logger,
  });
  await migrate({
    databaseUrl: infra.databaseUrl,
    schema: iso.schema,
    dir: join(REPO, 'services', 'ingest', 'migrations'),
    service: 'ingest',
    logger,
  });
  await iso.createTopics(Object.values(topicNames()), PARTITIONS);
  await producer.connect();

  // The simulator's trucks are the fleet: the first VEHICLES of them are bound (one driver each) and shared.
  const fleetNow = Date.now();
  const { trucks, platformIds } = createFleet({
    seed: FLEET_SEED,
    trucks: TRUCKS,
    startTimeMs: fleetNow,
    fixIntervalS: FIX_INTERVAL_S,
    badRate: 0,
    platforms: BENCH_PLATFORMS,
  });
  const vehicles = trucks.slice(0, VEHICLES).map((t, i) => ({
    index: i,
    vehicleId: randomUUID(),
    driverId: `bench-driver-${i}`,
    plateNumber: t.plateNumber,
    plateColor: t.plateColor,
    key: vehicleKey(t.plateNumber, t.plateColor),
  }));

  app = await createShareApp(cfg, logger);
  // Tick timestamps: the hub reports a tick's stats when it ends (onTick); when it starts and
  // when it was due are read by wrapping its tick method. Both are private: bench-only access.
  const hub = app.hub as unknown as {
    opts: StreamHubOptions;
    nextTickAt: number;
    period: number;
    slots: number;
    tickRunning: Promise<void> | undefined;
    tick: () => void;
    connections: number;
  };
  const tickLog: { dueAt: number; startedAt: number; stats?: TickStats; endedAt?: number }[] = [];
  const hubTick = hub.tick.bind(app.hub);
  hub.tick = () => {
    const startedAt = performance.now();
    // onTimer has already moved nextTickAt one period on when it calls tick().
    if (!hub.tickRunning)
      tickLog.push({ dueAt: Math.min(hub.nextTickAt - hub.period, startedAt), startedAt });
    hubTick();
  };
  hub.opts.onTick = (stats) => {
    const last = tickLog[tickLog.length - 1];
    if (last) {
      last.stats = stats;
      last.endedAt = performance.now();
    }
  };
  await app.start();
  const shareUrl = await app.server.listen({ host: '127.0.0.1', port: 0 });
  const sharePort = Number(new URL(shareUrl).port);

  // Bindings, as the bindings service announces them.
  const bindingsFill = new Progress({
    label: 'setup: binding events',
    total: vehicles.length,
    unit: 'events',
    force: true,
  });
  for (let i = 0; i < vehicles.length; i += 1000) {
    await producer.send({
      topic: iso.topic('bindings.events'),
      acks: -1,
      messages: vehicles.slice(i, i + 1000).map((v) => ({
        key: v.key,
        value: Buffer.from(
          pb.BindingsEnvelope.encode({
            binding: {
              eventId: randomUUID(),
              type: 1,
              vehicle: { plateNumber: v.plateNumber, plateColor: v.plateColor },
              vehicleId: v.vehicleId,
              driverId: v.driverId,
              occurredAtMs: Date.now(),
            },
          }).finish(),
        ),
      })),
    });
    bindingsFill.update(Math.min(vehicles.length, i + 1000));
  }
  bindingsFill.finish(false);
  // Last positions (what ingest writes), 30 s old.
  for (let i = 0; i < vehicles.length; i += 2000) {
    const pipeline = redis.pipeline();
    for (const v of vehicles.slice(i, i + 2000)) {
      const t = Date.now() - 30_000;
      pipeline.hset(lastPositionKey(iso.redisPrefix, v.key), {
        t: String(t),
        p: Buffer.from(
          pb.Position.encode({
            plateNumber: v.plateNumber,
            plateColor: v.plateColor,
            gnssTimeMs: t,
            latE6: 36_651_200 + (v.index % 1000) * 500,
            lonE6: 117_120_000 + (v.index % 1000) * 500,
            speedDkmh: 785,
            headingDeg: 90,
          }).finish(),
        ),
      });
    }
    await pipeline.exec();
  }
  // Three alerts per vehicle of the view measure, through the alerts topic.
  const alertMessages = vehicles.slice(0, VIEWS).flatMap((v) => {
    const t = Date.now() - 40 * 60_000;
    const place = { latE6: 36_651_200, lonE6: 117_120_000 };
    const vehicle = { plateNumber: v.plateNumber, plateColor: v.plateColor };
    const speeding = { startMs: t, peakSpeedDkmh: 1150, limitKmh: 100, startPlace: place };
    return [
      { alertId: `sp-${v.index}-s`, vehicle, type: 1, phase: 1, source: 1, occurredAtMs: t, speeding },
      {
        alertId: `sp-${v.index}-e`,
        vehicle,
        type: 1,
        phase: 2,
        source: 3,
        occurredAtMs: t + 180_000,
        speeding: { ...speeding, endMs: t + 180_000, durationS: 180, endPlace: place },
      },
      {
        alertId: `fa-${v.index}-s`,
        vehicle,
        type: 2,
        phase: 1,
        source: 1,
        occurredAtMs: t + 600_000,
        fatigue: {
          drivingSinceMs: t - 4 * 3600_000,
          continuousDrivingS: 14_460,
          limitS: 14_400,
          place,
          headingDeg: 90,
          suggestedRestStops: [
            {
              id: 'rs-1',
              name: '济南东服务区司机之家',
              type: 3,
              location: { latE6: 36_690_000, lonE6: 117_200_000 },
              services: ['休息', '餐饮', '淋浴'],
              distanceM: 8_200,
            },
            {
              id: 'rs-2',
              name: '章丘物流园司机之家',
              type: 2,
              location: { latE6: 36_710_000, lonE6: 117_520_000 },
              services: ['休息', '停车'],
              distanceM: 21_500,
            },
          ],
        },
      },
    ].map((a) => ({ key: v.key, value: Buffer.from(pb.Alert.encode(a).finish()) }));
  });
  for (let i = 0; i < alertMessages.length; i += 1000)
    await producer.send({ topic: iso.topic('alerts'), acks: -1, messages: alertMessages.slice(i, i + 1000) });
  say(
    `setup: ${fmt(vehicles.length)} binding events and ${fmt(alertMessages.length)} alerts produced, ${fmt(vehicles.length)} last positions in Redis; waiting for the share service to consume them…`,
  );
  await waitUntil(
    'bindings and alerts consumed',
    async () =>
      (await count('SELECT count(*) AS n FROM current_bindings')) === vehicles.length &&
      (await count('SELECT count(*) AS n FROM vehicle_alerts')) === alertMessages.length,
    180_000,
  );
  // The other vehicles get the same three alerts (copied rows: the stream frames carry them too).
  const first = vehicles[0] as (typeof vehicles)[number];
  await db.query(
    `INSERT INTO vehicle_alerts (alert_id, vehicle_key, kind, phase, source, occurred_at, detail)
     SELECT a.alert_id || '@' || k.key, k.key, a.kind, a.phase, a.source, a.occurred_at, a.detail
       FROM vehicle_alerts a CROSS JOIN unnest($2::text[]) AS k(key) WHERE a.vehicle_key = $1`,
    [first.key, vehicles.slice(VIEWS).map((v) => v.key)],
  );

  // View shares: created and claimed through the service's use cases, one driver and one viewer each.
  const viewTargets: {
    path: string;
    authorization: string;
    forwardedFor: string;
    key: string;
    token: string;
  }[] = [];
  {
    let next = 0;
    const sharesFill = new Progress({
      label: 'setup: shares created and claimed',
      total: VIEWS,
      unit: 'shares',
      force: true,
    });
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < VIEWS) {
          const v = vehicles[next++] as (typeof vehicles)[number];
          const viewer = `bench-viewer-${v.index}`;
          const { token } = await createShare(app!.deps, v.driverId, v.vehicleId, '1m');
          await claimShare(app!.deps, token, viewer);
          viewTargets.push({
            path: `/v1/shares/${token}`,
            authorization: bearer(viewer, 'family'),
            forwardedFor: clientAddress(v.index),
            key: v.key,
            token,
          });
          sharesFill.update(viewTargets.length);
        }
      }),
    );
    sharesFill.finish(false);
  }
  await db.query('ANALYZE current_bindings, shares, vehicle_alerts, vehicle_reminders');
  say(
    `setup done in ${((performance.now() - setupStart) / 1000).toFixed(1)} s: ${fmt(VIEWS)} shares created and claimed (use cases); share service at ${shareUrl}, tick ${fmt(TICK_MS)} ms`,
  );

  // ---- 1. view throughput ----------------------------------------------------
  hello.get('/hello', async () => ({ hello: 'world' }));
  const helloUrl = await hello.listen({ host: '127.0.0.1', port: 0 });
  async function measure(label: string, plan: Parameters<typeof runLoad>[0]) {
    await resetRateLimits();
    const machineBefore = await cpuByCommand();
    const mainBefore = threadCpuSeconds();
    const processBefore = process.cpuUsage();
    const loadBefore = load1();
    const t0 = performance.now();
    const r = await runLoad(plan);
    const seconds = (performance.now() - t0) / 1000;
    const mainCores = (threadCpuSeconds() - mainBefore) / seconds;
    const used = process.cpuUsage(processBefore);
    const others = coresBetween(machineBefore, await cpuByCommand(), seconds).filter(
      (s) => s.command !== 'node',
    );
    const cpu = [
      `server main thread ${mainCores.toFixed(2)}`,
      `autocannon + other threads ${((used.user + used.system) / 1e6 / seconds - mainCores).toFixed(2)}`,
      ...others.slice(0, 3).map((s) => `${s.command} ${s.cores.toFixed(2)}`),
    ].join(', ');
    const rps = r.count / r.durationS;
    const cpuMs = (cores: number) => (1000 * cores) / rps;
    /** CPU per request, ms: the server's main thread, then Postgres and Redis where they did any work. */
    const perRequest = {
      main: fmtMs(cpuMs(mainCores)),
      infra: others
        .filter((o) => (o.command === 'postgres' || o.command === 'redis-server') && cpuMs(o.cores) >= 0.005)
        .map((o) => `, ${o.command} ${fmtMs(cpuMs(o.cores))} ms`)
        .join(''),
    };
    say(
      `${label}: ${fmt(rps)} req/s, p50 ${fmtMs(r.p50)} ms, p99 ${fmtMs(r.p99)} ms, statuses ${JSON.stringify(r.statuses)}, errors ${r.errors}, timeouts ${r.timeouts} · CPU (cores): ${cpu} · CPU per request: server main thread ${perRequest.main} ms${perRequest.infra} · load ${loadBefore.toFixed(2)}→${load1().toFixed(2)}`,
    );
    return { ...r, rps, cpu, perRequest, load: load1() };
  }
  say(
    `1. view throughput: autocannon ${autocannonPackage.version} in a worker thread, ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s`,
  );
  keepResettingRateLimits(RATE_LIMIT_RESET_MS);
  // One view answer, as the load generator receives it: its size and headers.
  const sample = viewTargets[0] as (typeof viewTargets)[number];
  const sampleRes = await fetch(new URL(sample.path, shareUrl), {
    headers: { authorization: sample.authorization, 'x-forwarded-for': sample.forwardedFor },
  });
  const sampleBody = Buffer.from(await sampleRes.arrayBuffer());
  const sampleHeaders: string[] = [];
  let sampleHeaderBytes = `HTTP/1.1 ${sampleRes.status} OK\r\n\r\n`.length;
  sampleRes.headers.forEach((v, k) => {
    sampleHeaders.push(k);
    sampleHeaderBytes += Buffer.byteLength(`${k}: ${v}\r\n`);
  });
  const viewAnswer = { headerBytes: sampleHeaderBytes, bodyBytes: sampleBody.length };
  say(
    `   one view answer: ${sampleRes.status}, headers ${viewAnswer.headerBytes} bytes (${sampleHeaders.join(', ')}), body ${viewAnswer.bodyBytes} bytes`,
  );
  if (process.env.BENCH_PRINT_VIEW) say(sampleBody.toString());
  // BENCH_PROFILE=<dir>/<name>: CPU profiles of the servers' thread, <dir>/<name>-hello-<time> and -view-<time>.cpuprofile.
  const profilePrefix = process.env.BENCH_PROFILE;
  const startProfile = (which: string) =>
    startProfiler(`${basename(profilePrefix as string)}-${which}`, {
      dir: dirname(profilePrefix as string),
      intervalUs: 200,
    });
  let profiler = profilePrefix ? await startProfile('hello') : undefined;
  const helloR = await measure('a. fastify hello-world', {
    url: helloUrl,
    connections: CONNECTIONS,
    durationS: DURATION_S,
    warmupS: WARMUP_S,
    path: '/hello',
  });
  if (profiler) {
    say(`CPU profile: ${await profiler.stop()}`);
    profiler = await startProfile('view');
  }
  const viewR = await measure('b. GET /v1/shares/{token}', {
    url: shareUrl,
    connections: CONNECTIONS,
    durationS: DURATION_S,
    warmupS: WARMUP_S,
    targets: viewTargets.map(({ path, authorization, forwardedFor }) => ({
      path,
      authorization,
      forwardedFor,
    })),
  });
  if (profiler) say(`CPU profile: ${await profiler.stop()}`);
  const cacheStats = {
    positions: app.deps.positions?.stats,
    readModel: app.deps.readModel?.stats,
  };
  say(`   caches after the view measure: ${JSON.stringify(cacheStats)}`);
  stopResettingRateLimits();
  await hello.close();
  const viewRatio = viewR.rps / helloR.rps;
  const viewOk = (r: LoadResult) =>
    r.errors === 0 && r.timeouts === 0 && Object.keys(r.statuses).every((s) => s === '200');
  say(`view ÷ hello-world: ${viewRatio.toFixed(2)} (target ≥ 0.4)`);
  if (VIEW_ONLY) {
    say('--view-only: BENCHMARKS.md left as it is');
    await cleanup();
    process.exit(0);
  }

  // ---- 2. SSE ------------------------------------------------------------------
  say(`2. SSE: preparing ${fmt(STREAMS)} claimed shares (${fmt(VIEWS)} from the view measure)…`);
  const streamTargets: [token: string, bearer: string][] = viewTargets
    .slice(0, Math.min(VIEWS, STREAMS))
    .map((t) => [t.token, t.authorization]);
  {
    const now = new Date();
    const expires = new Date(now.getTime() + 30 * 86_400_000);
    const rows: {
      hash: string;
      driver: string;
      vehicle: string;
      plate: string;
      color: number;
      viewer: string;
    }[] = [];
    for (const v of vehicles) {
      const existing = v.index < VIEWS ? 1 : 0;
      for (let s = existing; s < SHARES_PER_VEHICLE && streamTargets.length < STREAMS; s++) {
        const token = randomBytes(32).toString('base64url');
        const viewer = `bench-sse-viewer-${rows.length}`;
        rows.push({
          hash: hashShareToken(token).toString('hex'),
          driver: v.driverId,
          vehicle: v.vehicleId,
          plate: v.plateNumber,
          color: v.plateColor,
          viewer,
        });
        streamTargets.push([token, bearer(viewer, 'family')]);
      }
    }
    const sseFill = new Progress({
      label: '   shares inserted',
      total: rows.length,
      unit: 'shares',
      force: true,
    });
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000);
      await db.query(
        `INSERT INTO shares (token_hash, driver_id, vehicle_id, plate_number, plate_color, duration,
                             created_at, expires_at, claimed_by, claimed_at)
         SELECT decode(h, 'hex'), d, v, p, c, '1m', $7, $8, w, $7
           FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::smallint[], $6::text[]) AS t(h, d, v, p, c, w)`,
        [
          chunk.map((r) => r.hash),
          chunk.map((r) => r.driver),
          chunk.map((r) => r.vehicle),
          chunk.map((r) => r.plate),
          chunk.map((r) => r.color),
          chunk.map((r) => r.viewer),
          now,
          expires,
        ],
      );
      sseFill.update(i + chunk.length);
    }
    sseFill.finish(false);
    await db.query('ANALYZE shares');
    say(
      `   ${fmt(rows.length)} more shares inserted directly into the shares table (claimed, 3 per vehicle at most)`,
    );
  }
  const activePerVehicle = Number(
    (
      await db.query(
        'SELECT max(n) AS n FROM (SELECT count(*) AS n FROM shares WHERE ended_at IS NULL GROUP BY vehicle_id) x',
      )
    ).rows[0].n,
  );
  if (activePerVehicle > SHARES_PER_VEHICLE) throw new Error(`S3 broken by the setup: ${activePerVehicle}`);

  gc();
  const memBefore = process.memoryUsage();
  const perClient = Math.ceil(streamTargets.length / CLIENTS);
  const clients = Array.from({ length: CLIENTS }, () => spawnChild('sse.client.ts', {}, FD_LIMIT));
  await Promise.all(clients.map((c) => nextMessage(c, 'ready', 60_000)));
  const fdClients = clients.map((c) => openFilesLimit(c.pid as number));
  say(`   ${CLIENTS} client processes, open files limit ${fdClients.join(', ')}; opening streams…`);
  type Progress = {
    opened: number;
    firstFrames: number;
    failed: number;
    statuses: Record<string, number>;
    errors: Record<string, number>;
    ended: number;
    closedEarly: number;
  };
  const progress = new Map<ChildProcess, Progress>();
  for (const c of clients)
    c.on('message', (m: { type: string } & Progress) => {
      if (m.type === 'progress') progress.set(c, m);
    });
  const sum = (k: 'opened' | 'firstFrames' | 'failed' | 'closedEarly' | 'ended') =>
    [...progress.values()].reduce((s, p) => s + p[k], 0);
  const merge = (k: 'statuses' | 'errors') => {
    const out: Record<string, number> = {};
    for (const p of progress.values()) for (const [s, n] of Object.entries(p[k])) out[s] = (out[s] ?? 0) + n;
    return out;
  };
  const openStart = performance.now();
  const openedAll = Promise.all(clients.map((c) => nextMessage(c, 'opened', 400_000)));
  clients.forEach((c, i) => {
    c.send({
      cmd: 'open',
      port: sharePort,
      targets: streamTargets.slice(i * perClient, (i + 1) * perClient),
      concurrency: 64,
      perAddress: STREAMS_PER_ADDRESS,
      addressBase: 10 + i,
    });
  });
  const progressTimer = setInterval(() => {
    say(
      `   ${((performance.now() - openStart) / 1000).toFixed(0)} s: ${fmt(sum('opened'))} open (hub ${fmt(hub.connections)}), ${fmt(sum('firstFrames'))} first frames, ${fmt(sum('failed'))} failed · load ${load1().toFixed(2)}`,
    );
  }, 5_000);
  await openedAll;
  clearInterval(progressTimer);
  const openSeconds = (performance.now() - openStart) / 1000;
  await sleep(1_000);
  const opened = sum('opened');
  say(
    `   opened ${fmt(opened)} of ${fmt(streamTargets.length)} in ${openSeconds.toFixed(1)} s (${fmt(opened / openSeconds)}/s); hub ${fmt(hub.connections)}; first frames ${fmt(sum('firstFrames'))}; statuses ${JSON.stringify(merge('statuses'))}; errors ${JSON.stringify(merge('errors'))}`,
  );
  gc();
  const memOpen = process.memoryUsage();
  const connections = hub.connections;
  const fdsInUse = readdirSync('/proc/self/fd').length;
  const perConn = (a: number, b: number) => (connections > 0 ? (b - a) / connections : Number.NaN);
  say(`   descriptors of the server process in use: ${fmt(fdsInUse)} (limit ${fdServer})`);
  say(
    `   server memory: RSS ${mib(memBefore.rss)} → ${mib(memOpen.rss)} (${kib(perConn(memBefore.rss, memOpen.rss))}/connection), heap used ${mib(memBefore.heapUsed)} → ${mib(memOpen.heapUsed)} (${kib(perConn(memBefore.heapUsed, memOpen.heapUsed))}/connection)`,
  );

  // Measure whole periods of the timer wheel (every slot once per period): start recording once
  // a tick has ended; a frame is attributed to the tick whose id range (hub stats) holds its id.
  const SLOTS = hub.slots;
  const MEASURED = TICKS * SLOTS;
  const ticksBefore = tickLog.length;
  await waitUntil('a tick to end', async () => tickLog.length > ticksBefore && !hub.tickRunning, 4 * TICK_MS);
  for (const c of clients) c.send({ cmd: 'measure' });
  const firstMeasured = tickLog.length;
  const sseLoadBefore = load1();
  const sseCpuMeter = await cpuMeter({ 'client processes': clients.map((c) => c.pid) });
  await waitUntil(
    `${MEASURED} ticks (${TICKS} period${TICKS > 1 ? 's' : ''} of ${SLOTS} slots)`,
    async () =>
      tickLog.length >= firstMeasured + MEASURED &&
      tickLog[firstMeasured + MEASURED - 1]?.stats !== undefined,
    (TICKS + 2) * TICK_MS * 3,
  );
  // Frames of the last measured tick still in flight.
  await sleep(Math.max(1_500, hub.period));
  const sseCpu = await sseCpuMeter();
  const sseLoad = load1();
  const memTick = process.memoryUsage();
  const reports = await Promise.all(
    clients.map((c) => {
      const r = nextMessage<{ arrivals: number[] }>(c, 'arrivals', 60_000);
      c.send({ cmd: 'report' });
      return r;
    }),
  );
  const measuredTicks = tickLog.slice(firstMeasured, firstMeasured + MEASURED);
  const delays: number[] = [];
  const afterStart: number[] = [];
  const perTick = measuredTicks.map(() => 0);
  const ranges = measuredTicks.map((t, k) => ({
    k,
    t,
    from: t.stats?.frameIdFrom ?? 0,
    to: t.stats?.frameIdTo ?? 0,
  }));
  for (const r of reports) {
    for (let i = 0; i + 1 < r.arrivals.length; i += 2) {
      const id = r.arrivals[i] as number;
      const at = r.arrivals[i + 1] as number;
      const hit = ranges.find((x) => id > x.from && id <= x.to);
      if (!hit) continue;
      perTick[hit.k] = (perTick[hit.k] as number) + 1;
      delays.push(at - wallOf(hit.t.dueAt));
      afterStart.push(at - wallOf(hit.t.startedAt));
    }
  }
  const delayStats = new Percentiles().recordAll(delays);
  const tickMs = measuredTicks.map((t) => t.stats?.ms ?? Number.NaN);
  const expectedFrames = measuredTicks.reduce((s, t) => s + (t.stats?.written ?? 0), 0);
  const sse = {
    opened,
    connections,
    openSeconds,
    frames: delays.length,
    expectedFrames,
    perTick,
    p50: delayStats.percentile(50),
    p99: delayStats.percentile(99),
    max: delayStats.max,
    within1s: delays.filter((d) => d <= 1000).length,
    startP99: new Percentiles().recordAll(afterStart).percentile(99),
    timerLateMax: Math.max(...measuredTicks.map((t) => t.startedAt - t.dueAt)),
    tickMs,
    ticks: measuredTicks.map((t) => t.stats),
    memBefore,
    memOpen,
    memTick,
    rssPerConn: perConn(memBefore.rss, memOpen.rss),
    heapPerConn: perConn(memBefore.heapUsed, memOpen.heapUsed),
    cpu: sseCpu,
    load: `${sseLoadBefore.toFixed(2)}→${sseLoad.toFixed(2)}`,
    statuses: merge('statuses'),
    errors: merge('errors'),
    closedEarly: sum('closedEarly'),
  };
  say(
    `   ${measuredTicks.length} ticks (${TICKS} period(s) × ${SLOTS} slots) measured: frames received ${fmt(sse.frames)} of ${fmt(expectedFrames)} written (per tick ${perTick.map(fmt).join(', ')}); ` +
      `delay after the tick's due time p50 ${fmtMs(sse.p50)} ms, p99 ${fmtMs(sse.p99)} ms, max ${fmtMs(sse.max)} ms; ${fmt(sse.within1s)} within 1 s; ` +
      `tick durations ${tickMs.map((t) => `${fmt(t)} ms`).join(', ')}`,
  );
  say(
    `   CPU during the ticks (cores): ${sse.cpu}; load ${sse.load}; streams closed early ${sse.closedEarly}`,
  );
  for (const c of clients) c.send({ cmd: 'close' });
  await Promise.all(clients.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  await waitUntil('streams closed on the server', async () => hub.connections === 0, 60_000).catch(() =>
    say(`   warning: ${hub.connections} streams still open on the server`),
  );

  // ---- 3. freshness ---------------------------------------------------------------
  say(
    `3. freshness: ingest (child process) + simulator at ${fmt(RATE)} positions/s for ${FRESH_WARMUP_S} + ${FRESH_S} s…`,
  );
  const ingest = spawnChild('ingest.child.ts', {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: iso.topicPrefix,
    DATABASE_URL: infra.databaseUrl,
    PG_SCHEMA: iso.schema,
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: iso.redisPrefix,
    INGEST_GROUP_ID: `bench-ingest-${iso.id}`,
    LOG_LEVEL: 'warn',
  });
  await nextMessage(ingest, 'started', 120_000);
  const driver = spawnChild('freshness.child.ts');
  await nextMessage(driver, 'ready', 60_000);
  const samples = Array.from({ length: Math.min(SAMPLE, VIEWS) }, (_, i) => {
    const t = viewTargets[
      Math.floor((i * viewTargets.length) / Math.min(SAMPLE, VIEWS))
    ] as (typeof viewTargets)[number];
    return { vehicleKey: t.key, token: t.token, bearer: t.authorization, forwardedFor: t.forwardedFor };
  });
  const plan: FreshnessPlan = {
    brokers: infra.kafkaBrokers,
    topic: iso.topic('positions.raw'),
    seed: FLEET_SEED,
    trucks: TRUCKS,
    fixIntervalS: FIX_INTERVAL_S,
    slotsPerTick: SENDS_PER_TICK,
    warmupS: FRESH_WARMUP_S,
    durationS: FRESH_S,
    drainS: 3,
    shareUrl,
    pollMs: POLL_MS,
    redisUrl: infra.redisUrl,
    redisPrefix: iso.redisPrefix,
    samples,
  };
  keepResettingRateLimits(RATE_LIMIT_RESET_MS);
  const freshCpuMeter = await cpuMeter({
    'ingest process': [ingest.pid],
    'simulator/poller process': [driver.pid],
  });
  const freshLoadBefore = load1();
  const freshResult = nextMessage<FreshnessResult>(driver, 'result', 600_000);
  driver.send({ cmd: 'run', ...plan });
  const fresh = await freshResult;
  const freshCpuText = await freshCpuMeter();
  driver.send({ cmd: 'exit' });
  const freshLoad = load1();
  stopResettingRateLimits();
  ingest.send({ cmd: 'stats' });
  const ingestStats = await nextMessage<{
    consumed: number;
    accepted: number;
    chunks: number;
    chunkSeconds: number;
    stepSeconds: Record<string, number>;
  }>(ingest, 'stats', 30_000);
  const ingestSteps = `${fmt(ingestStats.chunks)} chunks of ${fmt(ingestStats.consumed / Math.max(1, ingestStats.chunks))} positions on average, ${fmtMs((1000 * ingestStats.chunkSeconds) / Math.max(1, ingestStats.chunks))} ms per chunk (${Object.entries(
    ingestStats.stepSeconds,
  )
    .map(([k, v]) => `${k} ${fmtMs((1000 * v) / Math.max(1, ingestStats.chunks))}`)
    .join(', ')} ms)`;
  say(`   ingest: ${ingestSteps}`);
  ingest.send({ cmd: 'stop' });
  await new Promise((r) => (ingest.exitCode === null ? ingest.once('exit', r) : r(null)));
  const admin = kafka.admin();
  await admin.connect();
  const rawSpread = await describeSpread(admin, iso.topic('positions.raw')).finally(() => admin.disconnect());
  say(`   positions.raw: keyed by ${platformIds.length} platform ids, ${rawSpread}`);
  const freshRate = fresh.positions / fresh.seconds;
  const freshness = summarize(fresh.latencies);
  const inRedis = summarize(fresh.redisLatencies);
  say(
    `   ${fmt(fresh.positions)} positions in the ${fresh.seconds.toFixed(1)} s window (${fmt(freshRate)}/s; ingest consumed ${fmt(ingestStats.consumed)} in all); ` +
      `${fmt(freshness.count)} fixes of ${samples.length} vehicles seen, ${fresh.missed} not seen; produced → visible p50 ${fmtMs(freshness.p50)} ms, p99 ${fmtMs(freshness.p99)} ms, max ${fmtMs(freshness.max)} ms (→ in Redis: p50 ${fmtMs(inRedis.p50)} ms, p99 ${fmtMs(inRedis.p99)} ms); ` +
      `polls ${fmt(fresh.polls)} ${JSON.stringify(fresh.pollStatuses)}; late sends ${fresh.lateSends} (max lag ${fmtMs(fresh.maxSendLagMs)} ms); ticks prepared in ${fmt(fresh.generatedMs)} ms`,
  );
  say(`   CPU (cores): ${freshCpuText}; load ${freshLoadBefore.toFixed(2)}→${freshLoad.toFixed(2)}`);

  // ---- report ---------------------------------------------------------------------
  const loadEnd = loadavg();
  const yes = (ok: boolean) => (ok ? 'met' : '**not met**');
  const sseShort = [
    STREAMS < STREAMS_WANTED
      ? ` **${fmt(STREAMS_WANTED)} streams cannot be reached here:** each stream is a descriptor of the one share process, whose limit is ${fmt(fdSoft)}; ${fmt(STREAMS)} = ${fmt(fdSoft)} − ${FD_HEADROOM} for its own.`
      : '',
    opened < STREAMS
      ? ` **Only ${fmt(opened)} of ${fmt(STREAMS)} streams opened** (statuses ${JSON.stringify(sse.statuses)}, errors ${JSON.stringify(sse.errors)}).`
      : '',
  ].join('');
  const range = (values: number[]) => `${fmt(Math.min(...values))}–${fmt(Math.max(...values))}`;
  const polls = Object.keys(fresh.pollStatuses).every((s) => s === '200')
    ? 'all 200'
    : JSON.stringify(fresh.pollStatuses);
  writeBenchmark({
    id: 'share',
    headline: `view ${fmt(viewR.rps)} req/s (× ${viewRatio.toFixed(2)}); SSE p99 ${fmt(sse.p99)} ms; freshness p99 ${fmt(freshness.p99)} ms`,
    change: args.change,
    lines: [
      `Setup: ${fmt(VEHICLES)} simulator trucks bound to one driver each through bindings.events, each with a last position in Redis and 3 alerts; ${fmt(VIEWS)} view shares created and claimed through the use cases, ${fmt(streamTargets.length - VIEWS)} stream shares inserted directly. Postgres pool ${cfg.PG_POOL_SIZE}. Every view request carries its viewer's own address (x-forwarded-for behind TRUST_PROXY=${process.env.TRUST_PROXY ?? '127.0.0.1'}). The view's rate limits run on every request; the benchmark deletes their Redis counters every ${RATE_LIMIT_RESET_MS / 1000} s so that they never refuse. Load average ${(loadAtStart[0] ?? 0).toFixed(2)} at the start, ${(loadEnd[0] ?? 0).toFixed(2)} at the end.`,
      '',
      `**1. View throughput** — autocannon ${autocannonPackage.version} in a worker thread, ${CONNECTIONS} connections (one instance each, requests built once), ${WARMUP_S} s warm-up + ${DURATION_S} s, cycling over the ${fmt(VIEWS)} (link, viewer token, address) triples. One answer: ${fmt(viewAnswer.headerBytes)} bytes of headers, ${fmt(viewAnswer.bodyBytes)} bytes of JSON (position, 3 alerts). Served from memory: last positions ${pct(cacheStats.positions)}, shares ${pct(cacheStats.readModel && { hits: cacheStats.readModel.shareHits, misses: cacheStats.readModel.shareMisses })}, alerts and reminders ${pct(cacheStats.readModel && { hits: cacheStats.readModel.vehicleHits, misses: cacheStats.readModel.vehicleMisses })} of the lookups.`,
      '',
      '| measure | req/s | p50 ms | p99 ms | statuses | load |',
      '|---|---:|---:|---:|---|---:|',
      `| fastify hello-world route (same process, another port) | ${fmt(helloR.rps)} | ${fmtMs(helloR.p50)} | ${fmtMs(helloR.p99)} | ${JSON.stringify(helloR.statuses)} | ${helloR.load.toFixed(2)} |`,
      `| \`GET /v1/shares/{token}\` (JWT, rate limit, share lookup, view recorded, last position + alerts + reminders) | ${fmt(viewR.rps)} | ${fmtMs(viewR.p50)} | ${fmtMs(viewR.p99)} | ${JSON.stringify(viewR.statuses)}${viewOk(viewR) ? '' : ` errors ${viewR.errors}, timeouts ${viewR.timeouts}`} | ${viewR.load.toFixed(2)} |`,
      '',
      `View ÷ hello-world: **${viewRatio.toFixed(2)}** (target ≥ 0.4: ${yes(viewRatio >= 0.4)}). CPU (cores): hello-world — ${helloR.cpu}; view — ${viewR.cpu}. CPU per request: hello-world ${helloR.perRequest.main} ms${helloR.perRequest.infra}; view ${viewR.perRequest.main} ms (server main thread)${viewR.perRequest.infra}.`,
      '',
      `**2. SSE** — ${fmt(opened)} concurrent \`GET /v1/shares/{token}/stream\` on one share process, each a real loopback socket for a distinct claimed share, opened by ${CLIENTS} client processes from addresses 127.10.x.y (${STREAMS_PER_ADDRESS} streams each) in ${openSeconds.toFixed(1)} s (${fmt(opened / openSeconds)}/s); ${fmt(fdsInUse)} descriptors of the share process in use with them open.${sseShort} Frame period ${fmt(TICK_MS)} ms (production${TICK_MS === 30_000 ? '' : ' 30,000'}) on a timer wheel of ${SLOTS} slots: a tick every ${fmt(TICK_MS / SLOTS)} ms renders one slot's shares. Delay = client receipt − the tick's due time, for every frame of ${measuredTicks.length} ticks (${TICKS === 1 ? 'one period' : `${TICKS} periods`}).`,
      '',
      '| measure | result | target |',
      '|---|---:|---|',
      `| frames received / written by the hub | ${fmt(sse.frames)} / ${fmt(expectedFrames)} | |`,
      `| delivery delay after the tick's due time, p50 | ${fmtMs(sse.p50)} ms | |`,
      `| same, p99 | ${fmtMs(sse.p99)} ms | |`,
      `| same, max | ${fmtMs(sse.max)} ms | every frame ≤ 1,000 ms: ${yes(sse.max <= 1000)} (${fmt(sse.within1s)} of ${fmt(sse.frames)} within 1 s) |`,
      `| delivery delay after the tick actually started, p99 | ${fmtMs(sse.startP99)} ms | |`,
      `| tick duration (hub: first read → last write), min / p50 / max | ${fmt(Math.min(...tickMs))} / ${fmt(new Percentiles().recordAll(tickMs).percentile(50))} / ${fmt(Math.max(...tickMs))} ms | |`,
      `| share process RSS: before → with the streams open | ${mib(memBefore.rss)} → ${mib(memOpen.rss)} (**${kib(sse.rssPerConn)} per connection**); ${mib(memTick.rss)} after the ticks | |`,
      `| share process V8 heap used: before → with the streams open | ${mib(memBefore.heapUsed)} → ${mib(memOpen.heapUsed)} (**${kib(sse.heapPerConn)} per connection**) | |`,
      '',
      `Per tick: ${range(sse.ticks.map((t) => t?.shares ?? 0))} shares of ${range(sse.ticks.map((t) => t?.vehicles ?? 0))} vehicles rendered, ${sse.ticks.reduce((n, t) => n + (t?.skipped ?? 0), 0)} frames skipped, ${sse.ticks[sse.ticks.length - 1]?.overruns ?? 0} overruns; the timer fired at most ${fmtMs(sse.timerLateMax)} ms late. CPU during the ticks (cores): ${sse.cpu}; load ${sse.load}. Memory after a full GC in both readings.`,
      '',
      `**3. Freshness** — the ingest service (child process, default config) and the share service; a child process produces simulator batches of ${fmt(TRUCKS)} trucks (one fix per truck per second, ${SENDS_PER_TICK} sends per second, keyed by platform id: ${platformIds.length} platforms ${rawSpread}) and polls the view of ${samples.length} shared vehicles every ${POLL_MS} ms (${fmt(fresh.polls)} polls, ${polls}). Latency = first view showing a fix − the production of its batch, for fixes produced in ${fmt(fresh.seconds)} s after a ${FRESH_WARMUP_S} s warm-up.`,
      '',
      '| measure | result | target |',
      '|---|---:|---|',
      `| positions produced (achieved rate) | ${fmt(fresh.positions)} in ${fresh.seconds.toFixed(1)} s = ${fmt(freshRate)}/s | ${fmt(RATE)}/s |`,
      `| fixes observed (${samples.length} vehicles) | ${fmt(freshness.count)} (${fresh.missed} never shown before a newer fix) | |`,
      `| produced → visible in the view, p50 | ${fmtMs(freshness.p50)} ms | |`,
      `| same, p99 | ${fmtMs(freshness.p99)} ms | < 1,000 ms: ${yes(freshness.p99 < 1000)} |`,
      `| same, max | ${fmtMs(freshness.max)} ms | |`,
      `| of which produced → last position in Redis (written by ingest; Redis polled every ${POLL_MS} ms), p50 / p99 / max | ${fmtMs(inRedis.p50)} / ${fmtMs(inRedis.p99)} / ${fmtMs(inRedis.max)} ms | |`,
      '',
      `CPU during the freshness run (cores): ${freshCpuText}; load ${freshLoadBefore.toFixed(2)}→${freshLoad.toFixed(2)}. Producer late sends: ${fresh.lateSends} (max lag ${fmtMs(fresh.maxSendLagMs)} ms). Ingest: ${ingestSteps}.`,
    ],
  });
  say('BENCHMARKS.md: share section and changelog row written');
} finally {
  await cleanup();
}
process.exit(0);

async function cleanup() {
  stopResettingRateLimits();
  for (const c of children) c.kill('SIGTERM');
  await hello.close().catch(() => undefined);
  await app?.stop().catch(() => undefined);
  await producer.disconnect().catch(() => undefined);
  await db.end().catch(() => undefined);
  // The Redis keys of this run (last positions, rate-limit counters).
  await unlinkMatching(redis, `${iso.redisPrefix}*`, 5000).catch(() => undefined);
  redis.disconnect();
  await iso.dropSchema().catch(() => undefined);
  await running.stop();
}
