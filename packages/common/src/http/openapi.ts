import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { isAuthGuard } from './auth.js';
import { PROBLEM_CONTENT_TYPE, problemResponseSchema } from './problem.js';

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
}

export const BEARER_SCHEME = 'bearerAuth';

/** One documented problem+json answer of a route's `response` schema. */
export const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: problemResponseSchema } },
});

/**
 * A route's own refusals for its `response` schema, by status:
 * `problemResponses({ 404: 'NOT_FOUND: no such link' })`. Start each
 * description with the codes clients switch on.
 */
export function problemResponses(
  answers: Record<number, string>,
): Record<number, ReturnType<typeof problemResponse>> {
  return Object.fromEntries(Object.entries(answers).map(([status, d]) => [status, problemResponse(d)]));
}

function guardOf(route: RouteOptions) {
  const hooks = [route.onRequest, route.preParsing, route.preValidation, route.preHandler].flat();
  return hooks.find(isAuthGuard);
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The answers the platform gives on a route whatever its handler does, so
 * that every status a client can see is in the document: 401/403 from the
 * role guard, 400 from schema validation and body parsing, 413 above the body
 * limit, 429 from a `config.rateLimit`. A route's own `response` entries win.
 */
function platformAnswers(route: RouteOptions, schema: FastifySchema | undefined) {
  const answers: Record<number, object> = {};
  const guard = guardOf(route);
  if (guard) {
    answers[401] = problemResponse('UNAUTHENTICATED: missing, malformed, expired or forged bearer token');
    answers[403] = problemResponse('FORBIDDEN: the token is valid but its role may not do this');
  }
  const parsesBody = [route.method].flat().some((m) => BODY_METHODS.has(m));
  if (parsesBody || schema?.body || schema?.params || schema?.querystring || schema?.headers)
    answers[400] = problemResponse(
      'VALIDATION: the request does not match its schema, or its body is not JSON',
    );
  if (parsesBody) answers[413] = problemResponse('PAYLOAD_TOO_LARGE: the body exceeds the size limit');
  if ((route.config as { rateLimit?: unknown } | undefined)?.rateLimit)
    answers[429] = problemResponse('RATE_LIMITED: too many requests; retry after `retry-after` seconds');
  return answers;
}

/**
 * Routes guarded by `requireRole` (as a route-level hook) are documented with
 * the bearer scheme and their roles. Routes guarded by a plugin-level hook
 * set `schema.security` themselves. Every documented route lists the
 * platform's answers (platformAnswers); one without a `response` schema keeps
 * the default 200 next to them.
 */
function documentRoute({ schema, url, route }: { schema: FastifySchema; url: string; route: RouteOptions }) {
  if ((schema as { hide?: boolean } | undefined)?.hide) return { schema, url };
  const described: FastifySchema = { ...schema };
  const guard = guardOf(route);
  if (guard && !schema?.security) {
    const roles = `Roles: ${guard.roles.join(', ')}.`;
    described.security = [{ [BEARER_SCHEME]: [] }];
    described.description = schema?.description ? `${schema.description}\n\n${roles}` : roles;
  }
  const own =
    schema?.response && typeof schema.response === 'object'
      ? (schema.response as Record<string, unknown>)
      : { 200: { description: 'Default Response' } };
  described.response = { ...platformAnswers(route, schema), ...own };
  return { schema: described, url };
}

/** OpenAPI 3.1 built from the route schemas, served at GET /openapi.json. */
export async function registerOpenApi(app: FastifyInstance, info: OpenApiInfo): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info,
      components: {
        securitySchemes: { [BEARER_SCHEME]: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: documentRoute,
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
