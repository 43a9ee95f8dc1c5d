import type { FastifyInstance } from 'fastify';

/**
 * The security headers of every answer: what an API returning JSON needs
 * (OWASP REST Security Cheat Sheet, "Security Headers"): nothing may load or
 * run from it and nobody may frame it, no MIME sniffing, HTTPS only; and no
 * Referer (share and delegation links carry their token in the path) and no
 * cross-origin no-cors reads. Headers meant for HTML documents (helmet's
 * defaults: opener and embedder policies, DNS prefetch, IE download options,
 * the XSS auditor switch) are left to the routes that serve HTML, which set
 * their own on top (the family page's CSP, `web.routes.ts`).
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * Security headers on every response, set on the raw response at the start
 * of each request (so raw writes such as a live stream carry them too, and a
 * route's own headers, e.g. the family page's CSP, override them).
 */
export function registerSecurityHeaders(
  app: FastifyInstance,
  headers: Readonly<Record<string, string>> = API_SECURITY_HEADERS,
): void {
  const map = new Map(Object.entries(headers));
  app.addHook('onRequest', (_request, reply, done) => {
    reply.raw.setHeaders(map);
    done();
  });
}
