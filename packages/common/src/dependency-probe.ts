import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { Readiness } from './ops-server.js';

export interface DependencyProbe {
  /** Probes once now (await it at start-up), then every `intervalMs`. */
  start(): Promise<void>;
  stop(): void;
}

/**
 * Keeps the readiness conditions `postgres` and `redis` true to the facts even
 * when no traffic flows (a failing request also sets them, sooner).
 */
export function dependencyProbe(
  readiness: Readiness,
  deps: { pool?: Pool; redis?: Redis },
  intervalMs = 5_000,
): DependencyProbe {
  let timer: NodeJS.Timeout | undefined;
  const ok = (p: Promise<unknown>) =>
    p.then(
      () => true,
      () => false,
    );
  const probe = async () => {
    if (deps.pool) readiness.set('postgres', await ok(deps.pool.query('SELECT 1')));
    if (deps.redis) readiness.set('redis', await ok(deps.redis.ping()));
  };
  return {
    async start() {
      await probe();
      timer = setInterval(() => void probe(), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
