/**
 * vitest globalSetup for the `integration` project: resolves the test
 * infrastructure once per run and hands it to test files (see getInfra()).
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { TestProject } from 'vitest/node';
import { unlinkMatching } from './redis-keys.js';
import { startInfra } from './resolve-infra.js';
import { INFRA_KEY } from './types.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = await startInfra();
  const infra = { ...started.infra, runTag: randomBytes(2).toString('hex') };
  const { kafka, postgres, redis } = infra.mode;
  console.log(
    `[testkit] kafka=${kafka} (${infra.kafkaBrokers.join(',')}) postgres=${postgres} redis=${redis}`,
  );
  project.provide(INFRA_KEY, infra);
  return async () => {
    // The run's keys on a shared Redis (alerts states live 7 days): other runs' keys stay.
    if (infra.mode.redis !== 'container') {
      const redis = new Redis(infra.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
      try {
        await redis.connect();
        const removed = await unlinkMatching(redis, `t${infra.runTag}*`);
        if (removed > 0) console.log(`[testkit] ${removed} Redis keys of this run removed`);
      } catch (err) {
        console.warn(`[testkit] Redis keys of this run not removed: ${(err as Error).message}`);
      } finally {
        redis.disconnect();
      }
    }
    await started.stop();
  };
}
