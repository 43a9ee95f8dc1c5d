import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { lastPositionKey, Redis } from '@safewatch/common';
import { getInfra, startDisposablePostgres, startDisposableRedis, waitFor } from '@safewatch/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import type { IngestApp } from '../src/app.js';
import {
  batch,
  count,
  type Env,
  fix,
  metricValue,
  plate,
  producerFor,
  sendRaw,
  setupEnv,
  startIngest,
} from './helpers.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

const track = (p: string, n: number, t0 = Date.now() - 3_600_000) =>
  Array.from({ length: n }, (_, i) => fix(p, t0 + i * 30_000, { latE6: 36_000_000 + i }));

async function env(label: string, databaseUrl?: string): Promise<Env> {
  const e = await setupEnv(label, getInfra(), databaseUrl);
  cleanups.push(async () => {
    await e.db.end();
    if (!databaseUrl) await e.iso.dropSchema();
  });
  return e;
}

async function ingest(e: Env, overrides: Record<string, string> = {}): Promise<IngestApp> {
  const app = await startIngest({ ...e.env, ...overrides });
  cleanups.push(() => app.stop());
  return app;
}

const localOnly = getInfra().mode.postgres === 'local' && getInfra().mode.redis === 'local';

describe('ingest under faults: nothing lost, nothing stored twice', () => {
  it('a crash between persist and commit is redelivered and stores nothing twice', async () => {
    const e = await env('ingest-crash');
    const producer = await producerFor(e);
    cleanups.push(() => producer.disconnect());
    const p = plate();
    await sendRaw(producer, e, [batch(track(p, 20))]);

    // A real process, killed with SIGKILL right after its first persist.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=source',
        join(import.meta.dirname, 'fixtures', 'crash-after-persist.ts'),
      ],
      {
        env: { ...process.env, ...e.env, INGEST_SESSION_TIMEOUT_MS: '6000' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const signal = await new Promise((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
    expect(signal, out).toBe('SIGKILL');
    expect(out).toContain('persisted 20');
    expect(await count(e.db)).toBe(20);
    const redis = new Redis(e.infra.redisUrl);
    cleanups.push(async () => redis.disconnect());
    const key = lastPositionKey(e.iso.redisPrefix, `${p}:2`);
    expect(await redis.exists(key)).toBe(0);

    // The next instance gets the uncommitted batch again: stored rows are skipped,
    // the steps the crash cut off are completed.
    const app = await ingest(e);
    await waitFor(
      async () => (await metricValue(app, 'ingest_positions_duplicate_total', { where: 'stored' })) === 20,
      {
        timeoutMs: 30_000,
        message: 'redelivered batch seen as already stored',
      },
    );
    expect(await count(e.db)).toBe(20);
    expect(await count(e.db, 'SELECT count(DISTINCT gnss_time)::int AS n FROM positions')).toBe(20);
    await waitFor(async () => (await redis.exists(key)) === 1, {
      message: 'last position written after redelivery',
    });
  }, 90_000);

  it('a graceful stop commits what it processed: a restarted instance does not reprocess', async () => {
    const e = await env('ingest-graceful');
    const producer = await producerFor(e);
    cleanups.push(() => producer.disconnect());
    await sendRaw(producer, e, [batch(track(plate(), 10)), batch(track(plate(), 10))]);
    const first = await startIngest(e.env);
    await waitFor(async () => (await count(e.db)) === 20, { message: '20 stored' });
    await first.stop();
    const second = await ingest(e);
    await sendRaw(producer, e, [batch(track(plate(), 5))]);
    await waitFor(async () => (await count(e.db)) === 25, {
      message: 'new batch stored by the second instance',
    });
    expect(await metricValue(second, 'ingest_positions_duplicate_total')).toBe(0);
    expect(await metricValue(second, 'ingest_positions_consumed_total')).toBe(5);
  });

  it('SIGTERM to a running ingest process: it finishes the chunk in hand, commits and exits cleanly', async () => {
    const e = await env('ingest-sigterm');
    const producer = await producerFor(e);
    cleanups.push(() => producer.disconnect());
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=source', join(import.meta.dirname, '..', 'src', 'main.ts')],
      {
        env: { ...process.env, ...e.env, LOG_LEVEL: 'info', INGEST_CHUNK_BYTES: '4096' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    cleanups.push(async () => child.kill('SIGKILL'));
    await waitFor(() => out.includes('ingest consuming'), { timeoutMs: 30_000, message: 'ingest started' });

    // Many small chunks, so the signal lands while work is in hand.
    const batches = Array.from({ length: 120 }, () => batch(track(plate(), 25)));
    await sendRaw(producer, e, batches);
    await waitFor(async () => (await count(e.db)) > 0, { message: 'ingest under way' });
    child.kill('SIGTERM');
    expect(await exited, out).toBe(0);
    expect(out).toContain('shut down cleanly');
    const storedAtStop = await count(e.db);

    // Whatever the stopped process stored was committed: its successor
    // reprocesses nothing already stored and stores the rest.
    const next = await ingest(e);
    await waitFor(async () => (await count(e.db)) === 3000, {
      timeoutMs: 30_000,
      message: 'all 3000 stored',
    });
    // A chunk is counted once it is published too, a moment after it is stored.
    await waitFor(
      async () => (await metricValue(next, 'ingest_positions_consumed_total')) >= 3000 - storedAtStop,
      { message: 'the rest counted' },
    );
    expect(await metricValue(next, 'ingest_positions_consumed_total')).toBe(3000 - storedAtStop);
    expect(await metricValue(next, 'ingest_positions_duplicate_total')).toBe(0);
  }, 90_000);

  it.skipIf(!localOnly)(
    'Postgres stopped mid-run then restarted: ingest pauses, reports not ready, loses nothing',
    async () => {
      const pgServer = await startDisposablePostgres();
      cleanups.push(() => pgServer.close());
      const e = await env('ingest-pg-down', pgServer.url);
      const producer = await producerFor(e);
      cleanups.push(() => producer.disconnect());
      const app = await ingest(e);

      const plates = [plate(), plate(), plate()];
      await sendRaw(producer, e, [batch(track(plates[0] as string, 30))]);
      await waitFor(async () => (await count(e.db)) === 30, { message: 'first batch stored' });

      await pgServer.stop();
      await sendRaw(producer, e, [
        batch(track(plates[1] as string, 30)),
        batch(track(plates[2] as string, 30)),
      ]);
      await waitFor(async () => (await app.server.inject('/readyz')).statusCode === 503, {
        timeoutMs: 20_000,
        message: 'not ready while Postgres is down',
      });
      await waitFor(
        async () => (await metricValue(app, 'ingest_step_retries_total', { step: 'persist' })) >= 2,
        {
          timeoutMs: 20_000,
          message: 'persist retried',
        },
      );

      await pgServer.start();
      await waitFor(async () => (await count(e.db).catch(() => -1)) === 90, {
        timeoutMs: 30_000,
        message: 'all 90 stored',
      });
      expect(
        await count(
          e.db,
          'SELECT count(*)::int AS n FROM (SELECT DISTINCT plate_number, gnss_time FROM positions) d',
        ),
      ).toBe(90);
      await waitFor(async () => (await app.server.inject('/readyz')).statusCode === 200, {
        timeoutMs: 15_000,
        message: 'ready again',
      });
    },
  );

  it.skipIf(!localOnly)(
    'Redis stopped mid-run then restarted: last positions catch up, nothing lost',
    async () => {
      const redisServer = await startDisposableRedis();
      cleanups.push(() => redisServer.close());
      const e = await env('ingest-redis-down');
      const producer = await producerFor(e);
      cleanups.push(() => producer.disconnect());
      const app = await ingest(e, { REDIS_URL: redisServer.url });
      const redis = new Redis(redisServer.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
      redis.on('error', () => undefined);
      cleanups.push(async () => redis.disconnect());

      await redisServer.stop();
      const p = plate();
      const t0 = Date.now() - 3_600_000;
      await sendRaw(producer, e, [batch(track(p, 10, t0))]);
      await waitFor(
        async () => (await metricValue(app, 'ingest_step_retries_total', { step: 'last_position' })) >= 2,
        {
          timeoutMs: 20_000,
          message: 'last-position step retried',
        },
      );
      expect((await app.server.inject('/readyz')).json().checks.redis).toBe(false);

      await redisServer.start();
      const key = lastPositionKey(e.iso.redisPrefix, `${p}:2`);
      await waitFor(async () => (await redis.hget(key, 't')) !== null, {
        timeoutMs: 30_000,
        message: 'last position written',
      });
      expect(Number(await redis.hget(key, 't'))).toBe(t0 + 9 * 30_000);
      expect(await count(e.db)).toBe(10);
    },
  );
});
