/**
 * npm run bench:ingest [-- --positions 1000000 --trucks 10000 --partitions 4]
 *
 * 1. The fleet simulator fills positions.raw with N valid positions.
 * 2. Baseline A: a bare kafkajs consumer drains the topic, decoding each batch.
 * 3. Baseline B: the same rows, pre-decoded, inserted into a copy of the
 *    positions table with the ingest's own insert (same chunking and concurrency).
 * 4. The ingest service drains the topic end to end (decode, validate, dedupe,
 *    persist, last position in Redis, republish, commit).
 * Reports positions/s and the end-to-end rate as a ratio of each baseline, and
 * writes the results with a description of the machine to BENCHMARKS.md.
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import {
  createKafka,
  createLogger,
  createPgPool,
  migrate,
  producerConfig,
  topicNames,
} from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { createFleet } from '@safewatch/simulator';
import { isolate, startInfra } from '@safewatch/testkit';
import { Redis } from 'ioredis';
import { PositionsRepo } from '../src/adapters/positions.repo.js';
import { createIngestApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { AcceptedPosition } from '../src/domain/position.js';
import { MIGRATIONS } from '../test/helpers.js';
import { writeBenchSection } from './report.js';

const { values: args } = parseArgs({
  options: {
    positions: { type: 'string', default: '1000000' },
    trucks: { type: 'string', default: '10000' },
    partitions: { type: 'string', default: '4' },
    'batch-size': { type: 'string', default: '500' },
  },
});
const N = Number(args.positions);
const TRUCKS = Number(args.trucks);
const PARTITIONS = Number(args.partitions);
const logger = createLogger('bench', 'warn');
const say = (s: string) => process.stdout.write(`${s}\n`);
const rate = (n: number, ms: number) => Math.round((n * 1000) / ms);
const fmt = (n: number) => n.toLocaleString('en-US');

const running = await startInfra(process.env);
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
    batchSize: Number(args['batch-size']),
  });
  const producer = kafka.producer(producerConfig());
  await producer.connect();
  let produced = 0;
  let rawBytes = 0;
  let messages = 0;
  const fillStart = performance.now();
  while (produced < N) {
    const tick = fleet.nextTick({ maxPositions: N - produced });
    for (let i = 0; i < tick.batches.length; i += 50) {
      const slice = tick.batches.slice(i, i + 50);
      await producer.send({
        topic: rawTopic,
        acks: -1,
        messages: slice.map((b) => ({ key: b.platformId, value: Buffer.from(b.bytes) })),
      });
      for (const b of slice) rawBytes += b.bytes.length;
      messages += slice.length;
    }
    produced += tick.positions;
  }
  const fillMs = performance.now() - fillStart;
  await producer.disconnect();
  say(
    `filled ${rawTopic}: ${fmt(produced)} positions in ${fmt(messages)} messages (${(rawBytes / 1e6).toFixed(1)} MB), ${fmt(rate(produced, fillMs))}/s`,
  );

  // 2. Baseline A: bare kafkajs consume + decode.
  const rows: AcceptedPosition[] = [];
  const consumeA = await drain(rawTopic, `bench-raw-${iso.id}`, (value) => {
    const b = pb.PositionBatch.decode(value);
    for (const p of b.positions) {
      rows.push({
        vehicleKey: `${p.plateNumber}:${p.plateColor}`,
        plateNumber: p.plateNumber ?? '',
        plateColor: p.plateColor ?? 0,
        gnssTimeMs: Number(p.gnssTimeMs),
        latE6: p.latE6 ?? 0,
        lonE6: p.lonE6 ?? 0,
        speedDkmh: p.speedDkmh ?? 0,
        headingDeg: p.headingDeg ?? 0,
        altitudeM: p.altitudeM ?? 0,
        alarmFlags: p.alarmFlags ?? 0,
        statusFlags: p.statusFlags ?? 0,
        odometerHm: p.odometerHm ?? 0,
        platformId: b.platformId ?? '',
        encoded: new Uint8Array(0),
      });
    }
    return b.positions.length;
  });
  say(`baseline A, kafkajs consume + decode: ${fmt(consumeA.rate)} positions/s`);

  // 3. Baseline B: the same rows into a copy of the table, same insert, chunking and concurrency.
  await pool.query('CREATE TABLE positions_baseline (LIKE positions INCLUDING ALL)');
  const baselineRepo = new PositionsRepo(pool, 'positions_baseline');
  const cfgDefaults = loadConfig({});
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
    }),
    logger,
  );
  const cpuBefore = process.cpuUsage();
  await app.start();
  const consumed = async () => (await app.metrics.consumed.get()).values[0]?.value ?? 0;
  let first = 0;
  while ((await consumed()) === 0) await new Promise((r) => setTimeout(r, 5));
  first = performance.now();
  while ((await consumed()) < produced) await new Promise((r) => setTimeout(r, 20));
  const e2eMs = performance.now() - first;
  const cpu = process.cpuUsage(cpuBefore);
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
  if (stored !== produced) throw new Error(`stored ${stored} of ${produced} positions`);

  const pgVersion = (await pool.query('SHOW server_version')).rows[0].server_version;
  const redisVersion = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1];
  await writeBenchSection('ingest', [
    `Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM; Node ${process.version}; PostgreSQL ${pgVersion} (${infra.mode.postgres}, plain table); Redis ${redisVersion} (${infra.mode.redis}); Kafka: ${infra.mode.kafka === 'mock' ? 'librdkafka mock broker (local, in memory)' : infra.mode.kafka}. Everything on this one machine.`,
    `Workload: ${fmt(produced)} valid positions from ${fmt(TRUCKS)} simulated trucks in ${fmt(messages)} batches of ${args['batch-size']} (${(rawBytes / produced).toFixed(1)} bytes/position), ${PARTITIONS} partitions.`,
    '',
    '| measure | positions/s | ingest ÷ measure |',
    '|---|---:|---:|',
    `| baseline A: kafkajs consume + protobuf decode only | ${fmt(consumeA.rate)} | ${(e2eRate / consumeA.rate).toFixed(2)} |`,
    `| baseline B: Postgres batch insert of the same rows (${fmt(chunk)}/statement, ${concurrency} concurrent) | ${fmt(insertRate)} | ${(e2eRate / insertRate).toFixed(2)} |`,
    `| **ingest end to end** (decode, validate, dedupe, persist, Redis, republish, commit) | **${fmt(e2eRate)}** | — |`,
    '',
    `Target: ≥ 50,000 positions/s end to end and ≥ 0.6 × the slower baseline. Result: ${fmt(e2eRate)}/s, ${(e2eRate / slower).toFixed(2)} × the slower baseline. Ingest process CPU during the run: ${((cpu.user + cpu.system) / 1000 / e2eMs).toFixed(2)} cores.`,
  ]);
} finally {
  await iso.dropSchema().catch(() => undefined);
  redis.disconnect();
  await pool.end();
  await running.stop();
}

/** Consumes a topic from the beginning until `N` positions were counted; rate from the first message. */
async function drain(topic: string, groupId: string, handle: (value: Buffer) => number) {
  const consumer = kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    maxBytesPerPartition: 4 * 1024 * 1024,
    maxWaitTimeInMs: 200,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let count = 0;
  let first = 0;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((r) => (done = r));
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
