import { Gauge, type Registry } from 'prom-client';
import type { Readiness } from './ops-server.js';

export const READY_METRIC = 'service_ready';
export const READINESS_CONDITION_METRIC = 'service_readiness_condition';

/**
 * /readyz as metrics, read at scrape time: `service_ready` (1 when every
 * condition holds) and `service_readiness_condition{condition}` (which one
 * does not: kafka, postgres, redis, ...). Registered once per registry.
 */
export function registerReadinessMetrics(registry: Registry, readiness: Readiness): void {
  if (registry.getSingleMetric(READY_METRIC)) return;
  new Gauge({
    name: READY_METRIC,
    help: '1 when the service can do its work (every readiness condition holds), 0 otherwise',
    registers: [registry],
    collect() {
      this.set(readiness.ready ? 1 : 0);
    },
  });
  new Gauge<'condition'>({
    name: READINESS_CONDITION_METRIC,
    help: '1 when the readiness condition holds (consumer joined, Postgres or Redis reachable), 0 otherwise',
    labelNames: ['condition'],
    registers: [registry],
    collect() {
      for (const [condition, ok] of Object.entries(readiness.snapshot())) this.set({ condition }, ok ? 1 : 0);
    },
  });
}
