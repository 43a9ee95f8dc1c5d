import { pb } from '@safewatch/proto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyMessage } from './classify.js';
import { DEFAULT_VALIDATION } from './validate.rule.js';

const NOW = Date.UTC(2026, 10, 21, 8, 0, 0);
const position = (i: number, extra: Record<string, unknown> = {}) => ({
  plateNumber: `鲁A${String(10000 + i)}`,
  plateColor: 2,
  gnssTimeMs: NOW - 60_000 + i,
  latE6: 36_651_000 + i,
  lonE6: 117_120_000,
  speedDkmh: 700,
  headingDeg: 45,
  ...extra,
});
const encodeBatch = (positions: object[], platformId = 'plat-01') =>
  pb.PositionBatch.encode({ platformId, batchId: 'b-1', sentAtMs: NOW, positions }).finish();

describe('decode + validate of one raw message', () => {
  it('accepts valid positions, fills the batch platform id and keys by vehicle', () => {
    const c = classifyMessage(encodeBatch([position(1), position(2)]), NOW, DEFAULT_VALIDATION);
    expect(c.rejections).toEqual([]);
    expect(c.accepted.map((a) => [a.vehicleKey, a.platformId])).toEqual([
      ['鲁A10001:2', 'plat-01'],
      ['鲁A10002:2', 'plat-01'],
    ]);
    const republished = pb.Position.decode(c.accepted[0]?.encoded as Uint8Array);
    expect(republished.platformId).toBe('plat-01');
    expect(republished.gnssTimeMs).toBe(NOW - 60_000 + 1);
  });

  it('normalises full-width and lower-case plates before keying', () => {
    const c = classifyMessage(
      encodeBatch([position(0, { plateNumber: '鲁ａ１２３４５' })]),
      NOW,
      DEFAULT_VALIDATION,
    );
    expect(c.accepted[0]?.vehicleKey).toBe('鲁A12345:2');
    expect(pb.Position.decode(c.accepted[0]?.encoded as Uint8Array).plateNumber).toBe('鲁A12345');
  });

  it('rejects one bad position with its exact original bytes and keeps the others', () => {
    const bad = position(2, { latE6: 0, lonE6: 0, platformId: 'plat-07' });
    const c = classifyMessage(encodeBatch([position(1), bad, position(3)]), NOW, DEFAULT_VALIDATION);
    expect(c.accepted).toHaveLength(2);
    expect(c.rejections).toHaveLength(1);
    const r = c.rejections[0];
    expect(r?.reason).toBe('ZERO_FIX');
    expect(r?.indexInBatch).toBe(1);
    expect(r?.platformId).toBe('plat-07');
    expect(Buffer.from(r?.original as Uint8Array)).toEqual(Buffer.from(pb.Position.encode(bad).finish()));
  });

  it('rejects an undecodable message whole, with all its bytes', () => {
    const bytes = Uint8Array.from([0x22, 0xff, 0x01, 0x02]);
    const c = classifyMessage(bytes, NOW, DEFAULT_VALIDATION);
    expect(c.accepted).toEqual([]);
    expect(c.rejections).toHaveLength(1);
    expect(c.rejections[0]?.reason).toBe('MALFORMED');
    expect(c.rejections[0]?.indexInBatch).toBe(-1);
    expect(Buffer.from(c.rejections[0]?.original as Uint8Array)).toEqual(Buffer.from(bytes));
  });

  it('rejects an empty batch as malformed rather than dropping it silently', () => {
    const c = classifyMessage(encodeBatch([]), NOW, DEFAULT_VALIDATION);
    expect(c.rejections[0]?.reason).toBe('MALFORMED');
  });
});

/** Every position ends accepted or rejected, or the whole message is rejected; nothing throws. */
function accountedFor(bytes: Uint8Array) {
  const c = classifyMessage(bytes, NOW, DEFAULT_VALIDATION);
  const whole = c.rejections.filter((r) => r.indexInBatch === -1);
  if (whole.length > 0) {
    expect(whole).toHaveLength(1);
    expect(c.accepted).toHaveLength(0);
    expect(c.rejections).toHaveLength(1);
    expect(c.positions).toBe(0);
  } else {
    expect(c.accepted.length + c.rejections.length).toBe(c.positions);
    expect(c.positions).toBeGreaterThan(0);
  }
  for (const r of c.rejections) {
    expect(r.reason).toMatch(/^[A-Z_]+$/);
    expect(r.detail.length).toBeGreaterThan(0);
  }
  return c;
}

const arbPosition = fc.record({
  plateNumber: fc.oneof(fc.constantFrom('鲁A12345', '鲁B7Z001', 'ｌｕ１', ''), fc.string({ maxLength: 20 })),
  plateColor: fc.oneof(fc.constantFrom(1, 2, 5, 94), fc.integer({ min: -5, max: 300 })),
  gnssTimeMs: fc.oneof(
    fc.integer({ min: NOW - 86_400_000, max: NOW + 600_000 }),
    fc.maxSafeInteger(),
    fc.constant(0),
  ),
  latE6: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  lonE6: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  speedDkmh: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  headingDeg: fc.integer({ min: 0, max: 1000 }),
  alarmFlags: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
});

describe('property: decode + validate never throws and accounts for every position', () => {
  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        accountedFor(bytes);
      }),
      { numRuns: 3000 },
    );
  });

  it('random but well-formed batches', () => {
    fc.assert(
      fc.property(fc.array(arbPosition, { minLength: 1, maxLength: 30 }), (positions) => {
        const c = accountedFor(encodeBatch(positions));
        expect(c.positions).toBe(positions.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('valid batches with mutated bytes (flipped, truncated, spliced)', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('splice' as const),
        at: fc.nat(),
        junk: fc.uint8Array({ minLength: 1, maxLength: 16 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 50 }), { minLength: 1, maxLength: 10 }),
        fc.array(mutation, { maxLength: 4 }),
        (ids, muts) => {
          let bytes = Buffer.from(encodeBatch(ids.map((i) => position(i))));
          for (const m of muts) {
            const at = bytes.length === 0 ? 0 : m.at % bytes.length;
            if (m.kind === 'flip' && bytes.length > 0) bytes[at] = (bytes[at] as number) ^ m.bits;
            if (m.kind === 'truncate') bytes = bytes.subarray(0, at);
            if (m.kind === 'splice')
              bytes = Buffer.concat([bytes.subarray(0, at), m.junk, bytes.subarray(at)]);
          }
          accountedFor(bytes);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
