/**
 * npm run bench:alerts [-- --trucks 3000 --seconds 30]
 *
 * 1. Pure rules: every rule (speeding with zones, fatigue, platform alarms)
 *    over simulator tracks, one fix at a time in GNSS order as the service
 *    sees them, on one core: positions/s.
 * 2. End to end through the broker: the alerts service (in process, real
 *    Postgres/Redis/Kafka) under a steady load of positions in which trucks
 *    keep crossing the speeding threshold; for every alert, the time from the
 *    production of the position that decided it to the publication of the
 *    alert (Kafka timestamps, same clock): p50/p99. This includes the fetch
 *    wait, so it bounds the latency "after the position is consumed" from above.
 * 3. Throughput per core: a backlog of `--drain-fixes` fixes of each of
 *    `--drain-trucks` trucks (a fix every 30 s of GNSS time, 2 % of the trucks
 *    speeding for a while) drained by a fresh alerts service, after two
 *    warm-up fixes per truck (its state loaded, its driving started); the
 *    process's CPU from the end of the warm-up until every position is
 *    committed gives positions per core-second, and `--profile` the share of
 *    the checkpoint in it.
 */
import { cpus } from 'node:os';
import { join } from 'node:path';
import {
  createKafka,
  createLogger,
  fmt,
  migrate,
  Progress,
  parseCliArgs,
  producerConfig,
  sleep,
  topicNames,
} from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { createFleet } from '@safewatch/simulator';
import {
  changelogOptions,
  coresBetween,
  cpuByCommand,
  INFRA_ENV,
  type Isolation,
  isolate,
  Percentiles,
  startInfra,
  startProfiler,
  writeBenchmarkUnlessDry,
} from '@safewatch/testkit';
import { summariseProfile } from '../../../bench/e2e/cpu-profile.js';
import { createAlertsApp, rulesFromConfig, toPositions } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { evaluateVehicle, initialVehicleState, type VehicleState } from '../src/domain/vehicle.evaluator.js';

const { values: args } = parseCliArgs({
  name: 'bench:alerts',
  summary: `Measures the alert rules on one core (positions/s), then the alerts service end to end through
the broker (position produced → alert published, p50/p99), then the service draining a backlog
(positions per core-second; --profile: the checkpoint's share); writes BENCHMARKS.md.`,
  options: {
    trucks: {
      type: 'number',
      integer: true,
      min: 1,
      default: 3000,
      placeholder: 'N',
      description: 'trucks of the end-to-end load (a fix every 10 s of GNSS time each)',
    },
    seconds: {
      type: 'number',
      min: 1,
      default: 30,
      placeholder: 'S',
      description: 'wall seconds of the end-to-end load',
    },
    'rule-positions': {
      type: 'number',
      integer: true,
      min: 1,
      default: 1_000_000,
      placeholder: 'N',
      description: 'simulator positions run through the rules on one core',
    },
    'drain-trucks': {
      type: 'number',
      integer: true,
      min: 1,
      default: 100_000,
      placeholder: 'N',
      description: 'trucks of the backlog drained for the CPU per position',
    },
    'drain-fixes': {
      type: 'number',
      integer: true,
      min: 1,
      default: 10,
      placeholder: 'N',
      description: 'fixes per truck in that backlog (after two warm-up fixes each)',
    },
    'checkpoint-ms': {
      type: 'number',
      integer: true,
      min: 1,
      placeholder: 'MS',
      description: 'ALERTS_CHECKPOINT_MS of the services (default: the service default)',
    },
    profile: {
      type: 'boolean',
      description:
        'profile the drain (main thread) and report the checkpoint share; the profile\ngoes to .cache/profiles/',
    },
    'dry-run': {
      type: 'boolean',
      description: 'print the figures, leave BENCHMARKS.md as it is',
    },
    ...changelogOptions,
  },
  env: INFRA_ENV,
});
const say = (s: string) => process.stdout.write(`${s}\n`);
const checkpointEnv: Record<string, string> = args['checkpoint-ms']
  ? { ALERTS_CHECKPOINT_MS: String(args['checkpoint-ms']) }
  : {};
const logger = createLogger('bench-alerts', 'warn');
const SAMPLES = join(import.meta.dirname, '..', 'samples');

// 1. Pure rules on one core.
const cfgRules = loadConfig({
  SPEED_ZONES_FILE: join(SAMPLES, 'speed-zones.json'),
  REST_STOPS_FILE: join(SAMPLES, 'rest-stops.json'),
});
const rules = rulesFromConfig(cfgRules);
const fleet = createFleet({
  seed: 11,
  trucks: 2000,
  startTimeMs: Date.parse('2026-11-20T00:00:00Z'),
  badRate: 0,
});
const fixes: ReturnType<typeof toPositions> = [];
const fill = new Progress({
  label: 'simulator positions for the rules',
  total: args['rule-positions'],
  unit: 'positions',
  force: true,
});
while (fixes.length < args['rule-positions']) {
  for (const b of fleet.nextTick().batches) {
    const batch = pb.PositionBatch.decode(b.bytes);
    fixes.push(...toPositions(batch.positions.map((p) => Buffer.from(pb.Position.encode(p).finish()))));
  }
  fill.update(fixes.length);
}
fill.finish();
const states = new Map<string, VehicleState>();
let events = 0;
const t0 = performance.now();
for (const p of fixes) {
  const r = evaluateVehicle(states.get(p.vehicleKey) ?? initialVehicleState(), [p.fix], rules.ctx);
  states.set(p.vehicleKey, r.state);
  events += r.events.length;
}
const ruleMs = performance.now() - t0;
const ruleRate = (fixes.length * 1000) / ruleMs;
const ruleFixes = fixes.length;
const ruleTrucks = states.size;
say(
  `pure rules: ${fmt(ruleFixes)} positions of ${fmt(ruleTrucks)} trucks in ${ruleMs.toFixed(0)} ms = ${fmt(ruleRate)} positions/s on one core (${fmt(events)} alert events)`,
);
// Not kept through the end-to-end measures (a large live heap slows every garbage collection).
fixes.length = 0;
states.clear();

// 2. End to end through the broker.
const running = await startInfra(process.env, 'bench');
const { infra } = running;
const iso = isolate('bench-alerts', infra);
const kafka = createKafka({ brokers: infra.kafkaBrokers, clientId: 'bench-alerts', logger });
try {
  const app = createAlertsApp(await prepare(iso), logger);
  await app.start();

  const producedAt = new Map<string, number>();
  const latencies = new Percentiles();
  const consumer = kafka.consumer({ groupId: `bench-collect-${iso.id}`, maxWaitTimeInMs: 50 });
  await consumer.connect();
  await consumer.subscribe({ topic: iso.topic('alerts'), fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const a = pb.Alert.decode(message.value as Buffer);
      const sent = producedAt.get(`${message.key?.toString()}@${Number(a.occurredAtMs)}`);
      if (sent !== undefined) latencies.record(Number(message.timestamp) - sent);
    },
  });

  // Each truck: a fix every 10 s of GNSS time, alternating 60 s at 80 km/h and 60 s at 115 km/h,
  // so every truck opens and closes a speeding episode each simulated 2 minutes.
  const trucks = args.trucks;
  const producer = kafka.producer(producerConfig());
  await producer.connect();
  const start = Date.now() - 3600_000;
  const wallMs = args.seconds * 1000;
  const tickWallMs = 500;
  let tick = 0;
  let sent = 0;
  const wallStart = Date.now();
  while (Date.now() - wallStart < wallMs) {
    const t = start + tick * 10_000;
    const speed = Math.floor(tick / 6) % 2 === 0 ? 80 : 115;
    const messages = [];
    for (let i = 0; i < trucks; i++) {
      messages.push(
        positionMessage(
          `鲁Z${String(i).padStart(5, '0')}`,
          t,
          36_000_000 + tick * 200,
          117_000_000 + i * 100,
          speed,
        ),
      );
    }
    const before = Date.now();
    for (let i = 0; i < messages.length; i += 2000)
      await producer.send({
        topic: iso.topic('positions.accepted'),
        acks: -1,
        messages: messages.slice(i, i + 2000),
      });
    for (const m of messages) producedAt.set(`${m.key}@${t}`, before);
    sent += messages.length;
    tick += 1;
    const next = wallStart + tick * tickWallMs;
    await sleep(next - Date.now());
  }
  await sleep(3_000);
  await producer.disconnect();
  await consumer.disconnect();
  await app.stop();
  const pct = (q: number) => fmt(latencies.percentile(q * 100));
  const rate = (sent * 1000) / wallMs;
  say(
    `end to end: ${fmt(sent)} positions at ${fmt(rate)}/s, ${fmt(latencies.count)} alerts; position produced → alert published p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${fmt(latencies.max)} ms`,
  );

  producedAt.clear();
  const drained = await drain();
  const perCore = drained.positions / drained.cpuS;
  const machineText = drained.machine
    .slice(0, 6)
    .map((r) => `${r.command} ${r.cores.toFixed(2)}`)
    .join(', ');
  const perState = drained.states === undefined ? undefined : drained.states / drained.positions;
  say(
    `drain: ${fmt(drained.positions)} positions of ${fmt(drained.trucks)} trucks in ${drained.wallS.toFixed(1)} s = ${fmt(drained.positions / drained.wallS)}/s at ${(drained.cpuS / drained.wallS).toFixed(2)} cores = ${fmt(perCore)} positions per core-second; ${perState === undefined ? 'states written: n/a' : `${perState.toFixed(3)} states written per position`}, ${fmt(drained.checkpoints)} checkpoints`,
  );
  say(`CPU of the machine during the drain (cores, of ${cpus().length}): ${machineText}`);
  if (drained.profile) {
    const pr = drained.profile;
    say(
      `profile of the drain: ${fmt(pr.busyMs)} ms busy of ${fmt(pr.totalMs)} ms; checkpoint ${(pr.checkpoint * 100).toFixed(1)} % inclusive, garbage collector ${(pr.gc * 100).toFixed(1)} % (${pr.file})`,
    );
    for (const f of pr.self.slice(0, 8)) say(`  self ${(f.share * 100).toFixed(1)} % ${f.frame}`);
  }
  const lines = [
    '| measure | result | target |',
    '|---|---:|---|',
    `| pure rules (speeding with ${rules.zones} zones, fatigue, platform alarms), one core, ${fmt(ruleFixes)} simulator positions of ${fmt(ruleTrucks)} trucks | ${fmt(ruleRate)} positions/s | ≥ 200,000 |`,
    `| end to end: ${fmt(trucks)} trucks, ${fmt(rate)} positions/s for ${args.seconds} s, ${fmt(latencies.count)} alerts — position produced → alert published, p50 | ${pct(0.5)} ms | |`,
    `| same, p99 | ${pct(0.99)} ms | < 1,000 ms |`,
    `| drain: ${fmt(drained.positions)} positions of ${fmt(drained.trucks)} trucks (${args['drain-fixes']} each, states warm), ${fmt(drained.positions / drained.wallS)} positions/s at ${(drained.cpuS / drained.wallS).toFixed(2)} cores | ${fmt(perCore)} positions per core-second | ≥ 100,000 |`,
    ...(perState === undefined
      ? []
      : [
          `| same: vehicle states written per position (checkpoint every ${drained.checkpointMs} ms, ${fmt(drained.checkpoints)} checkpoints) | ${perState.toFixed(3)} | |`,
        ]),
    ...(drained.profile
      ? [
          `| same, profiled (main thread): checkpoint share of the busy time, inclusive (garbage collection apart: ${(drained.profile.gc * 100).toFixed(1)} %) | ${(drained.profile.checkpoint * 100).toFixed(1)} % | ≤ 10 % |`,
        ]
      : []),
    '',
    'The end-to-end figure starts when the position is produced to positions.accepted, so it includes the consumer fetch wait (≤ 100 ms) and bounds the latency after the position is consumed from above.',
    `The drain's CPU is the benchmark process's (the alerts service alone runs in it then), from the end of the warm-up to the commit of the last position; the machine meanwhile (cores, of ${cpus().length}): ${machineText}.`,
  ];
  say(
    writeBenchmarkUnlessDry(
      {
        id: 'alerts',
        headline: `rules ${fmt(ruleRate)} positions/s; end to end p99 ${pct(0.99)} ms at ${fmt(rate)} positions/s; ${fmt(perCore)} positions per core-second draining`,
        change: args.change,
        lines,
      },
      args['dry-run'],
    ),
  );
} finally {
  await iso.dropSchema().catch(() => undefined);
  await running.stop();
}
process.exit(0);

/** An accepted position of a yellow-plated truck heading north, as a Kafka message keyed by vehicle. */
function positionMessage(plateNumber: string, t: number, latE6: number, lonE6: number, speedKmh: number) {
  const value = pb.Position.encode({
    plateNumber,
    plateColor: 2,
    gnssTimeMs: t,
    latE6,
    lonE6,
    speedDkmh: speedKmh * 10,
    headingDeg: 0,
  }).finish();
  return { key: `${plateNumber}:2`, value: Buffer.from(value) };
}

/** An isolation's schema migrated and topics created (4 partitions); the alerts service's configuration for it. */
async function prepare(at: Isolation) {
  await migrate({
    databaseUrl: infra.databaseUrl,
    schema: at.schema,
    dir: join(import.meta.dirname, '..', 'migrations'),
    service: 'alerts',
    logger,
  });
  await at.createTopics(Object.values(topicNames()), 4);
  return loadConfig({
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: at.topicPrefix,
    DATABASE_URL: infra.databaseUrl,
    PG_SCHEMA: at.schema,
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: at.redisPrefix,
    ALERTS_GROUP_ID: `bench-${at.id}`,
    LOG_LEVEL: 'warn',
    ...checkpointEnv,
  });
}

/**
 * 3. A fresh alerts service drains a backlog: two warm-up fixes per truck
 * (every state loaded once and every truck's driving started, as in steady
 * operation), then `--drain-fixes` fixes per truck, a fix every 30 s of GNSS
 * time at 80 km/h; every 50th truck drives at 115 km/h from its 3rd to its
 * 7th fix (one speeding episode). Measured from the end of the warm-up until
 * every position is committed.
 */
async function drain() {
  const trucks = args['drain-trucks'];
  const fixes = args['drain-fixes'];
  const diso = isolate('bench-alerts-drain', infra);
  try {
    const cfg = await prepare(diso);
    const producer = kafka.producer(producerConfig());
    await producer.connect();
    const start = Date.now() - 24 * 3600_000;
    const warmUp = 2 * trucks;
    const total = warmUp + trucks * fixes;
    const fill = new Progress({ label: 'drain backlog', total, unit: 'positions', force: true });
    let produced = 0;
    for (let tick = 0; tick < fixes + 2; tick++) {
      const messages = [];
      for (let i = 0; i < trucks; i++) {
        messages.push(
          positionMessage(
            `鲁Y${String(i).padStart(6, '0')}`,
            start + tick * 30_000,
            30_000_000 + tick * 670 + (i % 1000) * 5000,
            110_000_000 + Math.floor(i / 1000) * 5000,
            i % 50 === 0 && tick >= 3 && tick <= 7 ? 115 : 80,
          ),
        );
        if (messages.length === 5000 || i === trucks - 1) {
          await producer.send({
            topic: diso.topic('positions.accepted'),
            acks: -1,
            messages: messages.splice(0),
          });
        }
      }
      produced += trucks;
      fill.update(produced);
    }
    fill.finish();
    await producer.disconnect();

    const app = createAlertsApp(cfg, logger);
    /** A metric's value summed over its labels (a histogram's: its count), undefined when it has none. */
    const value = async (name: string) => {
      const metric = app.registry.getSingleMetric(name);
      if (!metric) return undefined;
      const { values } = await metric.get();
      const counted = (values as { value: number; metricName?: string }[]).filter(
        (v) => !v.metricName || v.metricName.endsWith('_count'),
      );
      return counted.reduce((n, v) => n + v.value, 0);
    };
    const count = async (name: string) => (await value(name)) ?? 0;
    const deadline = Date.now() + 900_000;
    const wait = async (ms: number) => {
      if (Date.now() > deadline) throw new Error('drain did not finish within 15 minutes');
      await sleep(ms);
    };
    await app.start();
    while ((await count('alerts_positions_evaluated_total')) < warmUp) await wait(5);
    const from = {
      evaluated: await count('alerts_positions_evaluated_total'),
      states: await value('alerts_checkpoint_states_total'),
      checkpoints: await value('alerts_checkpoint_duration_seconds'),
      cpu: process.cpuUsage(),
      machine: await cpuByCommand(),
      at: performance.now(),
    };
    const profiler = args.profile ? await startProfiler('alerts-drain') : undefined;
    const profiledFromUs = Number(process.hrtime.bigint() / 1000n);
    while ((await count('kafka_consumer_messages_total')) < total) await wait(50);
    const profiledToUs = Number(process.hrtime.bigint() / 1000n);
    const cpu = process.cpuUsage(from.cpu);
    const wallS = (performance.now() - from.at) / 1000;
    const machine = coresBetween(from.machine, await cpuByCommand(), wallS);
    const profileFile = profiler ? await profiler.stop() : undefined;
    const states = await value('alerts_checkpoint_states_total');
    const checkpoints = await value('alerts_checkpoint_duration_seconds');
    await app.stop();
    let profile: ReturnType<typeof checkpointShare> | undefined;
    if (profileFile) profile = checkpointShare(profileFile, profiledFromUs, profiledToUs);
    return {
      trucks,
      positions: total - from.evaluated,
      wallS,
      cpuS: (cpu.user + cpu.system) / 1e6,
      machine,
      states: states === undefined || from.states === undefined ? undefined : states - from.states,
      checkpoints:
        checkpoints === undefined || from.checkpoints === undefined ? 0 : checkpoints - from.checkpoints,
      checkpointMs: cfg.ALERTS_CHECKPOINT_MS,
      profile,
    };
  } finally {
    await diso.dropSchema().catch(() => undefined);
  }
}

/** The checkpoint's share of the profiled busy time: its function on the stack (the state store's save before). */
function checkpointShare(file: string, fromUs: number, toUs: number) {
  const root = join(import.meta.dirname, '..', '..', '..');
  const s = summariseProfile(file, { fromUs, toUs }, root, 10_000);
  const share = (re: RegExp) =>
    Math.max(0, ...s.inclusiveOwn.filter((f) => re.test(f.frame)).map((f) => f.share));
  return {
    file,
    busyMs: s.busyMs,
    totalMs: s.totalMs,
    checkpoint: Math.max(
      share(/^checkpointStates services\/alerts\//),
      share(/^save services\/alerts\/src\/adapters\/state\.store\.ts/),
    ),
    gc: s.self.find((f) => f.frame === '(garbage collector)')?.share ?? 0,
    self: s.self,
  };
}
