/**
 * No personal data in the logs, no stack traces in the answers: a realistic
 * share scenario (the driver shares, a family member claims and views the
 * link and follows its live stream, others are refused, the driver cancels,
 * malformed and forged requests, and a 500 forced by a missing table) runs
 * with the service's own logger at debug level; all it logs and answers is
 * searched for share tokens, JWTs, phone numbers and identity numbers, and
 * the answers for stack traces.
 */
import { randomUUID } from 'node:crypto';
import {
  authConfig,
  createKafka,
  createLogger,
  mintToken,
  type Principal,
  producerConfig,
  topicNames,
} from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { findLeaks, getInfra, isolate, logCapture, STACK_TRACE, waitFor } from '@safewatch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShareApp, type ShareApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { BOUND, migrateForShare, TEST_JWT_SECRET } from './helpers.js';

const infra = getInfra();
const iso = isolate('share-privacy', infra);
const logs = logCapture();
const quiet = createLogger('privacy-setup', 'silent');
let app: ShareApp;
let token: (p: Principal) => string;
const answers: string[] = [];
const sent: Record<string, string[]> = { 'share token': [], JWT: [] };
const DRIVER: Principal = { sub: 'driver-pv-1', role: 'driver' };
const VEHICLE = randomUUID();
const PLATE = '鲁J00001';

beforeAll(async () => {
  await migrateForShare(infra.databaseUrl, iso.schema);
  await iso.createTopics(Object.values(topicNames()), 2);
  const cfg = loadConfig({
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: iso.topicPrefix,
    DATABASE_URL: infra.databaseUrl,
    PG_SCHEMA: iso.schema,
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: iso.redisPrefix,
    JWT_SECRET: TEST_JWT_SECRET,
    SHARE_GROUP_ID: `share-${iso.id}`,
    LOG_LEVEL: 'debug',
  });
  app = await createShareApp(cfg, createLogger('share', 'debug', logs.destination));
  await app.start();
  const auth = authConfig(cfg);
  token = (p) => {
    const t = mintToken(auth, p, 3600);
    sent.JWT?.push(t);
    return t;
  };
  // The binding, as the bindings service announces it.
  const producer = createKafka({ brokers: infra.kafkaBrokers, clientId: 'privacy', logger: quiet }).producer(
    producerConfig(),
  );
  await producer.connect();
  await producer.send({
    topic: iso.topic('bindings.events'),
    acks: -1,
    messages: [
      {
        key: `${PLATE}:2`,
        value: Buffer.from(
          pb.BindingsEnvelope.encode({
            binding: {
              eventId: randomUUID(),
              type: BOUND,
              vehicle: { plateNumber: PLATE, plateColor: 2 },
              vehicleId: VEHICLE,
              driverId: DRIVER.sub,
              occurredAtMs: Date.now(),
            },
          }).finish(),
        ),
      },
    ],
  });
  await producer.disconnect();
  await waitFor(
    async () =>
      (await app.deps.pool.query('SELECT 1 FROM current_bindings WHERE vehicle_id = $1', [VEHICLE]))
        .rowCount === 1,
    { timeoutMs: 20_000, message: 'binding learned' },
  );
});
afterAll(async () => {
  await app?.stop();
  await iso.dropSchema();
});

async function call(method: 'GET' | 'POST' | 'DELETE', url: string, who?: Principal, payload?: unknown) {
  const res = await app.server.inject({
    method,
    url,
    headers: who ? { authorization: `Bearer ${token(who)}` } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  answers.push(`${res.statusCode} ${JSON.stringify(res.headers)} ${res.body}`);
  return res;
}

describe('a share scenario leaves no token or personal data in logs and no stack trace in answers', () => {
  it('runs the scenario', async () => {
    const viewer: Principal = { sub: 'family-pv-1', role: 'family' };
    const created = await call('POST', '/v1/drivers/me/shares', DRIVER, {
      vehicleId: VEHICLE,
      duration: '7d',
    });
    expect(created.statusCode, created.body).toBe(201);
    const link = created.json() as { token: string; shareId: string };
    sent['share token']?.push(link.token);

    expect((await call('POST', `/v1/shares/${link.token}/claim`, viewer)).statusCode).toBe(200);
    expect((await call('GET', `/v1/shares/${link.token}`, viewer)).statusCode).toBe(200);
    expect(
      (await call('POST', `/v1/shares/${link.token}/claim`, { sub: 'family-pv-2', role: 'family' }))
        .statusCode,
    ).toBe(403);
    expect((await call('GET', '/v1/family/me/shared-vehicles', viewer)).statusCode).toBe(200);
    expect((await call('GET', '/v1/drivers/me/shares', DRIVER)).statusCode).toBe(200);

    // The live stream, on a real socket: its first frame.
    const address = await app.server.listen({ host: '127.0.0.1', port: 0 });
    const abort = new AbortController();
    const res = await fetch(`${address}/v1/shares/${link.token}/stream`, {
      headers: { authorization: `Bearer ${token(viewer)}` },
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    while (!text.includes('event: view')) text += new TextDecoder().decode((await reader.read()).value);
    answers.push(text);
    abort.abort();

    // Refusals of every kind.
    await call('GET', `/v1/shares/${'C'.repeat(43)}`, viewer);
    await call('GET', `/v1/shares/${link.token}`);
    await app.server.inject({
      method: 'GET',
      url: `/v1/shares/${link.token}`,
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged' },
    });
    await call('POST', '/v1/drivers/me/shares', DRIVER, { vehicleId: 'not-a-uuid', phone: '13912345678' });
    expect((await call('DELETE', `/v1/drivers/me/shares/${link.shareId}`, DRIVER)).statusCode).toBe(200);
    expect((await call('GET', `/v1/shares/${link.token}`, viewer)).statusCode).toBe(410);

    // A 500: the shares table is gone (as in a broken deployment).
    await app.deps.pool.query('ALTER TABLE shares RENAME TO shares_gone');
    try {
      const boom = await call('GET', '/v1/drivers/me/shares', DRIVER);
      expect(boom.statusCode).toBe(500);
      expect(boom.json()).toMatchObject({ code: 'INTERNAL', detail: 'an unexpected error occurred' });
    } finally {
      await app.deps.pool.query('ALTER TABLE shares_gone RENAME TO shares');
    }
    expect(logs.lines.some((l) => /"level":50/.test(l))).toBe(true);
  });

  it('logs no share token, JWT, phone number or identity number', () => {
    expect(logs.lines.length).toBeGreaterThan(20);
    if (process.env.PRIVACY_DUMP) console.log(logs.text());
    expect(findLeaks(logs.text(), sent)).toEqual([]);
  });

  it('answers with no stack trace and no JWT', () => {
    const all = answers.join('\n');
    expect(all).not.toMatch(STACK_TRACE);
    expect(findLeaks(all, { JWT: sent.JWT ?? [] })).toEqual([]);
  });
});
