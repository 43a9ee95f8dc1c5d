/**
 * Fleet simulator of the end-to-end benchmark, in its own process. For each
 * rate step the parent sends { cmd: 'prepare', ...StepPlan }: a fleet of
 * `rate` trucks (one fix per truck per second, so GNSS times keep up with the
 * clock) is simulated and encoded beforehand for the whole step, so that
 * during the step this process only produces. Then { cmd: 'run' }: every
 * simulated second goes out in `sendsPerS` sends spread evenly over that
 * second, messages keyed by platform id as platforms produce them. Progress
 * ({ type: 'progress', positions, messages }) after every send; at the end
 * { type: 'done', ...StepProduced } with the production time of every fix of
 * the sampled vehicles. The trucks of one seed are the same trucks whatever
 * their number (the first 200 are the bindings sample registry's vehicles).
 */
import { createKafka, createLogger, producerConfig, sleep } from '@safewatch/common';
import { createFleet } from '@safewatch/simulator';
import { BENCH_PLATFORMS, sendKeyed } from '@safewatch/testkit';

export interface StepPlan {
  brokers: string[];
  topic: string;
  seed: number;
  rate: number;
  seconds: number;
  sendsPerS: number;
  /** vehicle keys ("plate:colour") whose fixes are timed from production to the share view. */
  sampled: string[];
}

export interface StepProduced {
  positions: number;
  messages: number;
  /** From the first send to one send period after the last. */
  seconds: number;
  /** [`${vehicleKey}@${gnssTimeMs}`, production time (epoch ms)] of the sampled vehicles' fixes. */
  produced: [string, number][];
  /** Sends that started more than one send period after their slot (this process fell behind). */
  lateSends: number;
  maxSendLagMs: number;
}

type Prepared = { key: string; bytes: Buffer; positions: number; sampled: string[] };

const wallNow = () => performance.timeOrigin + performance.now();
const producer = createKafka({
  brokers: (process.env.KAFKA_BROKERS ?? '').split(','),
  clientId: 'bench-e2e-simulator',
  logger: createLogger('bench-e2e-simulator', 'warn'),
}).producer(producerConfig());
const connected = producer.connect();

let plan: StepPlan | undefined;
let ticks: Prepared[][] = [];
/** Set by { cmd: 'stop' }: the step ends after the send in progress (the parent saw the lag run away). */
let stopRequested = false;

function prepare(p: StepPlan) {
  const t0 = performance.now();
  // GNSS times start when production is expected to start (after this generation).
  const startTimeMs = Math.ceil((Date.now() + 1_000 + (p.rate * p.seconds) / 150) / 1000) * 1000;
  const fleet = createFleet({
    seed: p.seed,
    trucks: p.rate,
    startTimeMs,
    fixIntervalS: 1,
    badRate: 0,
    platforms: BENCH_PLATFORMS,
  });
  const sampled = new Set(p.sampled);
  ticks = [];
  let positions = 0;
  let messages = 0;
  for (let k = 0; k < p.seconds; k++) {
    ticks.push(
      fleet.nextTick().batches.map((b) => {
        positions += b.positions;
        messages += 1;
        return {
          key: b.platformId,
          bytes: Buffer.from(b.bytes),
          positions: b.positions,
          sampled: b.message.positions
            .filter((x) => sampled.has(`${x.plateNumber}:${x.plateColor}`))
            .map((x) => `${x.plateNumber}:${x.plateColor}@${x.gnssTimeMs}`),
        };
      }),
    );
  }
  plan = p;
  const platforms = fleet.platformIds.length;
  return { positions, messages, platforms, generatedMs: performance.now() - t0, startTimeMs };
}

async function run(p: StepPlan, startTimeMs: number): Promise<StepProduced> {
  await connected;
  const slotMs = 1000 / p.sendsPerS;
  const start = Math.max(startTimeMs, Math.ceil(wallNow() / 100) * 100 + 100);
  const produced: [string, number][] = [];
  let positions = 0;
  let messages = 0;
  let lateSends = 0;
  let maxSendLagMs = 0;
  let first = Number.NaN;
  let last = Number.NaN;
  stopRequested = false;
  for (let k = 0; k < ticks.length && !stopRequested; k++) {
    const batches = ticks[k] as Prepared[];
    const per = Math.ceil(batches.length / p.sendsPerS);
    for (let j = 0; j < p.sendsPerS && !stopRequested; j++) {
      const slice = batches.slice(j * per, (j + 1) * per);
      if (slice.length === 0) continue;
      const slotAt = start + k * 1000 + j * slotMs;
      await sleep(slotAt - wallNow());
      const sendAt = wallNow();
      const lag = sendAt - slotAt;
      maxSendLagMs = Math.max(maxSendLagMs, lag);
      if (lag > slotMs) lateSends++;
      if (Number.isNaN(first)) first = sendAt;
      last = sendAt;
      for (const b of slice) for (const key of b.sampled) produced.push([key, sendAt]);
      await sendKeyed(
        producer,
        p.topic,
        slice.map((b) => ({ key: b.key, value: b.bytes })),
      );
      positions += slice.reduce((s, b) => s + b.positions, 0);
      messages += slice.length;
      process.send?.({ type: 'progress', positions, messages });
    }
    ticks[k] = [];
  }
  ticks = [];
  return { positions, messages, seconds: (last - first + slotMs) / 1000, produced, lateSends, maxSendLagMs };
}

let startTimeMs = 0;
process.on('message', async (m: { cmd: string } & Partial<StepPlan>) => {
  try {
    if (m.cmd === 'prepare') {
      const r = prepare(m as StepPlan);
      startTimeMs = r.startTimeMs;
      process.send?.({ type: 'prepared', ...r });
    } else if (m.cmd === 'run' && plan) {
      process.send?.({ type: 'done', ...(await run(plan, startTimeMs)) });
    } else if (m.cmd === 'stop') {
      stopRequested = true;
    } else if (m.cmd === 'exit') {
      await producer.disconnect().catch(() => undefined);
      process.exit(0);
    }
  } catch (err) {
    process.send?.({
      type: 'error',
      message: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
  }
});
process.on('disconnect', () => process.exit(0));
await connected;
process.send?.({ type: 'ready' });
