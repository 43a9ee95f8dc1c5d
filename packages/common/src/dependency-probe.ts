import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { Admin, Kafka } from './kafka/client.js';
import type { Readiness } from './ops-server.js';

export interface DependencyProbe {
  /** Probes once now (await it at start-up), then every `intervalMs`. */
  start(): Promise<void>;
  stop(): void;
}

/**
 * Keeps the readiness conditions `postgres` and `redis` true to the facts even
 * when no traffic flows (a failing request also sets them, sooner).
 *
 * With `kafka`, a metadata request on a client of the probe's own also
 * watches the broker: one that hangs or is cut off fails the consumers' and
 * producers' requests only after their long timeouts and retries, so without
 * it a service stays "ready" through a whole outage. The consumers and
 * producers own the `kafka` condition otherwise: the probe only takes it down
 * when the broker does not answer, and gives back only what it took.
 */
export function dependencyProbe(
  readiness: Readiness,
  deps: { pool?: Pool; redis?: Redis; kafka?: Kafka },
  intervalMs = 5_000,
): DependencyProbe {
  let timer: NodeJS.Timeout | undefined;
  const ok = (p: Promise<unknown>) =>
    p.then(
      () => true,
      () => false,
    );
  let admin: Admin | undefined;
  let kafkaPending: Promise<boolean> | undefined;
  let kafkaTakenDown = false;
  const kafkaAnswers = async (kafka: Kafka): Promise<boolean> => {
    admin ??= kafka.admin();
    const client = admin;
    // One request at a time: while one is still unanswered, the broker is not answering.
    kafkaPending ??= ok(client.connect().then(() => client.describeCluster())).finally(() => {
      kafkaPending = undefined;
    });
    let timeout: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timeout = setTimeout(() => resolve(false), intervalMs);
    });
    try {
      return await Promise.race([kafkaPending, late]);
    } finally {
      clearTimeout(timeout);
    }
  };
  const probe = async () => {
    if (deps.pool) readiness.set('postgres', await ok(deps.pool.query('SELECT 1')));
    if (deps.redis) readiness.set('redis', await ok(deps.redis.ping()));
    if (deps.kafka) {
      const up = await kafkaAnswers(deps.kafka);
      if (!up) {
        kafkaTakenDown = true;
        readiness.set('kafka', false);
      } else if (kafkaTakenDown) {
        kafkaTakenDown = false;
        readiness.set('kafka', true);
      }
    }
  };
  return {
    async start() {
      await probe();
      timer = setInterval(() => void probe(), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      void admin?.disconnect().catch(() => undefined);
    },
  };
}
