import { Worker } from 'node:worker_threads';

export interface LoadPlan {
  url: string;
  connections: number;
  durationS: number;
  warmupS: number;
  /**
   * Requests cycle over these (path, authorization header, and the client address the
   * trusted proxy reports in x-forwarded-for); one fixed `path` without them.
   */
  targets?: { path: string; authorization: string; forwardedFor: string }[];
  path?: string;
}

export interface LoadResult {
  durationS: number;
  count: number;
  /** Milliseconds, from every response of the measured run. */
  p50: number;
  p99: number;
  statuses: Record<string, number>;
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
