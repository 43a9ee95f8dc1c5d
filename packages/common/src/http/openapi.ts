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

const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: problemResponseSchema } },
});

function guardOf(route: RouteOptions) {
  const hooks = [route.onRequest, route.preParsing, route.preValidation, route.preHandler].flat();
  return hooks.find(isAuthGuard);
}

/**
 * Routes guarded by `requireRole` (as a route-level hook) are documented with
 * the bearer scheme, their roles and their 401/403 answers. Routes guarded by
 * a plugin-level hook set `schema.security` themselves.
 */
function documentGuard({ schema, url, route }: { schema: FastifySchema; url: string; route: RouteOptions }) {
  const guard = guardOf(route);
  if (!guard || schema?.security) return { schema, url };
  const roles = `Roles: ${guard.roles.join(', ')}.`;
  const described: FastifySchema = {
    ...schema,
    security: [{ [BEARER_SCHEME]: [] }],
    description: schema?.description ? `${schema.description}\n\n${roles}` : roles,
  };
  if (schema?.response && typeof schema.response === 'object')
    described.response = {
      401: problemResponse('Missing, malformed, expired or forged bearer token'),
      403: problemResponse('The token is valid but its role may not do this'),
      ...schema.response,
    };
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
    transform: documentGuard,
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
