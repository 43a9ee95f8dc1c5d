/**
 * The HTTP platform against abusive clients, over real sockets where it
 * matters: slow clients (slowloris) cut off by the header and request
 * timeouts while long responses (SSE) go on; malformed requests, oversized
 * headers and bodies answered with problem+json; security headers on every
 * answer; CORS only for the configured origins.
 */
import { connect, type Socket } from 'node:net';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_SECURITY_HEADERS,
  type AuthConfig,
  buildHttpApp,
  type HttpAppOptions,
  mintToken,
  perIdentityRateLimit,
  requireRole,
} from '../../src/index.js';

const auth: AuthConfig = {
  algorithm: 'HS256',
  secret: 'abuse-test-secret-0123456789abcdefghij',
  issuer: 'safewatch-test',
  audience: 'safewatch',
};
const logger = pino({ level: 'silent' });
const driverToken = () => mintToken(auth, { sub: 'd-1', role: 'driver' }, 600);
/** Security headers every answer carries. */
const SECURITY_HEADERS = Object.keys(API_SECURITY_HEADERS);

async function build(opts: Partial<HttpAppOptions> = {}): Promise<FastifyInstance> {
  const app = await buildHttpApp({ service: 'abuse-test', logger, auth, ...opts });
  app.get('/v1/public', async () => ({ ok: true }));
  app.get<{ Params: { id: string } }>(
    '/v1/things/:id',
    { schema: { params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } } } },
    async (req) => ({ id: req.params.id }),
  );
  app.post<{ Body: { text: string } }>(
    '/v1/echo',
    {
      onRequest: requireRole('driver'),
      config: { rateLimit: perIdentityRateLimit(1000, 60_000) },
      schema: { body: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } } },
    },
    async (req) => ({ length: req.body.text.length }),
  );
  app.get('/v1/limited', { config: { rateLimit: perIdentityRateLimit(1, 60_000) } }, async () => ({ ok: 1 }));
  app.get('/v1/boom', async () => {
    throw new Error('boom at /srv/app/secret.ts:12');
  });
  // A long response, as an SSE stream is: it must outlive the request timeout.
  app.get('/v1/slow-stream', async (_req, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream' });
    for (let i = 0; i < 5; i++) {
      reply.raw.write(`data: ${i}\n\n`);
      await new Promise((r) => setTimeout(r, 400));
    }
    reply.raw.end();
  });
  await app.ready();
  return app;
}

/** A raw client: writes what it is given, collects everything until the server closes. */
function rawClient(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  let received = '';
  const closed = new Promise<{ at: number }>((resolve) => {
    socket.on('close', () => resolve({ at: Date.now() }));
  });
  socket.on('data', (d) => {
    received += d.toString('latin1');
  });
  socket.on('error', () => undefined);
  return {
    socket,
    closed,
    get received() {
      return received;
    },
    write: (s: string) => new Promise<void>((resolve) => socket.write(s, 'latin1', () => resolve())),
  };
}

const statusOf = (raw: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1]);
const headerOf = (raw: string, name: string) =>
  new RegExp(`\\r\\n${name}: ([^\\r]*)\\r\\n`, 'i').exec(raw)?.[1];
const bodyOf = (raw: string) => raw.slice(raw.indexOf('\r\n\r\n') + 4);

describe('slow clients (slowloris) on a real socket', () => {
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    app = await build({ timeouts: { headersMs: 600, requestMs: 1_200, keepAliveMs: 800 } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('cuts off a client that trickles its headers, with 408 problem+json, soon after the headers timeout', async () => {
    const c = rawClient(port);
    const started = Date.now();
    await c.write('GET /v1/public HTTP/1.1\r\nHost: x\r\n');
    // One header line every 200 ms, forever: never a complete request.
    const drip = setInterval(() => {
      if (!c.socket.destroyed) c.socket.write(`x-drip-${Date.now()}: 1\r\n`);
    }, 200);
    const { at } = await c.closed;
    clearInterval(drip);
    // Node checks connections every second (min(1 s, headers timeout)).
    expect(at - started).toBeGreaterThanOrEqual(500);
    expect(at - started).toBeLessThan(3_000);
    expect(statusOf(c.received)).toBe(408);
    expect(headerOf(c.received, 'content-type')).toBe('application/problem+json');
    expect(JSON.parse(bodyOf(c.received))).toMatchObject({ status: 408, code: 'REQUEST_TIMEOUT' });
  });

  it('cuts off a client that trickles its body, soon after the request timeout', async () => {
    const c = rawClient(port);
    const started = Date.now();
    await c.write(
      `POST /v1/echo HTTP/1.1\r\nHost: x\r\nauthorization: Bearer ${driverToken()}\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"text":"`,
    );
    const drip = setInterval(() => {
      if (!c.socket.destroyed) c.socket.write('a');
    }, 100);
    const { at } = await c.closed;
    clearInterval(drip);
    expect(at - started).toBeGreaterThanOrEqual(1_000);
    expect(at - started).toBeLessThan(4_000);
    expect([408, 400]).toContain(statusOf(c.received));
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const c = rawClient(port);
    await c.write('GET /v1/public HTTP/1.1\r\nHost: x\r\n\r\n');
    const started = Date.now();
    const { at } = await c.closed;
    expect(statusOf(c.received)).toBe(200);
    expect(at - started).toBeLessThan(3_000);
  });

  it('lets a long response (SSE) run past the request timeout', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/v1/slow-stream`);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toContain('data: 4');
  });

  it('holds no connection of the slow clients afterwards and still serves', async () => {
    const count = await new Promise<number>((resolve, reject) =>
      app.server.getConnections((err, n) => (err ? reject(err) : resolve(n))),
    );
    expect(count).toBeLessThanOrEqual(1);
    expect((await fetch(`http://127.0.0.1:${port}/v1/public`)).status).toBe(200);
  });
});

describe('malformed requests on a real socket: problem+json, then the connection closes', () => {
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    app = await build();
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await app?.close();
  });

  const cases: [string, string, number][] = [
    ['a broken request line', 'GARBAGE\r\n\r\n', 400],
    ['an invalid header name', 'GET /v1/public HTTP/1.1\r\nHost: x\r\nbad header: 1\r\n\r\n', 400],
    [
      'headers over 16 KiB',
      `GET /v1/public HTTP/1.1\r\nHost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
    ],
    [
      'both content-length and chunked (request smuggling)',
      'POST /v1/echo HTTP/1.1\r\nHost: x\r\ncontent-length: 4\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n',
      400,
    ],
    [
      // Authenticated: an unauthenticated one is refused (401) before its body is read.
      'a broken chunk size',
      `POST /v1/echo HTTP/1.1\r\nHost: x\r\nauthorization: Bearer ${driverToken()}\r\ntransfer-encoding: chunked\r\ncontent-type: application/json\r\n\r\nzz\r\n`,
      400,
    ],
    ['a negative content-length', 'POST /v1/echo HTTP/1.1\r\nHost: x\r\ncontent-length: -1\r\n\r\n', 400],
  ];

  it.each(cases)('%s → %d problem+json with security headers', async (_name, request, status) => {
    const c = rawClient(port);
    await c.write(request);
    await c.closed;
    expect(statusOf(c.received)).toBe(status);
    expect(headerOf(c.received, 'content-type')).toBe('application/problem+json');
    for (const h of SECURITY_HEADERS) expect(headerOf(c.received, h), h).toBeDefined();
    const body = JSON.parse(bodyOf(c.received));
    expect(body).toMatchObject({ status, code: 'VALIDATION' });
    expect(await fetch(`http://127.0.0.1:${port}/v1/public`).then((r) => r.status)).toBe(200);
  });
});

describe('every answer carries the security headers and errors are problem+json', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await build({ bodyLimit: 1024 });
  });
  afterAll(async () => {
    await app?.close();
  });
  const bearer = { authorization: `Bearer ${driverToken()}` };
  const json = { 'content-type': 'application/json' };

  it.each([
    ['200', { method: 'GET', url: '/v1/public' }, 200, undefined],
    ['401 without a token', { method: 'POST', url: '/v1/echo', payload: '{}' }, 401, 'UNAUTHENTICATED'],
    ['404 unknown route', { method: 'GET', url: '/nope' }, 404, 'NOT_FOUND'],
    [
      '400 bad JSON',
      { method: 'POST', url: '/v1/echo', headers: { ...bearer, ...json }, payload: '{"text":' },
      400,
      'VALIDATION',
    ],
    [
      '400 deep nesting',
      {
        method: 'POST',
        url: '/v1/echo',
        headers: { ...bearer, ...json },
        payload: `${'['.repeat(500)}${']'.repeat(500)}`,
      },
      400,
      'VALIDATION',
    ],
    [
      '400 prototype pollution',
      {
        method: 'POST',
        url: '/v1/echo',
        headers: { ...bearer, ...json },
        payload: '{"text":"a","__proto__":{"x":1}}',
      },
      400,
      'VALIDATION',
    ],
    [
      '400 constructor pollution',
      {
        method: 'POST',
        url: '/v1/echo',
        headers: { ...bearer, ...json },
        payload: '{"text":"a","constructor":{"prototype":{"x":1}}}',
      },
      400,
      'VALIDATION',
    ],
    [
      '400 wrong content type',
      {
        method: 'POST',
        url: '/v1/echo',
        headers: { ...bearer, 'content-type': 'application/xml' },
        payload: '<a/>',
      },
      400,
      'VALIDATION',
    ],
    [
      '400 NUL in a body string',
      { method: 'POST', url: '/v1/echo', headers: { ...bearer, ...json }, payload: '{"text":"a\\u0000b"}' },
      400,
      'VALIDATION',
    ],
    ['400 NUL in a path parameter', { method: 'GET', url: '/v1/things/a%00b' }, 400, 'VALIDATION'],
    [
      '400 broken percent-encoding in a path parameter',
      { method: 'GET', url: '/v1/things/%E0%A4%A' },
      400,
      'VALIDATION',
    ],
    [
      '400 path parameter over the router limit',
      { method: 'GET', url: `/v1/things/${'a'.repeat(200)}` },
      400,
      'VALIDATION',
    ],
    [
      '413 body over the limit',
      {
        method: 'POST',
        url: '/v1/echo',
        headers: { ...bearer, ...json },
        payload: JSON.stringify({ text: 'x'.repeat(2048) }),
      },
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    ['500 unexpected error', { method: 'GET', url: '/v1/boom' }, 500, 'INTERNAL'],
  ] as const)('%s', async (_name, req, status, code) => {
    const res = await app.inject(req as InjectOptions);
    expect(res.statusCode, res.body).toBe(status);
    for (const h of SECURITY_HEADERS) expect(res.headers[h], h).toBeDefined();
    if (code) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status, code });
      expect(res.body).not.toMatch(/secret\.ts|\n\s+at /);
    }
  });

  it('429 from a rate limit carries them too', async () => {
    await app.inject({ method: 'GET', url: '/v1/limited', remoteAddress: '127.9.9.9' });
    const res = await app.inject({ method: 'GET', url: '/v1/limited', remoteAddress: '127.9.9.9' });
    expect(res.statusCode).toBe(429);
    for (const h of SECURITY_HEADERS) expect(res.headers[h], h).toBeDefined();
    expect(res.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('nothing reached Object.prototype', () => {
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('CORS (HTTP_CORS_ORIGINS)', () => {
  const ORIGIN = 'https://h5.example.cn';
  let open: FastifyInstance;
  let closed: FastifyInstance;
  beforeAll(async () => {
    [open, closed] = await Promise.all([build({ corsOrigins: [ORIGIN] }), build()]);
  });
  afterAll(async () => {
    await Promise.all([open?.close(), closed?.close()]);
  });
  const preflight = (app: FastifyInstance, origin: string, headers = 'authorization,content-type') =>
    app.inject({
      method: 'OPTIONS',
      url: '/v1/echo',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers },
    });

  it('answers an allowed origin, on success and on errors alike, without credentials', async () => {
    const ok = await open.inject({ method: 'GET', url: '/v1/public', headers: { origin: ORIGIN } });
    expect(ok.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(ok.headers.vary).toMatch(/origin/i);
    expect(ok.headers['access-control-allow-credentials']).toBeUndefined();
    const refused = await open.inject({
      method: 'POST',
      url: '/v1/echo',
      headers: { origin: ORIGIN },
      payload: '{}',
    });
    expect(refused.statusCode).toBe(401);
    // The page can read why it was refused.
    expect(refused.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(String(refused.headers['access-control-expose-headers'])).toMatch(/www-authenticate/);
  });

  it('lets an allowed origin preflight the bearer header and JSON bodies', async () => {
    const res = await preflight(open, ORIGIN);
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(String(res.headers['access-control-allow-methods'])).toMatch(/POST/);
    expect(String(res.headers['access-control-allow-headers']).toLowerCase()).toMatch(/authorization/);
    expect(res.headers['access-control-max-age']).toBe('600');
  });

  it.each(['https://evil.example.com', 'https://h5.example.cn.evil.com', 'http://h5.example.cn', 'null'])(
    'gives %s no CORS grant',
    async (origin) => {
      const res = await open.inject({ method: 'GET', url: '/v1/public', headers: { origin } });
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect((await preflight(open, origin)).headers['access-control-allow-origin']).toBeUndefined();
    },
  );

  it('by default grants no origin: no CORS headers, a preflight is 404 problem+json', async () => {
    const res = await closed.inject({ method: 'GET', url: '/v1/public', headers: { origin: ORIGIN } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await preflight(closed, ORIGIN);
    expect(pre.statusCode).toBe(404);
    expect(pre.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('keeps the preflight route out of the OpenAPI document', async () => {
    const doc = (await open.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const ops of Object.values(doc.paths as Record<string, object>))
      expect(ops).not.toHaveProperty('options');
  });
});
