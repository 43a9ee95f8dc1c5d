import { Worker } from 'node:worker_threads';
import type { LatencySummary } from '@safewatch/testkit/bench';

/** What the load generator sends. */
export type Scenario =
  /** One GET path; each request carries the next of `authorizations` (none when empty). */
  | { kind: 'get'; label: string; path: string; authorizations: string[] }
  /**
   * Bind (POST /v1/drivers/me/bindings) then unbind (DELETE …/{vehicleId}) cycles. Driver i
   * cycles among vehicles[i·n], …, vehicles[i·n + n − 1] (n = vehiclesPerDriver, modulo the list).
   */
  | {
      kind: 'cycle';
      /** One authorization header value per driver. */
      drivers: string[];
      vehicles: { vehicleId: string; claim: object }[];
      vehiclesPerDriver: number;
    };

export interface LoadPlan {
  url: string;
  connections: number;
  durationS: number;
  warmupS: number;
  scenario: Scenario;
}

/** Latencies in milliseconds, from every response of the measured run. */
export interface LoadResult extends LatencySummary {
  durationS: number;
  /** Per kind of request ('bind', 'unbind', or the GET scenario's label), with status code counts. */
  byKind: Record<string, LatencySummary & { statuses: Record<string, number> }>;
  errors: number;
  timeouts: number;
}

/**
 * Runs autocannon in a worker thread, off the event loop of the servers under
 * test. The worker registers tsx itself: a worker given a .ts file does not
 * get the loader that `--import tsx` installed in the main thread.
 */
export function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const file = new URL('./load.worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(file)}); })`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: plan });
    worker.once('message', (m: LoadResult) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`load generator exited (${code}) without a result`)));
  });
}
