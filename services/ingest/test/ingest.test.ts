import { lastPositionKey, Redis } from '@safewatch/common';
import { pb, type safewatch } from '@safewatch/proto';
import { getInfra, waitFor } from '@safewatch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestApp } from '../src/app.js';
import {
  batch,
  collect,
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

type PlateColor = safewatch.v1.PlateColor;

let e: Env;
let app: IngestApp;
let redis: Redis;
let producer: Awaited<ReturnType<typeof producerFor>>;
let accepted: Awaited<ReturnType<typeof collect>>;
let rejected: Awaited<ReturnType<typeof collect>>;

beforeAll(async () => {
  e = await setupEnv('ingest', getInfra());
  app = await startIngest(e.env);
  redis = new Redis(e.infra.redisUrl);
  producer = await producerFor(e);
  accepted = await collect(e, 'positions.accepted');
  rejected = await collect(e, 'positions.rejected');
});

afterAll(async () => {
  await app?.stop();
  await accepted?.consumer.disconnect();
  await rejected?.consumer.disconnect();
  await producer?.disconnect();
  redis?.disconnect();
  await e?.db.end();
  await e?.iso.dropSchema();
});

const lastOf = async (plateNumber: string) => {
  const h = await redis.hgetallBuffer(lastPositionKey(e.iso.redisPrefix, `${plateNumber}:2`));
  if (!h.p) return undefined;
  return { t: Number(h.t?.toString()), position: pb.Position.decode(h.p) };
};

describe('ingest through the real broker (SPEC §5)', () => {
  it('stores a valid batch once, sets the last position in Redis and republishes keyed by vehicle', async () => {
    const [a, b] = [plate(), plate()];
    const t = Date.now() - 120_000;
    await sendRaw(producer, e, [batch([fix(a, t), fix(a, t + 30_000), fix(b, t)])]);

    await waitFor(
      async () =>
        (await count(e.db, 'SELECT count(*)::int AS n FROM positions WHERE plate_number = ANY($1)', [
          [a, b],
        ])) === 3,
      {
        message: 'three positions stored',
      },
    );
    const last = await lastOf(a);
    expect(last?.t).toBe(t + 30_000);
    expect(last?.position.platformId).toBe('plat-01');
    expect((await lastOf(b))?.t).toBe(t);

    await waitFor(() => accepted.messages.filter((m) => m.key?.toString().startsWith(a)).length === 2, {
      message: 'two accepted positions of vehicle a republished',
    });
    const mine = accepted.messages.filter((m) => m.key?.toString() === `${a}:2`);
    expect(mine.map((m) => pb.Position.decode(m.value as Buffer).gnssTimeMs)).toEqual([t, t + 30_000]);

    const row = await e.db.query(
      'SELECT lat_e6, lon_e6, speed_dkmh, heading_deg, platform_id, extract(epoch from gnss_time)*1000 AS ms FROM positions WHERE plate_number = $1 ORDER BY gnss_time LIMIT 1',
      [a],
    );
    expect(row.rows[0]).toMatchObject({
      lat_e6: 36_651_000,
      lon_e6: 117_120_000,
      speed_dkmh: 720,
      heading_deg: 90,
      platform_id: 'plat-01',
    });
    expect(Number(row.rows[0].ms)).toBe(t);
  });

  it('rejects each bad position with its reason and original bytes, and keeps the good ones', async () => {
    const p = plate();
    const t = Date.now() - 60_000;
    const bad = {
      COORDINATES_OUT_OF_RANGE: fix(p, t + 1, { latE6: 95_000_000 }),
      ZERO_FIX: fix(p, t + 2, { latE6: 0, lonE6: 0 }),
      FUTURE_TIME: fix(p, Date.now() + 10 * 60_000),
      SPEED_OUT_OF_RANGE: fix(p, t + 4, { speedDkmh: 4_000 }),
      UNKNOWN_PLATE_COLOR: fix(p, t + 5, { plateColor: 7 as PlateColor }),
      INVALID_PLATE: fix('', t + 6),
      INVALID_TIME: fix(p, 0),
      INVALID_HEADING: fix(p, t + 8, { headingDeg: 400 }),
    };
    const good = fix(p, t);
    const before = rejected.messages.length;
    const garbage = Buffer.from('definitely not protobuf \xff\xff\xff');
    await sendRaw(producer, e, [batch([good, ...Object.values(bad)], 'b-bad'), garbage]);

    await waitFor(() => rejected.messages.length - before === Object.keys(bad).length + 1, {
      message: 'every rejection published',
    });
    const records = rejected.messages.slice(before).map((m) => pb.RejectedPosition.decode(m.value as Buffer));
    const byReason = new Map(
      records.map((r) => [pb.RejectReason[r.reason].replace('REJECT_REASON_', ''), r]),
    );
    for (const [reason, position] of Object.entries(bad)) {
      const r = byReason.get(reason);
      expect(r, reason).toBeDefined();
      expect(Buffer.from(r?.original as Uint8Array)).toEqual(
        Buffer.from(pb.Position.encode(position).finish()),
      );
      expect(r?.batchId).toBe('b-bad');
      expect(r?.detail).not.toBe('');
    }
    const malformed = byReason.get('MALFORMED');
    expect(Buffer.from(malformed?.original as Uint8Array)).toEqual(garbage);
    expect(malformed?.indexInBatch).toBe(-1);
    expect(malformed?.sourceTopic).toBe(e.iso.topic('positions.raw'));

    await waitFor(
      async () =>
        (await count(e.db, 'SELECT count(*)::int AS n FROM positions WHERE plate_number = $1', [p])) === 1,
    );
    expect(
      await metricValue(app, 'ingest_positions_rejected_total', { reason: 'ZERO_FIX' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await metricValue(app, 'ingest_positions_rejected_total', { reason: 'MALFORMED' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('stores duplicates once and never moves the last position back for late data', async () => {
    const p = plate();
    const t = Date.now() - 10 * 60_000;
    await sendRaw(producer, e, [batch([fix(p, t + 60_000), fix(p, t + 120_000), fix(p, t + 120_000)])]);
    await waitFor(async () => (await lastOf(p))?.t === t + 120_000, { message: 'last position at t+120s' });
    const dupBefore = await metricValue(app, 'ingest_positions_duplicate_total');

    // A resent batch (duplicates) and a late fix older than the last position.
    await sendRaw(producer, e, [
      batch([fix(p, t + 60_000), fix(p, t + 120_000, { speedDkmh: 999 })]),
      batch([fix(p, t)]),
    ]);
    await waitFor(
      async () =>
        (await count(e.db, 'SELECT count(*)::int AS n FROM positions WHERE plate_number = $1', [p])) === 3,
      {
        message: 'late fix stored',
      },
    );
    await waitFor(async () => (await metricValue(app, 'ingest_positions_duplicate_total')) - dupBefore >= 2, {
      message: 'duplicates counted',
    });
    const rows = await e.db.query(
      'SELECT speed_dkmh FROM positions WHERE plate_number = $1 ORDER BY gnss_time',
      [p],
    );
    expect(rows.rows.map((r) => r.speed_dkmh)).toEqual([720, 720, 720]);
    expect((await lastOf(p))?.t).toBe(t + 120_000);
  });

  it('on plain PostgreSQL, indexes positions by its key and by time with BRIN, not a second btree', async () => {
    const { rows } = await e.db.query<{ indexname: string; indexdef: string }>(
      'SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 ORDER BY indexname',
      [e.iso.schema, 'positions'],
    );
    expect(rows.map((r) => r.indexname)).toEqual(['positions_gnss_time_brin', 'positions_pkey']);
    expect(rows[0]?.indexdef).toMatch(/USING brin \(gnss_time\)/);
    expect(rows[1]?.indexdef).toMatch(/USING btree \(plate_number, plate_color, gnss_time\)/);
  });

  it('serves /healthz, /readyz and /metrics', async () => {
    expect((await app.server.inject('/healthz')).statusCode).toBe(200);
    const ready = await app.server.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks).toEqual({ kafka: true, postgres: true, redis: true });
    const metrics = (await app.server.inject('/metrics')).body;
    for (const name of [
      'ingest_positions_consumed_total',
      'ingest_positions_accepted_total',
      'ingest_positions_rejected_total',
      'ingest_chunk_duration_seconds_bucket',
      'ingest_consumer_lag',
    ]) {
      expect(metrics).toContain(name);
    }
  });
});
