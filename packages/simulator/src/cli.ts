/**
 * Fleet simulator CLI: produces PositionBatch messages of N simulated trucks to
 * <prefix>positions.raw, keyed by platform id. Run with --help for the options.
 *   npx tsx --conditions=source packages/simulator/src/cli.ts --trucks 200 --start -5h --follow
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createKafka, createLogger, type Message, topicNames } from '@safewatch/common';
import { CliUsageError, cliUsage } from '@safewatch/common/cli';
import { type CliOptions, parseSimulatorArgs, SIMULATOR_CLI } from './args.js';
import { addCounts, createFleet, type Fleet, type PositionCounts, zeroCounts } from './fleet.js';

// kafkajs reads this when the producer is created: we use its default partitioner
// (murmur2, Java-compatible) on purpose, so its migration warning is noise.
process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';

const PROGRESS_EVERY_MS = 5_000;
/** Positions per producer.send() while catching up (≈ 1 MB of messages). */
const SEND_CHUNK_POSITIONS = 20_000;

function parseOrExit(): CliOptions {
  try {
    const opts = parseSimulatorArgs(process.argv.slice(2), process.env, Date.now());
    if (opts !== 'help') return opts;
    process.stdout.write(`${cliUsage(SIMULATOR_CLI)}\n`);
    process.exit(0);
  } catch (err) {
    if (err instanceof CliUsageError) {
      process.stderr.write(`simulate: ${err.message}\n(--help for every option)\n`);
      process.exit(2);
    }
    throw err;
  }
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}

function statsJson(
  opts: CliOptions,
  fleet: Fleet,
  topic: string,
  delivered: PositionCounts & { batches: number; simulatedTimeMs: number },
  startedAt: number,
  outcome: string,
) {
  const elapsedMs = Date.now() - startedAt;
  return {
    topic,
    seed: fleet.seed,
    trucks: fleet.trucks.length,
    platforms: fleet.platformIds.length,
    fixIntervalS: fleet.fixIntervalS,
    badRate: opts.badRate,
    startTimeMs: fleet.startTimeMs,
    startTime: new Date(fleet.startTimeMs).toISOString(),
    simulatedTimeMs: delivered.simulatedTimeMs,
    simulatedTime: Number.isFinite(delivered.simulatedTimeMs)
      ? new Date(delivered.simulatedTimeMs).toISOString()
      : null,
    produced: delivered.produced,
    valid: delivered.valid,
    bad: delivered.bad,
    duplicates: delivered.duplicates,
    late: delivered.late,
    batches: delivered.batches,
    elapsedMs,
    positionsPerSecond: elapsedMs > 0 ? Math.round((delivered.produced * 1000) / elapsedMs) : 0,
    outcome,
  };
}

async function main(): Promise<number> {
  const opts = parseOrExit();
  const logger = createLogger('simulator', opts.quiet ? 'warn' : (process.env.LOG_LEVEL ?? 'info'));
  const topic = topicNames(opts.topicPrefix).positionsRaw;
  const fleet = createFleet({
    seed: opts.seed,
    trucks: opts.trucks,
    startTimeMs: opts.startMs,
    fixIntervalS: opts.intervalS,
    platforms: opts.platforms,
    badRate: opts.badRate,
    batchSize: opts.batchSize,
  });
  if (opts.vehiclesFile) await writeJson(opts.vehiclesFile, fleet.trucks);

  const abort = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals > 1) {
      logger.warn({ signal }, 'second signal, exiting now');
      process.exit(1);
    }
    logger.info({ signal }, 'stopping: flushing what is generated');
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const startedAt = Date.now();
  const delivered = { ...zeroCounts(), batches: 0, simulatedTimeMs: Number.NaN };
  let outcome = 'stopped';

  const kafka = createKafka({ brokers: opts.brokers, clientId: 'safewatch-simulator', logger });
  const producer = kafka.producer({ allowAutoTopicCreation: false });

  let queued: Message[] = [];
  let queuedCounts = zeroCounts();
  let queuedPositions = 0;
  let queuedTimeMs = Number.NaN;
  let inflight: Promise<void> | undefined;
  let sendError: unknown;

  /** Hands the queue to one producer.send(); only one send is in flight, so per-platform order holds. */
  const flush = async () => {
    if (inflight) await inflight;
    if (sendError) throw sendError;
    if (queued.length === 0) return;
    const messages = queued;
    const counts = queuedCounts;
    const timeMs = queuedTimeMs;
    queued = [];
    queuedCounts = zeroCounts();
    queuedPositions = 0;
    inflight = producer.send({ topic, acks: -1, messages }).then(
      () => {
        addCounts(delivered, counts);
        delivered.batches += messages.length;
        delivered.simulatedTimeMs = timeMs;
      },
      (err: unknown) => {
        sendError = err;
      },
    );
  };

  try {
    await producer.connect();
    logger.info(
      {
        topic,
        brokers: opts.brokers,
        trucks: opts.trucks,
        seed: opts.seed,
        start: new Date(opts.startMs).toISOString(),
        count: opts.count,
        rate: opts.rate,
        follow: opts.follow,
      },
      `simulating ${opts.trucks} trucks from ${new Date(opts.startMs).toISOString()} to ${topic}`,
    );

    const chunk =
      opts.rate > 0 ? Math.max(1, Math.min(SEND_CHUNK_POSITIONS, opts.rate / 20)) : SEND_CHUNK_POSITIONS;
    let generated = 0;
    let caughtUp = false;
    let lastProgressAt = startedAt;
    let lastProgressCount = 0;
    const { signal } = abort;

    while (!signal.aborted) {
      if (opts.count > 0 && generated >= opts.count) {
        outcome = 'count reached';
        break;
      }
      const nextMs = fleet.nextTickTimeMs();
      let now = Date.now();
      if (nextMs > now) {
        if (!caughtUp) {
          caughtUp = true;
          logger.info({ produced: generated }, 'caught up with the wall clock');
        }
        if (!opts.follow) {
          outcome = 'caught up';
          break;
        }
        await flush();
        await sleep(nextMs - now, undefined, { signal }).catch(() => undefined);
        continue;
      }

      const tick = fleet.nextTick(opts.count > 0 ? { maxPositions: opts.count - generated } : undefined);
      for (const b of tick.batches) {
        if (opts.rate > 0) {
          const due = startedAt + (generated / opts.rate) * 1000;
          now = Date.now();
          if (due > now) {
            await flush();
            await sleep(due - now, undefined, { signal }).catch(() => undefined);
          }
        }
        queued.push({
          key: b.platformId,
          value: Buffer.from(b.bytes.buffer, b.bytes.byteOffset, b.bytes.byteLength),
        });
        addCounts(queuedCounts, b.counts);
        queuedPositions += b.positions;
        generated += b.positions;
        if (queuedPositions >= chunk) await flush();
      }
      queuedTimeMs = tick.timeMs;
      // In real time every tick goes out at once.
      if (caughtUp) await flush();

      now = Date.now();
      if (now - lastProgressAt >= PROGRESS_EVERY_MS) {
        const rate = Math.round(((generated - lastProgressCount) * 1000) / (now - lastProgressAt));
        logger.info(
          {
            produced: generated,
            positionsPerSecond: rate,
            simulatedTime: new Date(tick.timeMs).toISOString(),
          },
          `produced ${generated} positions, ${rate}/s, simulated time ${new Date(tick.timeMs).toISOString()}`,
        );
        lastProgressAt = now;
        lastProgressCount = generated;
      }
    }
    await flush();
    if (inflight) await inflight;
    if (sendError) throw sendError;
  } catch (err) {
    outcome = `failed: ${err instanceof Error ? err.message : String(err)}`;
    logger.error({ err }, `simulator ${outcome}`);
  } finally {
    await producer.disconnect().catch(() => undefined);
    const stats = statsJson(opts, fleet, topic, delivered, startedAt, outcome);
    if (opts.statsFile) await writeJson(opts.statsFile, stats);
    logger.info(stats, `done (${outcome}): ${stats.produced} positions in ${stats.batches} batches`);
  }
  return outcome.startsWith('failed') ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`simulator: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
