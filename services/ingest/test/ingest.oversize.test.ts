/**
 * Oversized input through the real broker: a batch over
 * INGEST_MAX_POSITIONS_PER_BATCH and a near-1 MB undecodable message are each
 * rejected whole on positions.rejected with a reason (the rejection carrying
 * at most 64 KiB of the message), nothing of them is stored, and ingest goes
 * on with the next batch.
 */
import { pb } from '@safewatch/proto';
import { getInfra, waitFor } from '@safewatch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestApp } from '../src/app.js';
import { MAX_REJECTED_ORIGINAL_BYTES } from '../src/domain/classify.js';
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

const MAX = 50;
let e: Env;
let app: IngestApp;
let producer: Awaited<ReturnType<typeof producerFor>>;
let rejected: Awaited<ReturnType<typeof collect>>;

beforeAll(async () => {
  e = await setupEnv('ingest-oversize', getInfra());
  app = await startIngest({ ...e.env, INGEST_MAX_POSITIONS_PER_BATCH: String(MAX) });
  producer = await producerFor(e);
  rejected = await collect(e, 'positions.rejected');
});
afterAll(async () => {
  await app?.stop();
  await rejected?.consumer.disconnect();
  await producer?.disconnect();
  await e?.db.end();
  await e?.iso.dropSchema();
});

describe('oversized input to ingest', () => {
  it('rejects a batch over the maximum and a huge undecodable message with their reasons, and goes on', async () => {
    const t = Date.now() - 120_000;
    const big = plate();
    const tooMany = batch(
      Array.from({ length: MAX + 1 }, (_, i) => fix(big, t + i * 1000)),
      'too-many',
    );
    const garbage = new Uint8Array(900 * 1024).fill(0xff);
    const after = plate();
    await sendRaw(producer, e, [tooMany]);
    await sendRaw(producer, e, [garbage]);
    await sendRaw(producer, e, [batch([fix(after, t)], 'after')]);

    await waitFor(
      async () =>
        (await count(e.db, 'SELECT count(*)::int AS n FROM positions WHERE plate_number = $1', [after])) ===
        1,
      {
        timeoutMs: 30_000,
        message: 'the batch after the oversized ones stored',
      },
    );
    await waitFor(async () => rejected.messages.length >= 2, {
      timeoutMs: 20_000,
      message: 'two rejections',
    });
    const rs = rejected.messages.map((m) => pb.RejectedPosition.decode(m.value as Buffer));
    const tooLarge = rs.find((r) => r.reason === pb.RejectReason.REJECT_REASON_BATCH_TOO_LARGE);
    expect(tooLarge).toMatchObject({ batchId: 'too-many', platformId: 'plat-01', indexInBatch: -1 });
    expect(tooLarge?.detail).toBe(`batch holds ${MAX + 1} positions, more than ${MAX}`);
    const malformed = rs.find((r) => r.reason === pb.RejectReason.REJECT_REASON_MALFORMED);
    expect(malformed?.original.length).toBe(MAX_REJECTED_ORIGINAL_BYTES);
    expect(malformed?.detail).toContain(`message of ${garbage.length} bytes`);

    expect(await count(e.db, 'SELECT count(*)::int AS n FROM positions WHERE plate_number = $1', [big])).toBe(
      0,
    );
    expect(await metricValue(app, 'ingest_positions_rejected_total', { reason: 'BATCH_TOO_LARGE' })).toBe(1);
    expect(app.readiness.ready).toBe(true);
  });
});
