import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

export type { HelmetOptions } from 'helmet';

/**
 * The response headers helmet sets with these options, computed once: helmet's
 * middleware run against a recording response. Without nonces (not used
 * here) they are the same for every response.
 */
export function helmetHeaders(options: HelmetOptions = {}): Map<string, string> {
  const headers = new Map<string, string>();
  const res = {
    setHeader(name: string, value: unknown) {
      headers.set(name.toLowerCase(), String(value));
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
    getHeader(name: string) {
      return headers.get(name.toLowerCase());
    },
  };
  let failure: unknown;
  const middleware = helmet(options) as unknown as (
    req: unknown,
    res: unknown,
    next: (err?: unknown) => void,
  ) => void;
  middleware({ headers: {}, method: 'GET', url: '/' }, res, (err) => {
    failure = err;
  });
  if (failure) throw failure;
  return headers;
}

/**
 * helmet's security headers on every response, set on the raw response at
 * the start of each request (so raw writes such as a live stream carry them
 * too, and a route's own headers, e.g. the family page's CSP, override them).
 * Computed once at start-up instead of running helmet's middleware chain per
 * request, which cost about as much as the rest of a small API request.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: HelmetOptions = {}): void {
  const headers = helmetHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.raw.setHeaders(headers);
    done();
  });
}
