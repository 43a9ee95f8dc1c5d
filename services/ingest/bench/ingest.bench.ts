/**
 * npm run bench:ingest [-- --positions 1000000 --trucks 10000 --partitions 4]
 *
 * 1. The fleet simulator fills positions.raw with N valid positions, keyed by
 *    platform id as platforms produce them.
 * 2. Baseline A: a bare kafkajs consumer drains the topic, decoding each batch.
 * 3. Baseline B: the same rows, pre-decoded, inserted into a copy of the
 *    positions table with the ingest's own insert (same chunking and concurrency).
 * 4. The ingest service drains the topic end to end (decode, validate, dedupe,
 *    persist, last position in Redis, republish, commit).
 * Reports positions/s and the end-to-end rate as a ratio of each baseline, and
 * writes them to its section of BENCHMARKS.md, with a row in its changelog.
 */
import { cpus } from 'node:os';
import {
  createKafka,
  createLogger,
  createPgPool,
  fmt,
  migrate,
  Progress,
  parseCliArgs,
  perSecond,
  producerConfig,
  sleep,
  topicNames,
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
  KeyedSender,
  startInfra,
  startProfiler,
  writeBenchmark,
} from '@safewatch/testkit';
import { Redis } from 'ioredis';
import { PositionsRepo } from '../src/adapters/positions.repo.js';
import { createIngestApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { classifyMessage } from '../src/domain/classify.js';
import type { AcceptedPosition } from '../src/domain/position.js';
import { DEFAULT_VALIDATION } from '../src/domain/validate.rule.js';
import { MIGRATIONS } from '../test/helpers.js';

const { values: args } = parseCliArgs({
  name: 'bench:ingest',
  summary: `Fills positions.raw with simulator positions, then measures two baselines (kafkajs consume +
decode; Postgres batch insert of the same rows) and the ingest service end to end (positions/s, and
the ratio to each baseline); writes BENCHMARKS.md.`,
  options: {
    positions: {
      type: 'number',
      integer: true,
      min: 1,
      default: 1_000_000,
      placeholder: 'N',
      description: 'valid positions produced to positions.raw',
    },
    trucks: {
      type: 'number',
      integer: true,
      min: 1,
      default: 10_000,
      placeholder: 'N',
      description: 'simulated trucks',
    },
    partitions: {
      type: 'number',
      integer: true,
      min: 1,
      default: 16,
      placeholder: 'N',
      description: 'partitions of the topics',
    },
    'batch-size': {
      type: 'number',
      integer: true,
      min: 1,
      default: 500,
      placeholder: 'N',
      description: 'positions per batch message',
    },
    profile: {
      type: 'boolean',
      description: 'write a CPU profile of the end-to-end phase to .cache/profiles/',
    },
    skip: {
      type: 'string',
      choices: ['persist', 'last_position', 'publish'],
      description:
        'diagnosis only: replace one I/O step by a no-op to see what bounds the rate\n(nothing is written to BENCHMARKS.md)',
    },
    ...changelogOptions,
  },
  env: {
    ...INFRA_ENV,
    'INGEST_*': 'settings of the ingest service under test (e.g. INGEST_PARTITIONS_CONCURRENTLY=8)',
  },
});
const N = args.positions;
// INGEST_* variables tune the service under test (e.g. INGEST_PARTITIONS_CONCURRENTLY=8).
const ingestOverrides = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => k.startsWith('INGEST_')),
);
const TRUCKS = args.trucks;
const PARTITIONS = args.partitions;
const logger = createLogger('bench', 'warn');
const say = (s: string) => process.stdout.write(`${s}\n`);
const rate = (n: number, ms: number) => Math.round(perSecond(n, ms));

const running = await startInfra(process.env, 'bench');
const { infra } = running;
const iso = isolate('bench-ingest', infra);
const kafka = createKafka({ brokers: infra.kafkaBrokers, clientId: 'bench', logger });
const pool = createPgPool(
  { databaseUrl: infra.databaseUrl, schema: iso.schema, poolSize: 4, applicationName: 'bench' },
  () => undefined,
);
const redis = new Redis(infra.redisUrl);

try {
  await migrate({
    databaseUrl: infra.databaseUrl,
    schema: iso.schema,
    dir: MIGRATIONS,
    service: 'ingest',
    logger,
  });
  await iso.createTopics(Object.values(topicNames()), PARTITIONS);
  const rawTopic = iso.topic('positions.raw');

  // 1. Fill positions.raw (all GNSS times in the past, no deliberate faults).
  const ticks = Math.ceil(N / TRUCKS);
  const fleet = createFleet({
    seed: 42,
    trucks: TRUCKS,
    startTimeMs: Date.now() - (ticks + 2) * 30_000,
    badRate: 0,
    batchSize: args['batch-size'],
    platforms: BENCH_PLATFORMS,
  });
  const producer = kafka.producer(producerConfig());
  await producer.connect();
  let produced = 0;
  let rawBytes = 0;
  let messages = 0;
  const fillStart = performance.now();
  // Keyed by platform id and batched, as platforms produce them (and the simulator CLI): the
  // partitioner places each platform on one partition, so fewer platforms than partitions leave
  // some partitions empty; the workload line says how they spread.
  const sender = new KeyedSender(producer, rawTopic);
  const fill = new Progress({ label: `fill ${rawTopic}`, total: N, unit: 'positions', force: true });
  while (produced < N) {
    const tick = fleet.nextTick({ maxPositions: N - produced });
    for (const b of tick.batches) {
      await sender.add({ key: b.platformId, value: Buffer.from(b.bytes) });
      rawBytes += b.bytes.length;
      messages += 1;
    }
    produced += tick.positions;
    fill.update(produced);
  }
  await sender.flush();
  fill.finish(false);
  const fillMs = performance.now() - fillStart;
  await producer.disconnect();
  const admin = kafka.admin();
  await admin.connect();
  const spread = await describeSpread(admin, rawTopic);
  await admin.disconnect();
  say(
    `filled ${rawTopic}: ${fmt(produced)} positions in ${fmt(messages)} messages (${(rawBytes / 1e6).toFixed(1)} MB) keyed by ${fleet.platformIds.length} platform ids, ${spread}; ${fmt(rate(produced, fillMs))}/s`,
  );

  // 2. Baseline A: bare kafkajs consume + decode.
  const raw: Buffer[] = [];
  const consumeA = await drain(rawTopic, `bench-raw-${iso.id}`, (value) => {
    raw.push(value);
    return pb.PositionBatch.decode(value).positions.length;
  });
  say(`baseline A, kafkajs consume + decode: ${fmt(consumeA.rate)} positions/s`);

  // 3. Baseline B: the same rows into a copy of the table, same insert, chunking and concurrency.
  const rows: AcceptedPosition[] = raw.flatMap(
    (v) => classifyMessage(v, Date.now(), DEFAULT_VALIDATION).accepted,
  );
  raw.length = 0;
  await pool.query('CREATE TABLE positions_baseline (LIKE positions INCLUDING ALL)');
  const baselineRepo = new PositionsRepo(pool, 'positions_baseline');
  const cfgDefaults = loadConfig(ingestOverrides);
  const chunk = Math.round(cfgDefaults.INGEST_CHUNK_BYTES / (rawBytes / produced));
  const concurrency = cfgDefaults.INGEST_PARTITIONS_CONCURRENTLY;
  let next = 0;
  const insertStart = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < rows.length) {
        const from = next;
        next += chunk;
        await baselineRepo.insert(rows.slice(from, from + chunk));
      }
    }),
  );
  const insertMs = performance.now() - insertStart;
  const insertRate = rate(rows.length, insertMs);
  say(
    `baseline B, Postgres batch insert (${fmt(chunk)} rows/statement, ${concurrency} concurrent): ${fmt(insertRate)} rows/s`,
  );
  rows.length = 0;

  // 4. End to end through the ingest service.
  const app = createIngestApp(
    loadConfig({
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: iso.topicPrefix,
      DATABASE_URL: infra.databaseUrl,
      PG_SCHEMA: iso.schema,
      REDIS_URL: infra.redisUrl,
      REDIS_KEY_PREFIX: iso.redisPrefix,
      INGEST_GROUP_ID: `bench-ingest-${iso.id}`,
      LOG_LEVEL: 'warn',
      ...ingestOverrides,
    }),
    logger,
    {
      wrapPorts: (ports) => ({
        persist: args.skip === 'persist' ? async (p) => p.length : ports.persist,
        updateLastPositions:
          args.skip === 'last_position' ? async (p) => p.length : ports.updateLastPositions,
        publish: args.skip === 'publish' ? async () => undefined : ports.publish,
      }),
    },
  );
  if (args.skip)
    say(`DIAGNOSTIC RUN: step "${args.skip}" replaced by a no-op (nothing is written to BENCHMARKS.md)`);
  const profiler = args.profile ? await startProfiler('ingest-e2e') : undefined;
  const cpuBefore = process.cpuUsage();
  const machineBefore = await cpuByCommand();
  await app.start();
  const consumed = async () => (await app.metrics.consumed.get()).values[0]?.value ?? 0;
  let first = 0;
  const deadline = Date.now() + 600_000;
  while ((await consumed()) === 0) await tick(5, deadline);
  first = performance.now();
  while ((await consumed()) < produced) await tick(20, deadline);
  const e2eMs = performance.now() - first;
  const cpu = process.cpuUsage(cpuBefore);
  const split = coresBetween(machineBefore, await cpuByCommand(), e2eMs / 1000);
  const splitText = split
    .slice(0, 6)
    .map((r) => `${r.command} ${r.cores.toFixed(2)}`)
    .join(', ');
  say(`CPU during end to end (cores): ${splitText}`);
  const steps = (await app.metrics.stepSeconds.get()).values.filter((v) => v.metricName?.endsWith('_sum'));
  say(
    `time in steps (s, summed over chunks): ${steps.map((v) => `${v.labels.step} ${v.value.toFixed(2)}`).join(', ')}`,
  );
  if (profiler) say(`CPU profile of the end-to-end phase: ${await profiler.stop()}`);
  await app.stop();
  const stored = Number((await pool.query('SELECT count(*) AS n FROM positions')).rows[0].n);
  const e2eRate = rate(produced, e2eMs);
  const slower = Math.min(consumeA.rate, insertRate);
  say(
    `end to end: ${fmt(e2eRate)} positions/s (${fmt(stored)} stored), ingest process CPU ${((cpu.user + cpu.system) / 1000 / e2eMs).toFixed(2)} cores`,
  );
  say(
    `ratios: ×${(e2eRate / consumeA.rate).toFixed(2)} of baseline A, ×${(e2eRate / insertRate).toFixed(2)} of baseline B (slower baseline: ×${(e2eRate / slower).toFixed(2)})`,
  );
  if (args.skip) process.exit(0);
  if (stored !== produced) throw new Error(`stored ${stored} of ${produced} positions`);

  writeBenchmark({
    id: 'ingest',
    headline: `${fmt(e2eRate)} positions/s; ${(e2eRate / slower).toFixed(2)} × Postgres`,
    change: args.change,
    lines: [
      `Workload: ${fmt(produced)} valid positions from ${fmt(TRUCKS)} simulated trucks in ${fmt(messages)} batches of ${args['batch-size']} (${(rawBytes / produced).toFixed(1)} bytes/position), ${PARTITIONS} partitions; batches keyed by platform id as platforms send them (${fleet.platformIds.length} platforms: ${spread}).`,
      '',
      '| measure | positions/s | ingest ÷ measure |',
      '|---|---:|---:|',
      `| baseline A: kafkajs consume + protobuf decode only | ${fmt(consumeA.rate)} | ${(e2eRate / consumeA.rate).toFixed(2)} |`,
      `| baseline B: Postgres batch insert of the same rows (${fmt(chunk)}/statement, ${concurrency} concurrent) | ${fmt(insertRate)} | ${(e2eRate / insertRate).toFixed(2)} |`,
      `| **ingest end to end** (decode, validate, dedupe, persist, Redis, republish, commit) | **${fmt(e2eRate)}** | — |`,
      '',
      `CPU of the whole machine during the end-to-end phase (cores, of ${cpus().length}): ${splitText}.`,
      `Time in the ingest's I/O steps, summed over chunks (several chunks are in flight at once): ${steps.map((v) => `${v.labels.step} ${v.value.toFixed(1)} s`).join(', ')}.`,
      '',
      `Target: ≥ 50,000 positions/s end to end and ≥ 0.6 × the slower baseline. Result: ${fmt(e2eRate)}/s, ${(e2eRate / slower).toFixed(2)} × the slower baseline. Ingest process CPU during the run: ${((cpu.user + cpu.system) / 1000 / e2eMs).toFixed(2)} cores.`,
    ],
  });
  say('BENCHMARKS.md: ingest section and changelog row written');
} finally {
  await iso.dropSchema().catch(() => undefined);
  redis.disconnect();
  await pool.end();
  await running.stop();
}

async function tick(ms: number, deadline: number) {
  if (Date.now() > deadline) throw new Error('benchmark phase did not finish within 10 minutes');
  await sleep(ms);
}

/** Consumes a topic from the beginning until `N` positions were counted; rate from the first message. */
async function drain(topic: string, groupId: string, handle: (value: Buffer) => number) {
  // A bare consumer fetching as the ingest service does: four chunks per partition,
  // and room in a fetch for every partition's share (services/ingest/src/app.ts).
  const perPartition = 4 * loadConfig(ingestOverrides).INGEST_CHUNK_BYTES;
  const consumer = kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 200,
    maxBytesPerPartition: perPartition,
    maxBytes: perPartition * PARTITIONS,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let count = 0;
  let first = 0;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve, reject) => {
    done = resolve;
    setTimeout(
      () => reject(new Error(`draining ${topic} did not finish within 10 minutes`)),
      600_000,
    ).unref();
  });
  await consumer.run({
    partitionsConsumedConcurrently: 2,
    eachBatch: async ({ batch }) => {
      if (first === 0) first = performance.now();
      for (const m of batch.messages) count += handle(m.value as Buffer);
      if (count >= N) done();
    },
  });
  await finished;
  const ms = performance.now() - first;
  await consumer.disconnect();
  return { rate: rate(count, ms) };
}
