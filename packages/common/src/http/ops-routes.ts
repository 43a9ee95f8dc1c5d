import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { Readiness } from '../ops-server.js';
import { registerReadinessMetrics } from '../readiness-metric.js';
import { PROBLEM_CONTENT_TYPE, ProblemError, renderProblem } from './problem.js';

export interface OpsRoutesOptions {
  registry: Registry;
  readiness: Readiness;
}

export const OPS_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);

/** /healthz (process alive), /readyz (can do its work), /metrics (Prometheus); hidden from OpenAPI. */
export function registerOpsRoutes(app: FastifyInstance, opts: OpsRoutesOptions): void {
  registerReadinessMetrics(opts.registry, opts.readiness);
  const hide = { schema: { hide: true } };
  app.get('/healthz', hide, async () => ({ status: 'ok' }));
  app.get('/readyz', hide, async (_req, reply) => {
    const checks = opts.readiness.snapshot();
    if (opts.readiness.ready) return { status: 'ready', checks };
    return reply
      .code(503)
      .type(PROBLEM_CONTENT_TYPE)
      .send(renderProblem(new ProblemError('NOT_READY', { extra: { checks } })));
  });
  app.get('/metrics', hide, async (_req, reply) => {
    reply.type(opts.registry.contentType);
    return opts.registry.metrics();
  });
}
