import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { registerOpsRoutes } from './http/ops-routes.js';
import type { Logger } from './logger.js';

/**
 * Named readiness conditions set by the components that know them (consumer
 * joined, Postgres reachable, ...). The service is ready when all are true.
 */
export class Readiness {
  private readonly conditions = new Map<string, boolean>();

  constructor(names: string[]) {
    for (const n of names) this.conditions.set(n, false);
  }

  set(name: string, ok: boolean): void {
    if (!this.conditions.has(name)) throw new Error(`unknown readiness condition ${name}`);
    this.conditions.set(name, ok);
  }

  get ready(): boolean {
    for (const ok of this.conditions.values()) if (!ok) return false;
    return true;
  }

  snapshot(): Record<string, boolean> {
    return Object.fromEntries(this.conditions);
  }
}

export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

export interface OpsServerOptions {
  logger: Logger;
  registry: Registry;
  readiness: Readiness;
}

/** /healthz (process alive), /readyz (can do its work), /metrics (Prometheus). Never listens by itself. */
export function buildOpsServer(opts: OpsServerOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: opts.logger.child({ component: 'http' }) as FastifyBaseLogger,
    // Probes and scrapes every few seconds would drown the log.
    logController: new LogController({ disableRequestLogging: true }),
  });
  registerOpsRoutes(app, opts);
  return app;
}
