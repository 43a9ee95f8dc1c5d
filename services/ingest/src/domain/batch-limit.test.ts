import { pb } from '@safewatch/proto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyMessage, MAX_REJECTED_ORIGINAL_BYTES } from './classify.js';
import { DEFAULT_VALIDATION } from './validate.rule.js';

const NOW = Date.parse('2026-11-21T02:00:00Z');
const params = { ...DEFAULT_VALIDATION, maxPositionsPerBatch: 100 };
const fixAt = (i: number) => ({
  plateNumber: `鲁A${String(i % 100000).padStart(5, '0')}`,
  plateColor: 2,
  gnssTimeMs: NOW - 60_000 - i,
  latE6: 36_651_000,
  lonE6: 117_120_000,
  speedDkmh: 720,
  headingDeg: 90,
});
const batchOf = (n: number) =>
  pb.PositionBatch.encode({
    platformId: 'plat-big',
    batchId: `b-${n}`,
    sentAtMs: NOW,
    positions: Array.from({ length: n }, (_, i) => fixAt(i)),
  }).finish();

describe('oversized batches (INGEST_MAX_POSITIONS_PER_BATCH)', () => {
  it('accepts a batch of exactly the maximum', () => {
    const c = classifyMessage(batchOf(100), NOW, params);
    expect(c.accepted).toHaveLength(100);
    expect(c.rejections).toEqual([]);
  });

  it('rejects a batch over the maximum whole, with its reason, platform and batch id; stores none of it', () => {
    const c = classifyMessage(batchOf(101), NOW, params);
    expect(c.accepted).toEqual([]);
    expect(c.positions).toBe(101);
    expect(c.rejections).toHaveLength(1);
    expect(c.rejections[0]).toMatchObject({
      reason: 'BATCH_TOO_LARGE',
      indexInBatch: -1,
      platformId: 'plat-big',
      batchId: 'b-101',
    });
    expect(c.rejections[0]?.detail).toBe('batch holds 101 positions, more than 100');
  });

  it('keeps at most 64 KiB of a huge rejected message, and says how large it was', () => {
    const huge = batchOf(30_000);
    expect(huge.length).toBeGreaterThan(MAX_REJECTED_ORIGINAL_BYTES);
    const c = classifyMessage(huge, NOW, { ...params, maxPositionsPerBatch: 10_000 });
    expect(c.rejections[0]?.reason).toBe('BATCH_TOO_LARGE');
    expect(c.rejections[0]?.original.length).toBe(MAX_REJECTED_ORIGINAL_BYTES);
    expect(c.rejections[0]?.detail).toContain(`message of ${huge.length} bytes`);

    const garbage = new Uint8Array(900 * 1024).fill(0xff);
    const m = classifyMessage(garbage, NOW, params);
    expect(m.rejections[0]?.reason).toBe('MALFORMED');
    expect(m.rejections[0]?.original.length).toBe(MAX_REJECTED_ORIGINAL_BYTES);
    expect(m.rejections[0]?.detail).toContain('message of 921600 bytes');
  });

  it('property: any batch size ends all accepted or rejected whole, never both, never lost', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 250 }), fc.integer({ min: 1, max: 200 }), (n, max) => {
        const c = classifyMessage(batchOf(n), NOW, { ...params, maxPositionsPerBatch: max });
        if (n > max) expect(c.rejections.map((r) => r.reason)).toEqual(['BATCH_TOO_LARGE']);
        else expect(c.accepted.length + c.rejections.length).toBe(n);
      }),
      { seed: 20261121, numRuns: 100 },
    );
  });
});
