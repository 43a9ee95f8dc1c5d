/**
 * Many live streams from one client address (SHARE_STREAM_MAX_PER_IP), on
 * real sockets: 10,000 attempts from one address hold at most the cap open —
 * every attempt beyond it is answered 429 problem+json at once and holds
 * nothing — the memory of the open streams stays within a bound per
 * connection, a closed stream frees its slot, and other addresses are not
 * affected. Then the cap as the share service wires it from its config.
 */
import { randomUUID } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type AuthConfig, buildHttpApp, type FastifyInstance, mintToken } from '@safewatch/common';
import { getInfra, waitFor } from '@safewatch/testkit';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamHub } from '../src/adapters/stream-hub.js';
import type { SyncedLimiter } from '../src/adapters/synced-limiter.js';
import { streamRoute } from '../src/http/stream.route.js';
import { type Binding, bearer, type ShareEnv, startShare } from './helpers.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapUsed = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const auth: AuthConfig = {
  algorithm: 'HS256',
  secret: 'stream-abuse-secret-0123456789abcdefghij',
  issuer: 'safewatch-test',
  audience: 'safewatch',
};
const CAP = 1_000;
const ATTEMPTS = 10_000;
/** Server and client sockets of one stream, both in this process; a stream costs a few KB. */
const MAX_HEAP_PER_STREAM = 32 * 1024;

interface Stream {
  socket: Socket;
  status: Promise<number>;
  /** Resolves with everything received once the first view frame (or the whole refusal) arrived. */
  first: Promise<string>;
}

function openStream(port: number, token: string, viewer: string, localAddress = '127.0.0.1'): Stream {
  const socket = connect({ port, host: '127.0.0.1', localAddress });
  socket.setNoDelay(true);
  let text = '';
  let resolveStatus: (n: number) => void = () => undefined;
  let resolveFirst: (s: string) => void = () => undefined;
  const status = new Promise<number>((r) => {
    resolveStatus = r;
  });
  const first = new Promise<string>((r) => {
    resolveFirst = r;
  });
  socket.on('data', (d) => {
    text += d.toString('utf8');
    const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
    if (m) resolveStatus(Number(m[1]));
    if (text.includes('event: view') || (m && m[1] !== '200' && text.includes('}'))) resolveFirst(text);
  });
  socket.on('error', () => undefined);
  socket.on('close', () => {
    resolveStatus(0);
    resolveFirst(text);
  });
  socket.write(
    `GET /v1/shares/${token}/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nauthorization: Bearer ${viewer}\r\n\r\n`,
  );
  return { socket, status, first };
}

describe(`${ATTEMPTS} streams from one address, capped at ${CAP}`, () => {
  let app: FastifyInstance;
  let hub: StreamHub;
  let port: number;
  const viewer = mintToken(auth, { sub: 'family-many', role: 'family' }, 3600);
  const held: Stream[] = [];

  beforeAll(async () => {
    hub = new StreamHub({
      tickMs: 30_000,
      heartbeatMs: 15_000,
      maxConnections: 60_000,
      maxPerIdentity: 100_000,
      source: {
        vehicleViews: async (keys) => new Map(keys.map((k) => [k, { plateNumber: k }])),
        shareFrame: async (_shareId, v) => ({ ended: false, body: { vehicle: v, online: true } }),
      },
    });
    app = await buildHttpApp({ service: 'stream-abuse', logger: pino({ level: 'silent' }), auth });
    // Opens per minute are limited elsewhere (SyncedLimiter); here only the concurrency cap counts.
    const unlimited = { hit: () => ({ allowed: true }) } as unknown as SyncedLimiter;
    await streamRoute(app, {
      hub,
      limiter: unlimited,
      maxStreamsPerIp: CAP,
      authorize: async (_req, token) => ({ shareId: token, vehicleKey: `鲁A${token.slice(0, 5)}:2` }),
    });
    hub.start();
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const s of held) s.socket.destroy();
    await app?.close();
  });

  it(`holds at most ${CAP} open, refuses the other ${ATTEMPTS - CAP} with 429 at once, within a memory bound per stream`, async () => {
    const before = heapUsed();
    for (let i = 0; i < CAP; i += 250) {
      const batch = Array.from({ length: Math.min(250, CAP - i) }, (_, k) =>
        openStream(port, `share-${(i + k) % 200}-${randomUUID()}`, viewer),
      );
      held.push(...batch);
      const firsts = await Promise.all(batch.map((s) => s.first));
      for (const f of firsts) expect(f).toMatch(/^HTTP\/1\.1 200[\s\S]*event: view/);
      // The stream's own headers keep the security headers of every answer.
      for (const f of firsts) expect(f).toMatch(/x-content-type-options: nosniff/i);
    }
    expect(hub.connections).toBe(CAP);
    const perStream = (heapUsed() - before) / CAP;
    expect(perStream).toBeLessThan(MAX_HEAP_PER_STREAM);

    const started = Date.now();
    const statuses = new Map<number, number>();
    for (let i = CAP; i < ATTEMPTS; i += 500) {
      const batch = Array.from({ length: Math.min(500, ATTEMPTS - i) }, () =>
        openStream(port, `share-x-${randomUUID()}`, viewer),
      );
      const answers = await Promise.all(batch.map((s) => s.first));
      for (const a of answers) {
        const st = Number(/^HTTP\/1\.1 (\d{3})/.exec(a)?.[1]);
        statuses.set(st, (statuses.get(st) ?? 0) + 1);
        if (st === 429) {
          expect(a).toMatch(/content-type: application\/problem\+json/i);
          expect(a).toContain('"code":"RATE_LIMITED"');
        }
      }
      for (const s of batch) s.socket.destroy();
    }
    expect(Object.fromEntries(statuses)).toEqual({ 429: ATTEMPTS - CAP });
    expect(hub.connections).toBe(CAP);
    // Refusals cost no stream: 9,000 of them in well under a second each.
    expect(Date.now() - started).toBeLessThan(60_000);
    console.log(
      `[stream-abuse] ${CAP} streams held: ${(perStream / 1024).toFixed(1)} KiB of heap each (server and client); ${ATTEMPTS - CAP} refused in ${Date.now() - started} ms`,
    );
  }, 120_000);

  it('a closed stream frees its slot; another address has its own', async () => {
    const closing = held.splice(0, 10);
    for (const s of closing) s.socket.destroy();
    await waitFor(async () => hub.connections === CAP - 10, { timeoutMs: 5_000, message: 'streams closed' });
    const again = Array.from({ length: 10 }, () => openStream(port, `share-again-${randomUUID()}`, viewer));
    held.push(...again);
    expect(await Promise.all(again.map((s) => s.status))).toEqual(Array(10).fill(200));
    const refused = openStream(port, `share-over-${randomUUID()}`, viewer);
    expect(await refused.status).toBe(429);
    refused.socket.destroy();
    const elsewhere = openStream(port, `share-other-${randomUUID()}`, viewer, '127.0.0.2');
    held.push(elsewhere);
    expect(await elsewhere.status).toBe(200);
  });
});

describe('SHARE_STREAM_MAX_PER_IP in the share service', () => {
  const infra = getInfra();
  let e: ShareEnv;
  const BOUND: Binding = ['driver-sa-1', randomUUID(), '鲁H00001'];
  beforeAll(async () => {
    e = await startShare('share-stream-abuse', infra, { env: { SHARE_STREAM_MAX_PER_IP: '2' } });
    await e.bind([BOUND]);
  });
  afterAll(async () => {
    await e?.close();
  });

  it('the third stream from one address is refused with 429 while two are open', async () => {
    const created = await e.app.server.inject({
      method: 'POST',
      url: '/v1/drivers/me/shares',
      headers: bearer(e.token({ sub: BOUND[0], role: 'driver' })),
      payload: { vehicleId: BOUND[1], duration: '3d' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { token } = created.json() as { token: string };
    const viewer = e.token({ sub: 'family-sa', role: 'family' });
    const claim = await e.app.server.inject({
      method: 'POST',
      url: `/v1/shares/${token}/claim`,
      headers: bearer(viewer),
    });
    expect(claim.statusCode, claim.body).toBe(200);
    await e.app.server.listen({ host: '127.0.0.1', port: 0 });
    const port = (e.app.server.server.address() as { port: number }).port;
    const open = [openStream(port, token, viewer), openStream(port, token, viewer)];
    try {
      expect(await Promise.all(open.map((s) => s.status))).toEqual([200, 200]);
      const third = openStream(port, token, viewer);
      expect(await third.status).toBe(429);
      expect(await third.first).toContain('open streams per client address');
      third.socket.destroy();
      expect(e.app.hub.connections).toBe(2);
    } finally {
      for (const s of open) s.socket.destroy();
    }
  });
});
