/**
 * The load generator of the share benchmark's view measure, run in a worker
 * thread (see `runLoad` in load.ts) so that autocannon does not share the
 * event loop of the servers under test.
 *
 * One autocannon instance per connection, each going through the
 * (path, authorization, client address) targets from its own starting
 * point: every request is built once (autocannon keeps the bytes of a
 * request without `setupRequest`), and the connections do not move in step
 * over the same link (one autocannon instance would start all of them at
 * the first target).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Percentiles } from '@safewatch/testkit/bench';
import autocannon from 'autocannon';
import type { LoadPlan, LoadResult } from './load.js';

const plan = workerData as LoadPlan;
const latencies = new Percentiles();
const statuses: Record<string, number> = {};

const requests: autocannon.Request[] = plan.targets?.map((t) => ({
  method: 'GET',
  path: t.path,
  headers: { authorization: t.authorization, 'x-forwarded-for': t.forwardedFor },
})) ?? [{ method: 'GET', path: plan.path ?? '/' }];
const step = Math.max(1, Math.floor(requests.length / plan.connections));
const rotated = (i: number) => {
  const at = (i * step) % requests.length;
  return [...requests.slice(at), ...requests.slice(0, at)];
};

// Without a callback autocannon returns its event emitter made thenable; the types know only the promise.
type Running = autocannon.Instance & PromiseLike<autocannon.Result>;
const instances = Array.from({ length: plan.connections }, (_, i) => {
  // `warmup` (autocannon ≥ 7.13) is missing from @types/autocannon.
  const options: autocannon.Options & { warmup: { connections: number; duration: number } } = {
    url: plan.url,
    connections: 1,
    duration: plan.durationS,
    warmup: { connections: 1, duration: plan.warmupS },
    requests: rotated(i),
  };
  const instance = autocannon(options) as unknown as Running;
  // Only the measured run emits 'response' here (the warm-up has its own tracker).
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.record(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  return instance;
});
const results = await Promise.all(instances);

const out: LoadResult = {
  durationS: Math.max(...results.map((r) => r.duration)),
  count: latencies.count,
  p50: latencies.percentile(50),
  p99: latencies.percentile(99),
  statuses,
  errors: results.reduce((n, r) => n + r.errors, 0),
  timeouts: results.reduce((n, r) => n + r.timeouts, 0),
};
parentPort?.postMessage(out);
