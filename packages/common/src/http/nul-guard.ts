import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type FieldError, problem } from './problem.js';

/** Nesting beyond this is not walked (JSON bodies are bounded by the body limit anyway). */
const MAX_DEPTH = 64;

function findNul(value: unknown, path: string, depth: number, out: FieldError[]): void {
  if (out.length > 0 || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ path, message: 'must not contain NUL characters' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      findNul(v, `${path}/${i}`, depth + 1, out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000'))
        out.push({
          path: `${path}/${k.replaceAll('\u0000', '\\u0000')}`,
          message: 'key must not contain NUL characters',
        });
      findNul(v, `${path}/${k}`, depth + 1, out);
    }
  }
}

/**
 * PostgreSQL text cannot hold NUL ("invalid byte sequence for encoding UTF8:
 * 0x00"): a NUL in a path parameter, query or JSON body that reached a query
 * would fail it with a 500. Every service stores in PostgreSQL, so the
 * platform refuses such input up front with 400 VALIDATION (documented on
 * every route with a schema for its parameters, query or body).
 */
export function registerNulGuard(app: FastifyInstance): void {
  // Callback style: no promise per request.
  app.addHook('preValidation', (request: FastifyRequest, _reply, done) => {
    // Only what the route reads: a query or body it declares no schema for is ignored anyway.
    const schema = request.routeOptions.schema;
    const errors: FieldError[] = [];
    findNul(request.params, 'params', 0, errors);
    if (schema?.querystring) findNul(request.query, 'querystring', 0, errors);
    if (schema?.body) findNul(request.body, 'body', 0, errors);
    if (errors.length > 0) done(problem.validation('text must not contain NUL characters', errors));
    else done();
  });
}
