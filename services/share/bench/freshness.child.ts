/**
 * Freshness driver of the share benchmark, in its own process (off the share
 * server's event loop): the fleet simulator produces position batches to
 * positions.raw at a steady rate with current GNSS times, while the views of
 * a sample of shared vehicles are polled through the share service's HTTP
 * API. For each new fix of a sampled vehicle: the time from the production of
 * its batch (just before producer.send) to the first view response showing
 * that fix's gnssTime. Both ends are read on this process's clock.
 *
 * One message from the parent ({ cmd: 'run', ...FreshnessPlan }), one answer
 * ({ type: 'result', ...FreshnessResult }), then the process exits.
 */
import { createKafka, createLogger, lastPositionKey, producerConfig, Redis, sleep } from '@safewatch/common';
import { createFleet } from '@safewatch/simulator';
import { BENCH_PLATFORMS, sendKeyed } from '@safewatch/testkit';

export interface FreshnessPlan {
  brokers: string[];
  topic: string;
  seed: number;
  trucks: number;
  /** Simulated seconds between two fixes of a truck = wall seconds between two ticks. */
  fixIntervalS: number;
  /** Sends per tick, spread evenly over the tick (smooth production instead of one burst per tick). */
  slotsPerTick: number;
  warmupS: number;
  durationS: number;
  /** After production stops, how long the views keep being polled. */
  drainS: number;
  shareUrl: string;
  pollMs: number;
  /** Where ingest keeps last positions: polled too, to split the latency into ingest and share. */
  redisUrl: string;
  redisPrefix: string;
  samples: { vehicleKey: string; token: string; bearer: string; forwardedFor: string }[];
}

export interface FreshnessResult {
  /** ms, production → first view showing the fix, fixes produced in the measured window. */
  latencies: number[];
  /** ms, production → the fix is the vehicle's last position in Redis (written by ingest), same fixes. */
  redisLatencies: number[];
  /** Sampled fixes produced in the window that no view showed (a newer fix was seen first, or none). */
  missed: number;
  positions: number;
  seconds: number;
  polls: number;
  pollStatuses: Record<string, number>;
  /** Sends that started later than their slot by more than one slot (the producer fell behind). */
  lateSends: number;
  maxSendLagMs: number;
  /** Time taken to build and encode every tick beforehand. */
  generatedMs: number;
}

const wallNow = () => performance.timeOrigin + performance.now();

async function run(plan: FreshnessPlan): Promise<FreshnessResult> {
  const logger = createLogger('bench-freshness', 'warn');
  const producer = createKafka({ brokers: plan.brokers, clientId: 'bench-freshness', logger }).producer(
    producerConfig(),
  );
  await producer.connect();
  const tickMs = plan.fixIntervalS * 1000;
  const ticks = Math.ceil(((plan.warmupS + plan.durationS) * 1000) / tickMs);
  // The simulator's CPU is not part of what is measured: every tick is built and encoded
  // before production starts, with GNSS times from the planned start on (they are current
  // when sent: tick k goes out during [start + k·interval, + interval), never before its GNSS time).
  const planned = Math.ceil((Date.now() + 2_000 + ticks * 400) / 1000) * 1000;
  const fleet = createFleet({
    seed: plan.seed,
    trucks: plan.trucks,
    startTimeMs: planned,
    fixIntervalS: plan.fixIntervalS,
    badRate: 0,
    platforms: BENCH_PLATFORMS,
  });
  const sampled = new Set(plan.samples.map((s) => s.vehicleKey));
  type Prepared = { platformId: string; bytes: Buffer; positions: number; sampled: string[] };
  const prepared: Prepared[][] = [];
  const genStart = performance.now();
  for (let k = 0; k < ticks; k++) {
    prepared.push(
      fleet.nextTick().batches.map((b) => ({
        platformId: b.platformId,
        bytes: Buffer.from(b.bytes),
        positions: b.positions,
        sampled: b.message.positions
          .filter((p) => sampled.has(`${p.plateNumber}:${p.plateColor}`))
          .map((p) => `${p.plateNumber}:${p.plateColor}@${p.gnssTimeMs}`),
      })),
    );
  }
  const generatedMs = performance.now() - genStart;
  const start = Math.max(planned, Math.ceil(wallNow() / 100) * 100 + 200);
  /** `${vehicleKey}@${gnssTimeMs}` → production time, for the sampled fixes of the measured ticks. */
  const producedAt = new Map<string, number>();
  // The ticks after the warm-up are measured (by index, not by a wall-clock window, which a
  // timer firing a fraction of a millisecond early would shift by a whole tick).
  const warmupTicks = Math.round((plan.warmupS * 1000) / tickMs);
  const measureTo = start + prepared.length * tickMs;
  const inWindow: string[] = [];
  let firstMeasuredSend = Number.NaN;
  let lastMeasuredSend = Number.NaN;
  let positions = 0;
  let lateSends = 0;
  let maxSendLagMs = 0;
  let producing = true;

  // Pollers: one loop per sampled vehicle, staggered over the poll period.
  const latencies: number[] = [];
  const seen = new Set<string>();
  const pollStatuses: Record<string, number> = {};
  let polls = 0;
  // The same vehicles' last positions straight from Redis, one pipelined read per poll period.
  const redis = new Redis(plan.redisUrl);
  const redisLatencies: number[] = [];
  const seenInRedis = new Set<string>();
  const redisPoller = (async () => {
    const lastT = new Map<string, number>();
    while (producing || wallNow() < measureTo + plan.drainS * 1000) {
      const next = wallNow() + plan.pollMs;
      const pipeline = redis.pipeline();
      for (const s of plan.samples) pipeline.hget(lastPositionKey(plan.redisPrefix, s.vehicleKey), 't');
      const results = (await pipeline.exec()) ?? [];
      const at = wallNow();
      results.forEach(([, value], i) => {
        const vk = (plan.samples[i] as { vehicleKey: string }).vehicleKey;
        const t = Number(value ?? 0);
        if (t > (lastT.get(vk) ?? 0)) {
          lastT.set(vk, t);
          const key = `${vk}@${t}`;
          const sent = producedAt.get(key);
          if (sent !== undefined && !seenInRedis.has(key)) {
            seenInRedis.add(key);
            redisLatencies.push(at - sent);
          }
        }
      });
      await sleep(next - wallNow());
    }
  })();
  const pollers = plan.samples.map(async (s, i) => {
    await sleep((i * plan.pollMs) / plan.samples.length);
    let lastGnss = 0;
    let next = wallNow();
    while (producing || wallNow() < measureTo + plan.drainS * 1000) {
      next = Math.max(next + plan.pollMs, wallNow());
      try {
        const res = await fetch(`${plan.shareUrl}/v1/shares/${s.token}`, {
          headers: { authorization: s.bearer, 'x-forwarded-for': s.forwardedFor },
        });
        polls++;
        pollStatuses[res.status] = (pollStatuses[res.status] ?? 0) + 1;
        if (res.status === 200) {
          const view = (await res.json()) as { position: { gnssTime: string } | null };
          const at = wallNow();
          const gnss = view.position ? Date.parse(view.position.gnssTime) : 0;
          if (gnss > lastGnss) {
            lastGnss = gnss;
            const key = `${s.vehicleKey}@${gnss}`;
            const sent = producedAt.get(key);
            if (sent !== undefined && !seen.has(key)) {
              seen.add(key);
              latencies.push(at - sent);
            }
          }
        } else await res.arrayBuffer();
      } catch {
        pollStatuses.error = (pollStatuses.error ?? 0) + 1;
      }
      await sleep(next - wallNow());
    }
  });

  // Production: tick k goes out in `slotsPerTick` sends spread over [start + k·interval, + interval).
  for (let k = 0; k < prepared.length; k++) {
    const batches = prepared[k] as Prepared[];
    const slots = plan.slotsPerTick;
    const per = Math.ceil(batches.length / slots);
    for (let j = 0; j < slots; j++) {
      const slice = batches.slice(j * per, (j + 1) * per);
      if (slice.length === 0) continue;
      const slotAt = start + k * tickMs + (j * tickMs) / slots;
      await sleep(slotAt - wallNow());
      const sendAt = wallNow();
      const lag = sendAt - slotAt;
      maxSendLagMs = Math.max(maxSendLagMs, lag);
      if (lag > tickMs / slots) lateSends++;
      const measured = k >= warmupTicks;
      if (measured) {
        if (Number.isNaN(firstMeasuredSend)) firstMeasuredSend = sendAt;
        lastMeasuredSend = sendAt;
      }
      for (const b of slice) {
        for (const key of b.sampled) {
          if (measured) {
            producedAt.set(key, sendAt);
            inWindow.push(key);
          }
        }
        if (measured) positions += b.positions;
      }
      // Keyed by platform id, as platforms produce them (the partitioner picks the partition).
      await sendKeyed(
        producer,
        plan.topic,
        slice.map((b) => ({ key: b.platformId, value: b.bytes })),
      );
    }
  }
  producing = false;
  await Promise.all([...pollers, redisPoller]);
  await producer.disconnect();
  redis.disconnect();
  return {
    latencies,
    redisLatencies,
    missed: inWindow.filter((key) => !seen.has(key)).length,
    positions,
    // From the first measured send to one send period after the last.
    seconds: (lastMeasuredSend - firstMeasuredSend + tickMs / plan.slotsPerTick) / 1000,
    polls,
    pollStatuses,
    lateSends,
    maxSendLagMs,
    generatedMs,
  };
}

process.once('message', async (m: { cmd: 'run' } & FreshnessPlan) => {
  try {
    process.send?.({ type: 'result', ...(await run(m)) });
  } catch (err) {
    process.send?.({
      type: 'error',
      message: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
  }
});
process.on('message', (m: { cmd: string }) => {
  if (m.cmd === 'exit') process.exit(0);
});
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'ready' });
