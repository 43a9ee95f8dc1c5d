import type { Producer } from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { describe, expect, it } from 'vitest';
import { MAX_REJECTED_ORIGINAL_BYTES } from '../domain/classify.js';
import type { AcceptedPosition } from '../domain/position.js';
import type { RejectionRecord } from '../usecases/ingest-chunk.usecase.js';
import {
  ACCEPTED_BYTES_PER_SEND,
  PositionPublisher,
  REJECTION_BYTES_PER_SEND,
  slicesBySize,
} from './publisher.js';

type Sent = { key?: string | null; value: Buffer };

/** A producer that refuses, like a broker at message.max.bytes = 1 MB, any send over 1 MB of keys and values. */
function strictProducer() {
  const sends: { topic: string; bytes: number; count: number; messages: Sent[] }[] = [];
  const producer = {
    send: async ({ topic, messages }: { topic: string; messages: Sent[] }) => {
      const bytes = messages.reduce((n, m) => n + m.value.length + Buffer.byteLength(m.key ?? ''), 0);
      if (bytes > 1024 * 1024) throw new Error('MESSAGE_TOO_LARGE');
      sends.push({ topic, bytes, count: messages.length, messages });
      return [];
    },
  } as unknown as Producer;
  return { producer, sends };
}

const accepted = (i: number, valueBytes: number): AcceptedPosition => ({
  vehicleKey: `鲁A${String(i % 10_000).padStart(5, '0')}:2`,
  plateNumber: `鲁A${String(i % 10_000).padStart(5, '0')}`,
  plateColor: 2,
  gnssTimeMs: 1_700_000_000_000 + i * 1000,
  latE6: 36_000_000,
  lonE6: 117_000_000,
  speedDkmh: 600,
  headingDeg: 90,
  altitudeM: 30,
  alarmFlags: 0,
  statusFlags: 0,
  odometerHm: i,
  platformId: 'plat-01',
  encoded: new Uint8Array(valueBytes).fill(i % 251),
});

describe('publishing accepted positions', () => {
  it('sends a whole chunk in few sends, each one the broker accepts, in order, none lost', async () => {
    const { producer, sends } = strictProducer();
    const pub = new PositionPublisher(producer, { positionsAccepted: 'acc', positionsRejected: 'rej' });
    // 30,000 positions of 60 bytes: about 2.4 MB of keys and values, more than two sends' worth.
    const positions = Array.from({ length: 30_000 }, (_, i) => accepted(i, 60));
    await pub.publish(positions, []);
    const sent = sends.flatMap((s) => s.messages);
    expect(sent.map((m) => m.key)).toEqual(positions.map((p) => p.vehicleKey));
    expect(sent.map((m) => m.value[0])).toEqual(positions.map((p) => p.encoded[0]));
    for (const s of sends) expect(s.bytes).toBeLessThanOrEqual(ACCEPTED_BYTES_PER_SEND);
    expect(sends.length).toBeGreaterThanOrEqual(3);
    expect(sends.length).toBeLessThanOrEqual(5);
  });

  it('a chunk of the usual size goes in one send', async () => {
    const { producer, sends } = strictProducer();
    const pub = new PositionPublisher(producer, { positionsAccepted: 'acc', positionsRejected: 'rej' });
    await pub.publish(
      Array.from({ length: 5_000 }, (_, i) => accepted(i, 50)),
      [],
    );
    expect(sends.map((s) => s.count)).toEqual([5_000]);
  });
});

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
