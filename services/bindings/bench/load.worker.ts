/**
 * The load generator of the bindings benchmark, run in a worker thread (see
 * `runLoad` in load.ts) so that autocannon does not share the event loop of
 * the servers under test. Measures one scenario, then posts a `LoadResult`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { summarize } from '@safewatch/testkit/bench';
import autocannon from 'autocannon';
import type { LoadPlan, LoadResult, Scenario } from './load.js';

const plan = workerData as LoadPlan;

/** Every response of the measured run: kind of request, status, latency in ms. */
const samples: { kind: string; status: number; ms: number }[] = [];
/** Set by a request's onResponse, read by the 'response' event that autocannon emits right after it. */
let lastKind = 'request';
let lastStatus = 0;

/** Per connection and cycle (autocannon resets the context when its request list starts over). */
type Cycle = { driver: number };

function requestsOf(s: Scenario): autocannon.Request[] {
  if (s.kind === 'get') {
    let next = 0;
    const { authorizations } = s;
    return [
      {
        method: 'GET',
        path: s.path,
        setupRequest: (req) =>
          authorizations.length === 0
            ? req
            : {
                ...req,
                headers: { ...req.headers, authorization: authorizations[next++ % authorizations.length] },
              },
        onResponse: (status) => {
          lastKind = s.label;
          lastStatus = status;
        },
      },
    ];
  }
  // Bind then unbind: a free driver is taken for a cycle and put back after its unbind, so no
  // two connections ever act for the same driver; each driver moves on to its next of 3 vehicles.
  const free = s.drivers.map((_, i) => i);
  const cycle = new Array<number>(s.drivers.length).fill(0);
  const vehicleOf = (driver: number) =>
    s.vehicles[
      (driver * s.vehiclesPerDriver + ((cycle[driver] as number) % s.vehiclesPerDriver)) % s.vehicles.length
    ];
  return [
    {
      method: 'POST',
      path: '/v1/drivers/me/bindings',
      setupRequest: (req, context) => {
        const driver = free.shift();
        if (driver === undefined) throw new Error('more connections than drivers');
        (context as Cycle).driver = driver;
        const v = vehicleOf(driver);
        return {
          ...req,
          headers: {
            ...req.headers,
            'content-type': 'application/json',
            authorization: s.drivers[driver] as string,
          },
          body: JSON.stringify(v?.claim),
        };
      },
      onResponse: (status) => {
        lastKind = 'bind';
        lastStatus = status;
      },
    },
    {
      method: 'DELETE',
      setupRequest: (req, context) => {
        const { driver } = context as Cycle;
        return {
          ...req,
          path: `/v1/drivers/me/bindings/${vehicleOf(driver)?.vehicleId}`,
          headers: { authorization: s.drivers[driver] as string },
          body: undefined,
        };
      },
      onResponse: (status, _body, context) => {
        const { driver } = context as Cycle;
        cycle[driver] = (cycle[driver] as number) + 1;
        free.push(driver);
        lastKind = 'unbind';
        lastStatus = status;
      },
    },
  ];
}

// `warmup` (autocannon ≥ 7.13) is missing from @types/autocannon.
const options: autocannon.Options & { warmup: { connections: number; duration: number } } = {
  url: plan.url,
  connections: plan.connections,
  duration: plan.durationS,
  warmup: { connections: plan.connections, duration: plan.warmupS },
  requests: requestsOf(plan.scenario),
};
// Without a callback autocannon returns its event emitter made thenable; the types know only the promise.
const instance = autocannon(options) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
// Only the measured run emits 'response' here (the warm-up has its own tracker).
instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
  samples.push({ kind: lastKind, status: lastStatus, ms });
});
const result = await instance;

const kinds = [...new Set(samples.map((x) => x.kind))];
const out: LoadResult = {
  durationS: result.duration,
  ...summarize(samples.map((x) => x.ms)),
  byKind: Object.fromEntries(
    kinds.map((kind) => {
      const of = samples.filter((x) => x.kind === kind);
      const statuses: Record<string, number> = {};
      for (const x of of) statuses[x.status] = (statuses[x.status] ?? 0) + 1;
      return [kind, { ...summarize(of.map((x) => x.ms)), statuses }];
    }),
  ),
  errors: result.errors,
  timeouts: result.timeouts,
};
parentPort?.postMessage(out);
