import { inject } from 'vitest';
import { INFRA_KEY, type Infra } from './types.js';

/** The infrastructure chosen by the global setup; only valid inside the `integration` project. */
export function getInfra(): Infra {
  const infra = inject(INFRA_KEY);
  if (!infra) {
    throw new Error(
      'testkit: no infrastructure was provided; run this file in the vitest "integration" project ' +
        '(its globalSetup is packages/testkit/src/global-setup.ts)',
    );
  }
  return infra;
}
