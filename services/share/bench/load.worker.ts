/**
 * The load generator of the share benchmark's view measure, run in a worker
 * thread (see `runLoad` in load.ts) so that autocannon does not share the
 * event loop of the servers under test. Each request takes the next
 * (path, authorization) pair, so the requests cycle over the share links.
 */
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import type { LoadPlan, LoadResult } from './load.js';

const plan = workerData as LoadPlan;
const latencies: number[] = [];
const statuses: Record<string, number> = {};
let lastStatus = 0;
let next = 0;
const targets = plan.targets ?? [];

const request: autocannon.Request = {
  method: 'GET',
  path: plan.path ?? '/',
  setupRequest: (req) => {
    if (targets.length === 0) return req;
    const t = targets[next++ % targets.length] as NonNullable<LoadPlan['targets']>[number];
    return {
      ...req,
      path: t.path,
      headers: { ...req.headers, authorization: t.authorization, 'x-forwarded-for': t.forwardedFor },
    };
  },
  onResponse: (status) => {
    lastStatus = status;
  },
};

// `warmup` (autocannon ≥ 7.13) is missing from @types/autocannon.
const options: autocannon.Options & { warmup: { connections: number; duration: number } } = {
  url: plan.url,
  connections: plan.connections,
  duration: plan.durationS,
  warmup: { connections: plan.connections, duration: plan.warmupS },
  requests: [request],
};
// Without a callback autocannon returns its event emitter made thenable; the types know only the promise.
const instance = autocannon(options) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
// Only the measured run emits 'response' here (the warm-up has its own tracker).
instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
  latencies.push(ms);
  statuses[lastStatus] = (statuses[lastStatus] ?? 0) + 1;
});
const result = await instance;

const sorted = Float64Array.from(latencies).sort();
const percentile = (p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
const out: LoadResult = {
  durationS: result.duration,
  count: sorted.length,
  p50: percentile(50),
  p99: percentile(99),
  statuses,
  errors: result.errors,
  timeouts: result.timeouts,
};
parentPort?.postMessage(out);
