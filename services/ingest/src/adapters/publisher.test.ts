import type { Producer } from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { describe, expect, it } from 'vitest';
import { MAX_REJECTED_ORIGINAL_BYTES } from '../domain/classify.js';
import type { RejectionRecord } from '../usecases/ingest-chunk.usecase.js';
import { PositionPublisher, REJECTION_BYTES_PER_SEND, slicesBySize } from './publisher.js';

/** A producer that refuses, like a broker at message.max.bytes = 1 MB, any send over 1 MB of values. */
function strictProducer() {
  const sends: { topic: string; bytes: number; count: number }[] = [];
  const producer = {
    send: async ({ topic, messages }: { topic: string; messages: { value: Buffer }[] }) => {
      const bytes = messages.reduce((n, m) => n + m.value.length, 0);
      if (bytes > 1024 * 1024) throw new Error('MESSAGE_TOO_LARGE');
      sends.push({ topic, bytes, count: messages.length });
      return [];
    },
  } as unknown as Producer;
  return { producer, sends };
}

const rejection = (i: number): RejectionRecord => ({
  reason: 'MALFORMED',
  detail: 'not a PositionBatch',
  original: new Uint8Array(MAX_REJECTED_ORIGINAL_BYTES).fill(i % 256),
  indexInBatch: -1,
  platformId: 'plat-01',
  batchId: '',
  sourceTopic: 'positions.raw',
  sourcePartition: 0,
  sourceOffset: String(i),
});

describe('publishing many large rejections', () => {
  it('sends them in slices the broker accepts, in order, none lost', async () => {
    const { producer, sends } = strictProducer();
    const pub = new PositionPublisher(producer, { positionsAccepted: 'acc', positionsRejected: 'rej' });
    // 40 whole-message rejections of 64 KiB: 2.5 MB in one chunk.
    await pub.publish(
      [],
      Array.from({ length: 40 }, (_, i) => rejection(i)),
    );
    expect(sends.reduce((n, s) => n + s.count, 0)).toBe(40);
    for (const s of sends) expect(s.bytes).toBeLessThanOrEqual(REJECTION_BYTES_PER_SEND + 1024);
  });

  it('slicesBySize keeps order, bounds bytes and count, and sends an oversized message alone', () => {
    const m = (n: number) => ({ value: Buffer.alloc(n), n });
    const slices = slicesBySize([m(10), m(10), m(25), m(5), m(100), m(1)], 30, 2);
    expect(slices.map((s) => s.map((x) => x.n))).toEqual([[10, 10], [25, 5], [100], [1]]);
    expect(slicesBySize([], 10, 10)).toEqual([]);
  });

  it('a rejection decodes back with its reason', () => {
    const r = { ...rejection(1), reason: 'BATCH_TOO_LARGE' as const };
    const value = pb.RejectedPosition.encode({
      reason: pb.RejectReason[`REJECT_REASON_${r.reason}`],
    }).finish();
    expect(pb.RejectedPosition.decode(value).reason).toBe(pb.RejectReason.REJECT_REASON_BATCH_TOO_LARGE);
  });
});
