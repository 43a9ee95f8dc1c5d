import type { FastifyInstance } from 'fastify';
import { Histogram, type Registry } from 'prom-client';

export const HTTP_DURATION_METRIC = 'http_request_duration_seconds';

type DurationLabels = 'method' | 'route' | 'status_code';

/** Request duration by method, route pattern (never the raw URL: bounded cardinality) and status. */
export function registerHttpMetrics(app: FastifyInstance, registry: Registry): void {
  const histogram =
    (registry.getSingleMetric(HTTP_DURATION_METRIC) as Histogram<DurationLabels> | undefined) ??
    new Histogram<DurationLabels>({
      name: HTTP_DURATION_METRIC,
      help: 'HTTP request duration in seconds, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  app.addHook('onResponse', (request, reply, done) => {
    histogram.observe(
      {
        method: request.method,
        route: request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched'),
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
