import { randomUUID } from 'node:crypto';
import { lastPositionKey } from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { getInfra, waitFor } from '@safewatch/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ViewRecorder } from '../src/adapters/view-recorder.js';
import { createShareApp, type ShareApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { logger, type ShareEnv, startShare } from './helpers.js';

/**
 * The view's in-memory read model (share rows, vehicles' alerts and
 * reminders) across two instances of the service on one database: a change
 * made through one instance is seen by the other through the triggers'
 * NOTIFY, and a lost listener falls back to Postgres.
 */
const infra = getInfra();
let a: ShareEnv;
let b: ShareApp;
const V1 = randomUUID();
const PLATE = '鲁A55555';

beforeAll(async () => {
  a = await startShare('readmodel', infra);
  // A second instance on the same schema (its own consumer groups: it needs none of the events here).
  b = await createShareApp(loadConfig({ ...envOf(a), SHARE_GROUP_ID: `${a.cfg.SHARE_GROUP_ID}-b` }), logger);
  await b.start();
  await a.bind([['driver-rm', V1, PLATE]]);
});
afterAll(async () => {
  await b?.stop();
  await a?.close();
});

function envOf(e: ShareEnv): Record<string, string> {
  const c = e.cfg;
  return {
    KAFKA_BROKERS: c.KAFKA_BROKERS.join(','),
    KAFKA_TOPIC_PREFIX: c.KAFKA_TOPIC_PREFIX,
    DATABASE_URL: c.DATABASE_URL,
    PG_SCHEMA: c.PG_SCHEMA,
    REDIS_URL: c.REDIS_URL,
    REDIS_KEY_PREFIX: c.REDIS_KEY_PREFIX,
    JWT_SECRET: 'share-test-secret-0123456789abcdefghij',
    LOG_LEVEL: 'silent',
  };
}

const on = (
  app: ShareApp,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  bearer: string,
  payload?: object,
) =>
  app.server.inject({
    method,
    url,
    headers: { authorization: `Bearer ${bearer}` },
    ...(payload ? { payload } : {}),
  });
const driver = () => a.token({ sub: 'driver-rm', role: 'driver' });
const viewer = () => a.token({ sub: 'family-rm', role: 'family' });

// S3: at most 3 active shares per vehicle; every test starts from none.
beforeEach(async () => {
  expect((await on(a.app, 'DELETE', `/v1/drivers/me/vehicles/${V1}/shares`, driver())).statusCode).toBe(200);
});

describe('the view read model across instances (S2, S5, S6)', () => {
  it('a claim made on B lets A serve the view; a cancel on B ends the view on A within a second', async () => {
    const created = await on(a.app, 'POST', '/v1/drivers/me/shares', driver(), {
      vehicleId: V1,
      duration: '3d',
    });
    expect(created.statusCode).toBe(201);
    const { token, shareId } = created.json();
    // A reads (and caches) the row while it is unclaimed.
    const early = await on(a.app, 'GET', `/v1/shares/${token}`, viewer());
    expect(early.statusCode).toBe(404);
    const heard = a.app.deps.readModel?.stats.invalidations ?? 0;
    expect((await on(b, 'POST', `/v1/shares/${token}/claim`, viewer())).statusCode).toBe(200);
    // A's cached row may still say unclaimed; the refusal is confirmed against Postgres, so the owner gets in.
    expect((await on(a.app, 'GET', `/v1/shares/${token}`, viewer())).statusCode).toBe(200);
    await waitFor(async () => (a.app.deps.readModel?.stats.invalidations ?? 0) > heard, {
      timeoutMs: 5_000,
      message: 'A hears of the claim',
    });
    expect((await on(a.app, 'GET', `/v1/shares/${token}`, viewer())).statusCode).toBe(200);
    // Served from memory from now on.
    const hits = a.app.deps.readModel?.stats.shareHits ?? 0;
    for (let i = 0; i < 5; i++)
      expect((await on(a.app, 'GET', `/v1/shares/${token}`, viewer())).statusCode).toBe(200);
    expect(a.app.deps.readModel?.stats.shareHits).toBeGreaterThanOrEqual(hits + 5);

    const cancelledAt = Date.now();
    expect((await on(b, 'DELETE', `/v1/drivers/me/shares/${shareId}`, driver())).statusCode).toBe(200);
    await waitFor(async () => (await on(a.app, 'GET', `/v1/shares/${token}`, viewer())).statusCode === 410, {
      timeoutMs: 5_000,
      message: 'A refuses the cancelled share',
    });
    expect(Date.now() - cancelledAt).toBeLessThan(1_000);
    const ended = await on(a.app, 'GET', `/v1/shares/${token}`, viewer());
    expect(ended.json()).toMatchObject({ code: 'SHARE_ENDED' });
  });

  it('a new alert consumed by A shows in the view served by B (its cached alerts are dropped)', async () => {
    const created = await on(b, 'POST', '/v1/drivers/me/shares', driver(), { vehicleId: V1, duration: '7d' });
    const { token } = created.json();
    expect((await on(b, 'POST', `/v1/shares/${token}/claim`, viewer())).statusCode).toBe(200);
    const before = await on(b, 'GET', `/v1/shares/${token}`, viewer());
    expect(before.json().episodes).toEqual([]);
    expect((await on(b, 'GET', `/v1/shares/${token}`, viewer())).json().episodes).toEqual([]);
    expect(b.deps.readModel?.stats.vehicleHits).toBeGreaterThan(0);

    // Only A consumes the alerts topic in this test (B's groups are its own but B also reads it:
    // whichever stores it first, the other's insert is a no-op; both drop their cache on the NOTIFY).
    const startMs = Date.now();
    await a.sendAlerts([
      {
        alertId: `rm-${randomUUID()}`,
        type: pb.AlertType.ALERT_TYPE_SPEEDING,
        phase: pb.AlertPhase.ALERT_PHASE_STARTED,
        source: pb.AlertSource.ALERT_SOURCE_DETECTED,
        vehicle: { plateNumber: PLATE, plateColor: 2 },
        occurredAtMs: startMs,
        episodeStartMs: startMs,
        speeding: { limitKmh: 80, peakSpeedDkmh: 970, startMs },
      },
    ]);
    await waitFor(
      async () =>
        (await on(b, 'GET', `/v1/shares/${token}`, viewer()))
          .json()
          .episodes.some(
            (x: { episodeId: string; speeding: { peakKmh: number } }) =>
              x.episodeId === `SPEEDING:${startMs}` && x.speeding.peakKmh === 97,
          ),
      { timeoutMs: 20_000, message: 'B shows the new alert' },
    );
  });

  it('when the listener is lost, reads go to Postgres at once, and caching resumes after it reconnects', async () => {
    const created = await on(a.app, 'POST', '/v1/drivers/me/shares', driver(), {
      vehicleId: V1,
      duration: '1m',
    });
    const { token, shareId } = created.json();
    expect((await on(a.app, 'POST', `/v1/shares/${token}/claim`, viewer())).statusCode).toBe(200);
    expect((await on(a.app, 'GET', `/v1/shares/${token}`, viewer())).statusCode).toBe(200);
    const rm = a.app.deps.readModel;
    expect(rm?.active).toBe(true);

    await a.app.deps.pool.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = left('share-cache:' || $1, 63)",
      [a.cfg.PG_SCHEMA],
    );
    await waitFor(async () => rm?.active === false, { timeoutMs: 5_000, message: 'listener loss noticed' });
    // Ended behind the service's back while nothing is listened to: seen on the next view.
    await a.app.deps.pool.query(
      "UPDATE shares SET ended_at = now(), ended_reason = 'CANCELLED' WHERE share_id = $1",
      [shareId],
    );
    expect((await on(a.app, 'GET', `/v1/shares/${token}`, viewer())).statusCode).toBe(410);
    await waitFor(async () => rm?.active === true, { timeoutMs: 15_000, message: 'listener back' });
  });
});

describe('streams across instances (S5, S8)', () => {
  it("a share cancelled through B ends the stream open on A at once, not at A's next tick", async () => {
    const created = await on(b, 'POST', '/v1/drivers/me/shares', driver(), { vehicleId: V1, duration: '3d' });
    const { token, shareId } = created.json();
    expect((await on(b, 'POST', `/v1/shares/${token}/claim`, viewer())).statusCode).toBe(200);
    const address = await a.app.server.listen({ host: '127.0.0.1', port: 0 });
    const res = await fetch(`${address}/v1/shares/${token}/stream`, {
      headers: { authorization: `Bearer ${viewer()}` },
    });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    const readUntil = async (what: string, ms: number) => {
      const deadline = Date.now() + ms;
      while (!text.includes(what) && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      return text.includes(what);
    };
    expect(await readUntil('event: view', 10_000)).toBe(true);
    // A's tick is 30 s: only the notification can end the stream within the 3 s allowed here.
    expect(a.cfg.SHARE_STREAM_TICK_MS).toBeGreaterThanOrEqual(30_000);
    expect((await on(b, 'DELETE', `/v1/drivers/me/shares/${shareId}`, driver())).statusCode).toBe(200);
    expect(await readUntil('event: ended', 3_000)).toBe(true);
    expect(text).toContain('CANCELLED');
  });
});

describe('view recording (every view is recorded for the driver)', () => {
  it('writes views in batches, keeps them across a failed write, and writes the rest on stop', async () => {
    const pool = a.app.deps.pool;
    const created = await on(a.app, 'POST', '/v1/drivers/me/shares', driver(), {
      vehicleId: V1,
      duration: '3d',
    });
    const { shareId } = created.json();
    let failNext = true;
    // The real pool, failing its first INSERT as if Postgres were briefly unreachable.
    const flaky = new Proxy(pool, {
      get(target, prop, receiver) {
        if (prop === 'query')
          return (...args: Parameters<typeof pool.query>) => {
            if (failNext) {
              failNext = false;
              return Promise.reject(new Error('connection terminated'));
            }
            return (target.query as (...x: unknown[]) => unknown).apply(target, args);
          };
        return Reflect.get(target, prop, receiver);
      },
    });
    const rec = new ViewRecorder({ pool: flaky, logger, flushMs: 60_000, maxBatch: 1_000 });
    const count = async () =>
      (await pool.query('SELECT count(*)::int AS n FROM share_views WHERE share_id = $1', [shareId])).rows[0]
        .n;
    // Kept to the millisecond (sent as epoch milliseconds).
    const at = new Date('2026-11-21T08:00:00.123Z');
    for (let i = 0; i < 3; i++) rec.record(shareId, 'family-rm', i === 0 ? at : new Date());
    expect(await count()).toBe(0);
    await expect(rec.flush()).rejects.toThrow('connection terminated');
    expect(rec.pending).toBe(3);
    rec.record(shareId, 'family-rm', new Date());
    await rec.flush();
    expect(await count()).toBe(4);
    rec.record(shareId, 'family-rm', new Date());
    await rec.stop();
    expect(await count()).toBe(5);
    expect(rec.stats).toMatchObject({ recorded: 5, written: 5, dropped: 0, failedFlushes: 1 });
    const exact = await pool.query(
      'SELECT count(*)::int AS n FROM share_views WHERE share_id = $1 AND viewed_at = $2',
      [shareId, at],
    );
    expect(exact.rows[0].n).toBe(1);
  });

  it('views served by the service are in the driver list right away', async () => {
    const created = await on(a.app, 'POST', '/v1/drivers/me/shares', driver(), {
      vehicleId: V1,
      duration: '3d',
    });
    const { token, shareId } = created.json();
    expect((await on(a.app, 'POST', `/v1/shares/${token}/claim`, viewer())).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) await on(a.app, 'GET', `/v1/shares/${token}`, viewer());
    const list = (await on(a.app, 'GET', '/v1/drivers/me/shares', driver())).json();
    expect(list.items.find((s: { shareId: string }) => s.shareId === shareId).views).toHaveLength(3);
  });
});

describe('last positions kept until Redis invalidates them (S6, S7 freshness)', () => {
  const key = `${PLATE}:2`;
  const put = (gnssTimeMs: number, lat: number) =>
    a.redis.hset(lastPositionKey(a.iso.redisPrefix, key), {
      t: String(gnssTimeMs),
      p: Buffer.from(
        pb.Position.encode({
          plateNumber: PLATE,
          plateColor: 2,
          gnssTimeMs,
          latE6: Math.round(lat * 1e6),
          lonE6: 117_000_000,
          speedDkmh: 600,
          headingDeg: 90,
        }).finish(),
      ),
    });
  const lat = async (app: ShareApp, token: string) =>
    (await on(app, 'GET', `/v1/shares/${token}`, viewer())).json().position?.wgs84.lat;

  it('serves repeated views from memory and shows a new position as soon as ingest writes it', async () => {
    const created = await on(a.app, 'POST', '/v1/drivers/me/shares', driver(), {
      vehicleId: V1,
      duration: '3d',
    });
    const { token } = created.json();
    expect((await on(a.app, 'POST', `/v1/shares/${token}/claim`, viewer())).statusCode).toBe(200);
    const cache = a.app.deps.positions;
    expect(cache?.active).toBe(true);
    await put(Date.now() - 5_000, 36.1);
    expect(await lat(a.app, token)).toBe(36.1);
    const hits = cache?.stats.hits ?? 0;
    for (let i = 0; i < 5; i++) expect(await lat(a.app, token)).toBe(36.1);
    expect(cache?.stats.hits).toBeGreaterThanOrEqual(hits + 5);

    await put(Date.now(), 36.2);
    await waitFor(async () => (await lat(a.app, token)) === 36.2, {
      timeoutMs: 2_000,
      message: 'the new position replaces the one in memory',
    });
    expect(cache?.stats.invalidations).toBeGreaterThan(0);
  });

  it('when the invalidation connection drops, reads go to Redis until tracking is back', async () => {
    const created = await on(a.app, 'POST', '/v1/drivers/me/shares', driver(), {
      vehicleId: V1,
      duration: '7d',
    });
    const { token } = created.json();
    expect((await on(a.app, 'POST', `/v1/shares/${token}/claim`, viewer())).statusCode).toBe(200);
    const cache = a.app.deps.positions;
    await put(Date.now(), 36.3);
    await waitFor(async () => (await lat(a.app, token)) === 36.3, {
      timeoutMs: 2_000,
      message: 'position shown',
    });
    const resets = cache?.stats.resets ?? 0;
    await a.redis.client('KILL', 'ID', String(cache?.subscriberId));
    await waitFor(async () => (cache?.stats.resets ?? 0) > resets, {
      timeoutMs: 5_000,
      message: 'drop noticed',
    });
    await put(Date.now(), 36.4);
    await waitFor(async () => (await lat(a.app, token)) === 36.4, {
      timeoutMs: 2_000,
      message: 'read from Redis',
    });
    await waitFor(async () => cache?.active === true, { timeoutMs: 10_000, message: 'tracking back' });
    await put(Date.now(), 36.5);
    await waitFor(async () => (await lat(a.app, token)) === 36.5, {
      timeoutMs: 2_000,
      message: 'fresh after reconnect',
    });
  });
});
