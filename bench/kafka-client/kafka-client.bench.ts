/**
 * npm run bench:kafka-client [-- --rounds 5 --messages 200000 --consume-messages 1000000]
 *
 * kafkajs (today's client, as packages/common/src/kafka wraps it) against
 * @platformatic/kafka on the same local Apache Kafka broker, in the same run,
 * interleaved round by round, on this system's two hot paths:
 *
 * - produce: accepted positions (~60-byte pb.Position values keyed by vehicle
 *   key, `--keys` distinct keys) to a topic of `--partitions` partitions,
 *   idempotent with acks=all, in sends of `--send-size` messages awaited one
 *   after the other (as ingest republishes them). kafkajs is measured twice:
 *   through the service producer (createProducer: a queue, a new idempotent
 *   session after a failed send, partitions placed and checked per send) and
 *   bare (kafka.producer(producerConfig())), so that the client's cost and the
 *   adapter's can be told apart;
 * - consume: a topic of `--consume-messages` such positions read from the
 *   beginning by a new consumer group (one member), from the first message
 *   delivered to the last.
 *
 * Each measure gives messages/s and CPU-ms of this Node process per 1,000
 * messages (process.cpuUsage: every thread, GC included); the medians over
 * the rounds, and the ratio platformatic ÷ kafkajs, go to the kafka-client
 * section of BENCHMARKS.md with a row in its changelog.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import * as plt from '@platformatic/kafka';
import {
  createKafka,
  createLogger,
  createProducer,
  createTopicsReady,
  fmt,
  type Kafka,
  type Producer,
  parseCliArgs,
  producerConfig,
  vehicleKey,
} from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { SHANDONG_CITIES } from '@safewatch/simulator';
import { changelogOptions, median, startLocalKafka, writeBenchmarkUnlessDry } from '@safewatch/testkit';

const { values: args } = parseCliArgs({
  name: 'bench:kafka-client',
  summary: `kafkajs against @platformatic/kafka on a real local Kafka broker, interleaved in one run:
producing accepted positions (idempotent, acks=all, keyed sends awaited one after the other) and
consuming them in a consumer group; messages/s and CPU-ms per 1,000 messages, medians over the
rounds and the ratio platformatic ÷ kafkajs; writes BENCHMARKS.md (section kafka-client).`,
  options: {
    rounds: {
      type: 'number',
      integer: true,
      min: 3,
      default: 5,
      placeholder: 'N',
      description: 'measured rounds; each runs every client once per hot path',
    },
    messages: {
      type: 'number',
      integer: true,
      min: 1,
      default: 200_000,
      placeholder: 'N',
      description: 'messages produced by each client in each round',
    },
    'consume-messages': {
      type: 'number',
      integer: true,
      min: 1,
      default: 1_000_000,
      placeholder: 'N',
      description: 'messages of the topic each client consumes in each round',
    },
    'send-size': {
      type: 'number',
      integer: true,
      min: 1,
      default: 2_000,
      placeholder: 'N',
      description: 'messages per send (as ingest publishes accepted positions)',
    },
    keys: {
      type: 'number',
      integer: true,
      min: 1,
      default: 20_000,
      placeholder: 'N',
      description: 'distinct vehicle keys',
    },
    partitions: {
      type: 'number',
      integer: true,
      min: 1,
      default: 8,
      placeholder: 'N',
      description: 'partitions of each topic',
    },
    'dry-run': {
      type: 'boolean',
      description: 'write nothing in the repository: the section to stdout',
    },
    ...changelogOptions,
  },
  env: {
    KAFKA_BROKERS: 'Kafka to use (default: a local Apache Kafka node started for the run)',
  },
});

const PLT_VERSION = packageVersion('@platformatic/kafka');
const KAFKAJS_VERSION = packageVersion('kafkajs');
// @platformatic/kafka 2.x is built for Node ≥ 22.22: its promise API needs Promise.withResolvers, which
// Node 20 lacks.
const promises = Promise as unknown as { withResolvers?: unknown };
if (typeof promises.withResolvers !== 'function') {
  promises.withResolvers = <T>() => {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

const say = (s: string) => process.stdout.write(`${s}\n`);
const logger = createLogger('bench', 'warn');
const P = args.partitions;
const SEND = args['send-size'];
const MIB = 1024 * 1024;
/** As the services' consumers fetch (group-consumer.ts, ingest's INGEST_FETCH_MAX_WAIT_MS). */
const FETCH = { perPartition: MIB, maxWaitMs: 200 };
const PHASE_TIMEOUT_MS = 600_000;

/** The version of an installed package (the package.json above its entry point). */
function packageVersion(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) return '?';
    dir = dirname(dir);
  }
}

/** One position per message, as ingest republishes accepted ones: fields as the simulator sets them. */
function positions(count: number, keys: number): { key: string; value: Buffer }[] {
  const plates = Array.from({ length: keys }, (_, i) => {
    const city = SHANDONG_CITIES[i % SHANDONG_CITIES.length]!;
    return `鲁${city.letter}${String(10_000 + ((i * 7_919) % 90_000)).padStart(5, '0')}`;
  });
  const start = Date.now() - 3_600_000;
  const out: { key: string; value: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const v = i % keys;
    const tick = Math.floor(i / keys);
    const plateNumber = plates[v]!;
    const encoded = pb.Position.encode({
      plateNumber,
      plateColor: 2,
      gnssTimeMs: start + tick * 30_000 + (v % 30) * 1_000,
      latE6: 34_400_000 + ((v * 104_729 + tick * 311) % 3_400_000),
      lonE6: 114_800_000 + ((v * 130_363 + tick * 523) % 7_600_000),
      speedDkmh: (v * 37 + tick * 11) % 1_000,
      headingDeg: (v * 13 + tick) % 360,
      altitudeM: 20 + ((v * 7) % 400),
      alarmFlags: 0,
      statusFlags: 3,
      odometerHm: 1_000_000 + v * 97 + tick * 8,
      platformId: `plat-${String((v % 16) + 1).padStart(2, '0')}`,
    }).finish();
    out.push({ key: vehicleKey(plateNumber, 2), value: Buffer.from(encoded) });
  }
  return out;
}

interface Measure {
  messages: number;
  ms: number;
  cpuMs: number;
}
const rateOf = (m: Measure) => (m.messages * 1000) / m.ms;
const cpuPer1000 = (m: Measure) => (m.cpuMs * 1000) / m.messages;
const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
/** A producer under test: sends `messages` to `topic` in sends of SEND, each awaited. */
interface ProduceArm {
  name: string;
  produce(topic: string, messages: { key: string; value: Buffer }[]): Promise<void>;
  close(): Promise<void>;
}

function kafkajsArm(name: string, producer: Producer): ProduceArm {
  return {
    name,
    async produce(topic, messages) {
      for (let from = 0; from < messages.length; from += SEND) {
        const slice = messages.slice(from, from + SEND);
        await producer.send({
          topic,
          acks: -1,
          messages: slice.map((p) => ({ key: p.key, value: p.value })),
        });
      }
    },
    close: () => producer.disconnect(),
  };
}

function platformaticArm(brokers: string[]): ProduceArm {
  // What producerConfig() asks of kafkajs: idempotent, acks=all, 3 retries, the Java-compatible
  // murmur2 partitioner (keys land on the same partitions), no auto-created topics.
  const producer = new plt.Producer({
    clientId: 'bench-platformatic',
    bootstrapBrokers: brokers,
    idempotent: true,
    acks: plt.ProduceAcks.ALL,
    retries: 3,
    partitioner: plt.compatibilityPartitioner,
    autocreateTopics: false,
    serializers: { key: plt.stringSerializer },
  });
  return {
    name: 'platformatic',
    async produce(topic, messages) {
      for (let from = 0; from < messages.length; from += SEND) {
        const slice = messages.slice(from, from + SEND);
        await producer.send({ messages: slice.map((p) => ({ topic, key: p.key, value: p.value })) });
      }
    },
    close: () => producer.close(),
  };
}

async function timed(messages: number, run: () => Promise<void>): Promise<Measure> {
  const cpu = cpuNow();
  const t = performance.now();
  await run();
  return { messages, ms: performance.now() - t, cpuMs: cpuNow() - cpu };
}

/**
 * Counts what a consumer delivers. The measure runs from the group's assignment (every fetch and
 * its decoding included, the group's join left out) to the `n`-th message.
 */
class Drain {
  count = 0;
  /** Value bytes seen (every value is read, as a consumer would). */
  bytes = 0;
  private start: { t: number; cpu: number } | undefined;
  private end: Measure | undefined;
  private done!: () => void;
  readonly finished: Promise<void>;

  constructor(
    private readonly n: number,
    label: string,
  ) {
    this.finished = new Promise<void>((resolve, reject) => {
      this.done = resolve;
      setTimeout(
        () => reject(new Error(`${label}: ${this.count} of ${n} messages within 10 minutes`)),
        PHASE_TIMEOUT_MS,
      ).unref();
    });
  }

  /** The member has its partitions: fetching starts. */
  begin(): { t: number; cpu: number } {
    this.start ??= { t: performance.now(), cpu: cpuNow() };
    return this.start;
  }

  add(messages: number): void {
    const start = this.begin();
    this.count += messages;
    if (this.count >= this.n && !this.end) {
      this.end = {
        messages: this.count,
        ms: performance.now() - start.t,
        cpuMs: cpuNow() - start.cpu,
      };
      this.done();
    }
  }

  measure(): Measure {
    if (!this.end) throw new Error('drain not finished');
    return this.end;
  }
}

async function consumeKafkajs(kafka: Kafka, topic: string, n: number, groupId: string): Promise<Measure> {
  const consumer = kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    maxBytesPerPartition: FETCH.perPartition,
    maxBytes: FETCH.perPartition * P,
    maxWaitTimeInMs: FETCH.maxWaitMs,
  });
  const drain = new Drain(n, 'kafkajs consume');
  consumer.on(consumer.events.GROUP_JOIN, () => drain.begin());
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) drain.bytes += m.value?.length ?? 0;
        drain.add(batch.messages.length);
      },
    });
    await drain.finished;
  } finally {
    await consumer.disconnect();
  }
  return drain.measure();
}

async function consumePlatformatic(brokers: string[], topic: string, n: number, groupId: string) {
  const consumer = new plt.Consumer({
    clientId: 'bench-platformatic',
    bootstrapBrokers: brokers,
    groupId,
    autocreateTopics: false,
    maxBytesPerPartition: FETCH.perPartition,
    maxBytes: FETCH.perPartition * P,
    maxWaitTime: FETCH.maxWaitMs,
  });
  const drain = new Drain(n, 'platformatic consume');
  consumer.on('consumer:group:join', () => drain.begin());
  try {
    // autocommit (the default) commits each fetch's last offsets, as kafkajs does after each batch.
    const stream = await consumer.consume({
      topics: [topic],
      mode: plt.MessagesStreamModes.COMMITTED,
      fallbackMode: plt.MessagesStreamFallbackModes.EARLIEST,
    });
    stream.on('data', (m: plt.Message<Buffer, Buffer, Buffer, Buffer>) => {
      drain.bytes += m.value?.length ?? 0;
      drain.add(1);
    });
    stream.on('error', (err) => say(`platformatic stream error: ${String(err)}`));
    await drain.finished;
    await stream.close();
  } finally {
    await consumer.close(true);
  }
  return drain.measure();
}

// --- run ---

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const loadAtStart = load();
const local = process.env.KAFKA_BROKERS
  ? undefined
  : await startLocalKafka({ name: 'kafka-bench-kafka-client' });
const brokers =
  local?.brokers ??
  (process.env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
const kafka = createKafka({ brokers, clientId: 'bench-kafkajs', logger });
const id = randomBytes(4).toString('hex');
const topic = (name: string) => `bench-kc${id}.${name}`;

try {
  const service = createProducer(kafka);
  const bare = kafka.producer(producerConfig());
  await service.connect();
  await bare.connect();
  const arms = [kafkajsArm('kafkajs', service), kafkajsArm('kafkajs-bare', bare), platformaticArm(brokers)];
  const consumeTopic = topic('consume');
  const admin = kafka.admin();
  await admin.connect();
  await createTopicsReady(admin, {
    topics: [consumeTopic, ...arms.map((a) => topic(`produce-${a.name}`))].map((t) => ({
      topic: t,
      numPartitions: P,
    })),
  });

  const batch = positions(args.messages, args.keys);
  const bytes = batch.reduce((s, m) => s + m.value.length, 0) / batch.length;
  say(
    `${fmt(batch.length)} positions, ${bytes.toFixed(1)} bytes each, ${fmt(Math.min(args.keys, batch.length))} vehicle keys; ${P} partitions; sends of ${fmt(SEND)}`,
  );

  // The consume topic, filled once (by the bare kafkajs producer) and read by every consume round.
  const fillArm = arms[1]!;
  const fill = await timed(args['consume-messages'], async () => {
    for (let done = 0; done < args['consume-messages']; done += batch.length)
      await fillArm.produce(consumeTopic, batch.slice(0, args['consume-messages'] - done));
  });
  say(`filled ${consumeTopic}: ${fmt(fill.messages)} messages in ${(fill.ms / 1000).toFixed(1)} s`);

  const count = async (t: string) => {
    const offsets = await admin.fetchTopicOffsets(t);
    return offsets.reduce((s, o) => s + Number(o.high) - Number(o.low), 0);
  };
  const expected = new Map<string, number>();
  const checkProduced = async (arm: ProduceArm, added: number) => {
    const t = topic(`produce-${arm.name}`);
    const want = (expected.get(t) ?? 0) + added;
    expected.set(t, want);
    const got = await count(t);
    if (got !== want) throw new Error(`${arm.name}: ${t} holds ${got} messages, ${want} sent`);
  };

  // Warm-up (not measured): every client produces and consumes a little first.
  const warm = batch.slice(0, Math.min(batch.length, 20 * SEND));
  for (const arm of arms) {
    await arm.produce(topic(`produce-${arm.name}`), warm);
    await checkProduced(arm, warm.length);
  }
  await consumeKafkajs(kafka, topic('produce-kafkajs'), warm.length, `bench-kc${id}-warm-kafkajs`);
  await consumePlatformatic(brokers, topic('produce-kafkajs'), warm.length, `bench-kc${id}-warm-plt`);
  say('warm-up done');

  const produced = new Map<string, Measure[]>(arms.map((a) => [a.name, []]));
  const consumed = new Map<string, Measure[]>([
    ['kafkajs', []],
    ['platformatic', []],
  ]);
  const show = (label: string, m: Measure) =>
    say(
      `  ${label.padEnd(24)} ${fmt(Math.round(rateOf(m))).padStart(9)} msg/s  ${cpuPer1000(m).toFixed(1)} CPU-ms/1k`,
    );
  for (let r = 1; r <= args.rounds; r++) {
    say(`round ${r}/${args.rounds} (load ${load()})`);
    for (const arm of arms) {
      const m = await timed(batch.length, () => arm.produce(topic(`produce-${arm.name}`), batch));
      await checkProduced(arm, batch.length);
      produced.get(arm.name)!.push(m);
      show(`produce ${arm.name}`, m);
    }
    const n = args['consume-messages'];
    const k = await consumeKafkajs(kafka, consumeTopic, n, `bench-kc${id}-kafkajs-${r}`);
    consumed.get('kafkajs')!.push(k);
    show('consume kafkajs', k);
    const p = await consumePlatformatic(brokers, consumeTopic, n, `bench-kc${id}-plt-${r}`);
    consumed.get('platformatic')!.push(p);
    show('consume platformatic', p);
    for (const m of [k, p])
      if (m.messages !== n) throw new Error(`a consumer delivered ${m.messages} of ${n} messages`);
  }
  const loadAtEnd = load();
  await admin.disconnect();
  for (const arm of arms) await arm.close();

  const med = (ms: Measure[]) => ({ rate: median(ms.map(rateOf)), cpu: median(ms.map(cpuPer1000)) });
  const spread = (ms: Measure[]) => {
    const rates = ms.map(rateOf);
    return `${fmt(Math.round(Math.min(...rates)))}–${fmt(Math.round(Math.max(...rates)))}`;
  };
  const rows: string[] = [];
  const verdicts: string[] = [];
  const row = (path: string, base: Measure[], other: Measure[]) => {
    const b = med(base);
    const o = med(other);
    const rate = o.rate / b.rate;
    const cpu = b.cpu / o.cpu;
    verdicts.push(`${path}: ×${rate.toFixed(2)} messages/s, ×${cpu.toFixed(2)} messages per CPU-second`);
    rows.push(
      `| ${path} | ${fmt(Math.round(b.rate))} (${spread(base)}) | ${fmt(Math.round(o.rate))} (${spread(other)}) | **×${rate.toFixed(2)}** | ${b.cpu.toFixed(1)} | ${o.cpu.toFixed(1)} | **×${cpu.toFixed(2)}** |`,
    );
    return { rate, cpu };
  };
  const gains = [
    row(
      'produce, service producer (createProducer)',
      produced.get('kafkajs')!,
      produced.get('platformatic')!,
    ),
    row('produce, bare kafkajs producer', produced.get('kafkajs-bare')!, produced.get('platformatic')!),
    row(
      'consume, consumer group from the beginning',
      consumed.get('kafkajs')!,
      consumed.get('platformatic')!,
    ),
  ];
  const best = (g: { rate: number; cpu: number }) => Math.max(g.rate, g.cpu);
  const reached = [gains[0]!, gains[2]!].every((g) => best(g) >= 1.5);
  say(verdicts.join('\n'));
  const verdict = reached
    ? 'both hot paths gain ≥ 1.5×'
    : `not both hot paths gain ≥ 1.5× (produce ×${best(gains[0]!).toFixed(2)}, consume ×${best(gains[2]!).toFixed(2)}, the better of rate and CPU)`;
  say(`verdict: ${verdict}`);

  const lines = [
    `kafkajs ${KAFKAJS_VERSION} and @platformatic/kafka ${PLT_VERSION} on one local Apache Kafka broker, Node ${process.version} (platformatic 2.x asks for Node ≥ 22.22; run here with a Promise.withResolvers polyfill). Load average at start ${loadAtStart}, at end ${loadAtEnd}.`,
    '',
    '| hot path | kafkajs msg/s, median (range) | platformatic msg/s | platformatic ÷ kafkajs | kafkajs CPU-ms / 1,000 msg | platformatic CPU-ms / 1,000 msg | msg per CPU-s, platformatic ÷ kafkajs |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Method: ${args.rounds} rounds, each producing ${fmt(batch.length)} positions (pb.Position, ${bytes.toFixed(0)} bytes, keyed by ${fmt(args.keys)} vehicle keys, ${P} partitions) with each client in turn — idempotent, acks=all, murmur2 placement, sends of ${fmt(SEND)} awaited one after the other — then reading a topic of ${fmt(args['consume-messages'])} such positions from the beginning in a new consumer group with each client (1 MiB per partition per fetch, 200 ms max wait, offsets committed per fetch); medians over the rounds after a warm-up. Consume rates and CPU run from the group's assignment to the last message; CPU is this Node process's (process.cpuUsage, all threads).`,
    '',
    `Switch criterion (issue 17: ≥ 1.5× on both hot paths, the better of messages/s and messages per CPU-second): **${reached ? 'reached' : 'not reached'}** — produce ×${best(gains[0]!).toFixed(2)}, consume ×${best(gains[2]!).toFixed(2)}.`,
  ];
  const headline = `platformatic ÷ kafkajs, messages/s and per CPU-second: produce ×${gains[0]!.rate.toFixed(2)} and ×${gains[0]!.cpu.toFixed(2)} (bare kafkajs ×${gains[1]!.rate.toFixed(2)} and ×${gains[1]!.cpu.toFixed(2)}); consume ×${gains[2]!.rate.toFixed(2)} and ×${gains[2]!.cpu.toFixed(2)}`;
  say(writeBenchmarkUnlessDry({ id: 'kafka-client', headline, change: args.change, lines }, args['dry-run']));
} finally {
  await local?.stop();
}
