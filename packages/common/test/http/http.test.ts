import { createHmac, generateKeyPairSync } from 'node:crypto';
import { getInfra, isolate } from '@safewatch/testkit';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_SECURITY_HEADERS,
  type AuthConfig,
  buildHttpApp,
  createMetricsRegistry,
  mintToken,
  optionalPrincipal,
  type Principal,
  perIdentityRateLimit,
  principalOf,
  problem,
  Readiness,
  Redis,
  requireRole,
} from '../../src/index.js';

const b64url = (v: string | Buffer) => Buffer.from(v).toString('base64url');
/** Hand-made HS256 token: lets tests forge what mintToken refuses to produce. */
const signHs256 = (secret: string, payload: object, header: object = { alg: 'HS256', typ: 'JWT' }) => {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};
const now = () => Math.floor(Date.now() / 1000);

const hs: AuthConfig = {
  algorithm: 'HS256',
  secret: 'integration-test-secret-0123456789abcdef',
  issuer: 'safewatch-test',
  audience: 'safewatch',
};
const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const rs: AuthConfig = {
  algorithm: 'RS256',
  publicKey: keys.publicKey,
  privateKey: keys.privateKey,
  issuer: 'safewatch-test',
  audience: 'safewatch',
};

const driver: Principal = { sub: 'd-001', role: 'driver' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const claims = (extra: object = {}) => ({
  sub: 'd-001',
  role: 'driver',
  iss: hs.issuer,
  aud: hs.audience,
  iat: now(),
  exp: now() + 600,
  ...extra,
});

const logLines: string[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });

const plateBody = {
  type: 'object',
  required: ['plateNumber', 'plateColor'],
  additionalProperties: false,
  properties: {
    plateNumber: { type: 'string', minLength: 1 },
    plateColor: { type: 'integer', minimum: 1 },
  },
} as const;

/**
 * The tiny service under test: routes guarded for different roles, one per
 * concern, declared on the root instance right after buildHttpApp (as a
 * service's main would) and in one prefixed plugin.
 */
function testRoutes(app: FastifyInstance) {
  app.get(
    '/v1/drivers/me',
    {
      onRequest: requireRole('driver'),
      schema: {
        summary: 'who am I (driver)',
        response: {
          200: { type: 'object', properties: { sub: { type: 'string' }, role: { type: 'string' } } },
        },
      },
    },
    async (req) => principalOf(req),
  );
  app.get('/v1/carriers/me', { onRequest: requireRole('carrier') }, async (req) => principalOf(req));
  app.post<{ Body: { plateNumber: string; plateColor: number } }>(
    '/v1/drivers/me/plates',
    { onRequest: requireRole('driver', 'family'), schema: { body: plateBody } },
    async (req, reply) => reply.code(201).send({ plate: req.body.plateNumber, by: principalOf(req).sub }),
  );
  app.get(
    '/v1/drivers/me/limited',
    { onRequest: requireRole('driver'), config: { rateLimit: perIdentityRateLimit(3, 60_000) } },
    async () => ({ ok: true }),
  );
  app.get('/v1/maybe', { onRequest: optionalPrincipal }, async (req) => ({
    principal: req.principal ?? null,
  }));
  app.get('/v1/public', async () => ({ ok: true }));
  app.get('/v1/boom', async () => {
    throw new Error('connection to db failed: password=hunter2');
  });
  app.get('/v1/gone', async () => {
    throw problem.of('SHARE_ENDED', 'the share ended', { endedAt: '2025-01-01T00:00:00Z' });
  });
  // A prefix guarded by a plugin-level hook: the guard covers exactly this scope.
  app.register(
    async (ops) => {
      ops.addHook('onRequest', requireRole('ops'));
      ops.get('/adoption', { schema: { security: [{ bearerAuth: [] }] } }, async () => ({ cities: [] }));
    },
    { prefix: '/v1/ops' },
  );
}

const infra = getInfra();
const iso = isolate('http', infra);
let redis: Redis;
let app: FastifyInstance;
let twin: FastifyInstance;
let rsApp: FastifyInstance;
const readiness = new Readiness(['db']);

beforeAll(async () => {
  redis = new Redis(infra.redisUrl);
  const build = async (auth: AuthConfig) => {
    const a = await buildHttpApp({
      service: 'http-test',
      logger,
      registry: createMetricsRegistry('http-test'),
      readiness,
      auth,
      redis,
      redisKeyPrefix: iso.redisPrefix,
    });
    testRoutes(a);
    return a;
  };
  [app, twin, rsApp] = await Promise.all([build(hs), build(hs), build(rs)]);
  await Promise.all([app.ready(), twin.ready(), rsApp.ready()]);
});

afterAll(async () => {
  await Promise.all([app?.close(), twin?.close(), rsApp?.close()]);
  const keys = await redis.keys(`${iso.redisPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis?.disconnect();
});

const expectProblem = (
  res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
  status: number,
  code: string,
) => {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as Record<string, unknown>;
  expect(body).toMatchObject({ type: `urn:safewatch:problem:${code}`, status, code });
  expect(typeof body.title).toBe('string');
  return body;
};

describe('authentication (SPEC §1: signed JWTs with sub, role, carrierId)', () => {
  const get = (headers: Record<string, string> = {}, url = '/v1/drivers/me', a = app) =>
    a.inject({ method: 'GET', url, headers });

  it('answers 200 with the principal for a valid token', async () => {
    const res = await get(bearer(mintToken(hs, driver, 600)));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sub: 'd-001', role: 'driver' });
  });

  it('answers 401 with a Bearer challenge when no token is sent', async () => {
    const res = await get();
    expectProblem(res, 401, 'UNAUTHENTICATED');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it.each([
    ['malformed token', 'Bearer not.a.jwt'],
    ['garbage token', 'Bearer abc'],
    ['empty bearer', 'Bearer '],
    ['other scheme', 'Basic ZDp4'],
  ])('answers 401 for a %s', async (_name, authorization) => {
    const res = await get({ authorization });
    expectProblem(res, 401, 'UNAUTHENTICATED');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('answers 401 for a wrong signature', async () => {
    const forged = mintToken({ ...hs, secret: 'another-secret-of-sufficient-length-000' }, driver, 600);
    const res = await get(bearer(forged));
    expectProblem(res, 401, 'UNAUTHENTICATED');
    expect(res.headers['www-authenticate']).toContain('invalid_token');
  });

  it('answers 401 for an unsigned alg:none token', async () => {
    const token = `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64url(JSON.stringify(claims()))}.`;
    expectProblem(await get(bearer(token)), 401, 'UNAUTHENTICATED');
  });

  it('answers 401 for an HS256 token signed with the RS256 public key (algorithm confusion)', async () => {
    const token = signHs256(keys.publicKey, claims());
    expectProblem(await get(bearer(token), '/v1/drivers/me', rsApp), 401, 'UNAUTHENTICATED');
    // The RS256 app itself works with a properly signed token.
    expect((await get(bearer(mintToken(rs, driver, 600)), '/v1/drivers/me', rsApp)).statusCode).toBe(200);
  });

  it('answers 401 for an expired token', async () => {
    const expired = mintToken(hs, driver, 600, { now: Date.now() - 3_600_000 });
    const body = expectProblem(await get(bearer(expired)), 401, 'UNAUTHENTICATED');
    expect(body.detail).toContain('expired');
  });

  it('answers 401 for a token without exp', async () => {
    const { exp: _exp, ...noExp } = claims();
    expectProblem(await get(bearer(signHs256(hs.secret, noExp))), 401, 'UNAUTHENTICATED');
  });

  it('answers 401 for a wrong issuer or audience, or none', async () => {
    for (const cfg of [
      { ...hs, issuer: 'someone-else' },
      { ...hs, audience: 'another-app' },
    ])
      expectProblem(await get(bearer(mintToken(cfg, driver, 600))), 401, 'UNAUTHENTICATED');
    const { iss: _iss, ...noIss } = claims();
    expectProblem(await get(bearer(signHs256(hs.secret, noIss))), 401, 'UNAUTHENTICATED');
  });

  it('answers 401 for unusable claims: carrier without carrierId, unknown role, empty sub', async () => {
    for (const extra of [{ role: 'carrier', sub: 'c-1' }, { role: 'admin' }, { sub: '' }]) {
      const res = await get(bearer(signHs256(hs.secret, claims(extra))), '/v1/carriers/me');
      expectProblem(res, 401, 'UNAUTHENTICATED');
    }
  });

  it('answers 403 when the role is not allowed', async () => {
    const res = await get(bearer(mintToken(hs, { sub: 'f-1', role: 'family' }, 600)));
    expectProblem(res, 403, 'FORBIDDEN');
  });

  it('gives carriers their carrierId', async () => {
    const token = mintToken(hs, { sub: 'c-1', role: 'carrier', carrierId: 'c-01' }, 600);
    const res = await get(bearer(token), '/v1/carriers/me');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sub: 'c-1', role: 'carrier', carrierId: 'c-01' });
  });

  it('scopes guards to what they protect: a prefix hook, an unguarded route, an optional principal', async () => {
    const ops = mintToken(hs, { sub: 'o-1', role: 'ops' }, 600);
    expect((await get(bearer(ops), '/v1/ops/adoption')).statusCode).toBe(200);
    expectProblem(await get({}, '/v1/ops/adoption'), 401, 'UNAUTHENTICATED');
    expectProblem(await get(bearer(mintToken(hs, driver, 600)), '/v1/ops/adoption'), 403, 'FORBIDDEN');
    expect((await get({}, '/v1/public')).statusCode).toBe(200);
    expect((await get({}, '/v1/maybe')).json()).toEqual({ principal: null });
    expect((await get(bearer(ops), '/v1/maybe')).json()).toEqual({ principal: { sub: 'o-1', role: 'ops' } });
    expectProblem(await get({ authorization: 'Bearer junk' }, '/v1/maybe'), 401, 'UNAUTHENTICATED');
  });
});

describe('problem+json for every error (SPEC §4)', () => {
  const token = mintToken(hs, driver, 600);
  const post = (payload: string, contentType = 'application/json', auth = true) =>
    app.inject({
      method: 'POST',
      url: '/v1/drivers/me/plates',
      headers: { 'content-type': contentType, ...(auth ? bearer(token) : {}) },
      payload,
    });

  it('accepts a valid body', async () => {
    const res = await post(JSON.stringify({ plateNumber: '鲁A12345', plateColor: 2 }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ plate: '鲁A12345', by: 'd-001' });
  });

  it('answers 400 VALIDATION with the failing paths', async () => {
    const body = expectProblem(await post(JSON.stringify({ plateColor: 'red' })), 400, 'VALIDATION');
    const errors = body.errors as { path: string; message: string }[];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.path).toMatch(/^body/);
    expect(typeof errors[0]?.message).toBe('string');
  });

  it('checks the token before reading the body', async () => {
    expectProblem(await post('{not json', 'application/json', false), 401, 'UNAUTHENTICATED');
  });

  it('answers 400 VALIDATION for malformed JSON and unsupported media types', async () => {
    expectProblem(await post('{"plateNumber": '), 400, 'VALIDATION');
    expectProblem(await post('plate=1', 'text/plain'), 400, 'VALIDATION');
  });

  it('answers 413 PAYLOAD_TOO_LARGE above the 64 KiB default limit', async () => {
    const big = JSON.stringify({ plateNumber: 'x'.repeat(70 * 1024), plateColor: 2 });
    expectProblem(await post(big), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers 404 NOT_FOUND for unknown routes', async () => {
    expectProblem(await app.inject('/v1/nope'), 404, 'NOT_FOUND');
  });

  it('renders a thrown domain problem with its extensions', async () => {
    const body = expectProblem(await app.inject('/v1/gone'), 410, 'SHARE_ENDED');
    expect(body).toMatchObject({ detail: 'the share ended', endedAt: '2025-01-01T00:00:00Z' });
  });

  it('answers 500 INTERNAL without the message of an unexpected error, and logs it at error level', async () => {
    const res = await app.inject('/v1/boom');
    const body = expectProblem(res, 500, 'INTERNAL');
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toContain('at ');
    expect(body.detail).toBe('an unexpected error occurred');
    const logged = logLines.map((l) => JSON.parse(l) as { level: number; err?: { message: string } });
    expect(logged.some((l) => l.level === 50 && l.err?.message.includes('connection to db failed'))).toBe(
      true,
    );
  });

  it('never logs tokens or raw URLs', async () => {
    const token = mintToken(hs, driver, 600);
    await app.inject({ url: '/v1/drivers/me?secret=abc', headers: bearer(token) });
    const all = logLines.join('\n');
    expect(all).not.toContain(token);
    expect(all).not.toContain('secret=abc');
    expect(all).toContain('"route":"/v1/drivers/me"');
  });

  it('sends the API security headers (OWASP REST set) on answers and refusals, none of the HTML-only ones', async () => {
    const ok = await app.inject('/v1/public');
    const refused = await app.inject('/v1/drivers/me');
    expect(refused.statusCode).toBe(401);
    for (const res of [ok, refused]) {
      for (const [name, value] of Object.entries(API_SECURITY_HEADERS))
        expect(res.headers[name], name).toBe(value);
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      for (const htmlOnly of ['cross-origin-opener-policy', 'x-xss-protection', 'x-dns-prefetch-control'])
        expect(res.headers[htmlOnly], htmlOnly).toBeUndefined();
    }
  });
});

describe('rate limiting (per identity, shared through Redis)', () => {
  it('answers 429 RATE_LIMITED with retry-after after N requests by one sub, across instances', async () => {
    const a = bearer(mintToken(hs, { sub: 'd-limited', role: 'driver' }, 600));
    const b = bearer(mintToken(hs, { sub: 'd-other', role: 'driver' }, 600));
    const url = '/v1/drivers/me/limited';
    // Alternate between two app instances: the counter lives in Redis, not in either process.
    for (const target of [app, twin, app])
      expect((await target.inject({ url, headers: a })).statusCode).toBe(200);
    const res = await twin.inject({ url, headers: a });
    expectProblem(res, 429, 'RATE_LIMITED');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await app.inject({ url, headers: b })).statusCode).toBe(200);
    expect(await redis.keys(`${iso.redisPrefix}ratelimit:*`)).not.toHaveLength(0);
  });
});

describe('OpenAPI, ops routes and metrics', () => {
  it('serves a valid OpenAPI 3.1 document listing the routes, with the bearer scheme', async () => {
    const res = await app.inject('/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.1\./);
    const result = await new Validator().validate(doc);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/drivers/me', '/v1/drivers/me/plates', '/v1/ops/adoption', '/v1/public']),
    );
    expect(doc.paths).not.toHaveProperty('/healthz');
    expect(doc.paths).not.toHaveProperty('/openapi.json');
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/v1/drivers/me'].get.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/v1/drivers/me'].get.responses).toHaveProperty('401');
    expect(doc.paths['/v1/drivers/me/plates'].post.requestBody).toBeDefined();
    expect(doc.paths['/v1/public'].get.security).toBeUndefined();
  });

  it('serves /healthz, /readyz (problem+json when not ready) and /metrics with request durations', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const notReady = await app.inject('/readyz');
    expect(expectProblem(notReady, 503, 'NOT_READY').checks).toEqual({ db: false });
    readiness.set('db', true);
    expect((await app.inject('/readyz')).statusCode).toBe(200);

    await app.inject({ url: '/v1/drivers/me', headers: bearer(mintToken(hs, driver, 600)) });
    const metrics = await app.inject('/metrics');
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('# TYPE http_request_duration_seconds histogram');
    expect(metrics.body).toMatch(
      /http_request_duration_seconds_count\{[^}]*method="GET"[^}]*route="\/v1\/drivers\/me"[^}]*status_code="200"/,
    );
    expect(metrics.body).toMatch(
      /http_request_duration_seconds_count\{[^}]*route="unmatched"[^}]*status_code="404"/,
    );
  });
});
