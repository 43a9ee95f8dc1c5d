import type { FastifyInstance, FastifyRequest } from 'fastify';
import { tracingEnabled } from './switch.js';

/**
 * One SERVER span per request through @fastify/otel (a plain fastify plugin:
 * no module loader hook is needed under ESM). It continues the caller's W3C
 * `traceparent`. Only the request and its handler get spans (not every
 * hook), and the ops paths none. Tracing off: nothing is registered or loaded.
 *
 * Must run before any other plugin or route is declared, so that every route
 * is wrapped.
 */
export async function registerHttpTracing(app: FastifyInstance, untracedPaths: ReadonlySet<string>) {
  if (!tracingEnabled()) return;
  const { FastifyOtelInstrumentation } = await import('@fastify/otel');
  const instrumentation = new FastifyOtelInstrumentation({
    instrumentHooks: false,
    ignorePaths: ({ url }) => untracedPaths.has(url.split('?')[0] ?? ''),
    requestHook: (span, request: FastifyRequest) => {
      const route = request.routeOptions.url ?? 'unmatched';
      span.updateName(`${request.method} ${route}`);
      // Paths carry share and delegation tokens: the route pattern replaces the raw path.
      span.setAttribute('url.path', route);
    },
  });
  await app.register(instrumentation.plugin());
}
