/**
 * vitest globalSetup for the `integration` project: resolves the test
 * infrastructure once per run and hands it to test files (see getInfra()).
 */
import type { TestProject } from 'vitest/node';
import { startInfra } from './resolve-infra.js';
import { INFRA_KEY } from './types.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { infra, stop } = await startInfra();
  const { kafka, postgres, redis } = infra.mode;
  console.log(
    `[testkit] kafka=${kafka} (${infra.kafkaBrokers.join(',')}) postgres=${postgres} redis=${redis}`,
  );
  project.provide(INFRA_KEY, infra);
  return stop;
}
