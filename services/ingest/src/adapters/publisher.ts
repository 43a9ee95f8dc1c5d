import {
  type IHeaders,
  type Producer,
  type TopicNames,
  tracedSend,
  withTraceHeaders,
} from '@safewatch/common';
import { pb } from '@safewatch/proto';
import type { AcceptedPosition } from '../domain/position.js';
import type { RejectionRecord } from '../usecases/ingest-chunk.usecase.js';

const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** At most this many messages in one send (a bound on the request's size in memory). */
const MESSAGES_PER_SEND = 20_000;

/**
 * Accepted positions go to Kafka in as few sends as possible (sends are
 * queued one after another, each a round trip), in slices of at most this many
 * bytes of keys, values and headers, so that no partition's batch in a send
 * can reach the broker's message.max.bytes (1 MB by default), which would be
 * refused as too large and retried forever. A chunk (at most 512 KiB of
 * input) usually goes in one send. Slices are sent one after the other, so
 * per-partition (per-vehicle) order is kept.
 */
export const ACCEPTED_BYTES_PER_SEND = 768 * 1024;

/** Bytes a record takes besides its key, value and headers (lengths, attributes, deltas), rounded up. */
const RECORD_OVERHEAD_BYTES = 24;

/**
 * Rejections carry the bytes they reject (up to 64 KiB each) and go to one
 * partition per platform: sent in slices of at most this many value bytes,
 * a chunk full of rejects never makes a request the broker refuses as too
 * large (its message.max.bytes, 1 MB by default, bounds a partition's batch),
 * which would be retried forever and hold the partition.
 */
export const REJECTION_BYTES_PER_SEND = 256 * 1024;

/** Consecutive slices of at most `maxBytes` (by `size`, value bytes by default) and `maxCount` messages (one oversized message alone). */
export function slicesBySize<T>(
  messages: T[],
  maxBytes: number,
  maxCount: number,
  size: (m: T) => number = (m) => (m as { value: Buffer }).value.length,
): T[][] {
  const slices: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const m of messages) {
    const n = size(m);
    if (current.length > 0 && (bytes + n > maxBytes || current.length >= maxCount)) {
      slices.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m);
    bytes += n;
  }
  if (current.length > 0) slices.push(current);
  return slices;
}

/** Bytes of trace headers as they go on every message of a send. */
function headerBytes(headers: IHeaders | undefined): number {
  let n = 0;
  if (headers)
    for (const [k, v] of Object.entries(headers))
      n += Buffer.byteLength(k) + (v ? Buffer.byteLength(String(v)) : 0) + 4;
  return n;
}

/** Accepted positions keyed by vehicle (per-vehicle order downstream), rejects keyed by platform. */
export class PositionPublisher {
  constructor(
    private readonly producer: Producer,
    private readonly topics: Pick<TopicNames, 'positionsAccepted' | 'positionsRejected'>,
  ) {}

  async publish(accepted: AcceptedPosition[], rejections: RejectionRecord[]): Promise<void> {
    if (rejections.length > 0)
      await tracedSend(this.topics.positionsRejected, rejections.length, async (headers) => {
        const encoded = this.encodeRejections(rejections);
        for (const slice of slicesBySize(encoded, REJECTION_BYTES_PER_SEND, MESSAGES_PER_SEND))
          await this.producer.send({
            topic: this.topics.positionsRejected,
            acks: -1,
            messages: withTraceHeaders(slice, headers),
          });
      });
    if (accepted.length > 0)
      await tracedSend(this.topics.positionsAccepted, accepted.length, (headers) =>
        this.sendAccepted(accepted, headers),
      );
  }

  private async sendAccepted(accepted: AcceptedPosition[], headers: IHeaders | undefined): Promise<void> {
    // Keys are ASCII or Han (3 UTF-8 bytes each): 3 bytes per character bounds them.
    const perMessage = RECORD_OVERHEAD_BYTES + headerBytes(headers);
    const size = (p: AcceptedPosition) => p.encoded.byteLength + 3 * p.vehicleKey.length + perMessage;
    for (const slice of slicesBySize(accepted, ACCEPTED_BYTES_PER_SEND, MESSAGES_PER_SEND, size))
      await this.producer.send({
        topic: this.topics.positionsAccepted,
        acks: -1,
        messages: headers
          ? slice.map((p) => ({ key: p.vehicleKey, value: asBuffer(p.encoded), headers }))
          : slice.map((p) => ({ key: p.vehicleKey, value: asBuffer(p.encoded) })),
      });
  }

  private encodeRejections(rejections: RejectionRecord[]) {
    const now = Date.now();
    return rejections.map((r) => ({
      key: r.platformId || null,
      value: asBuffer(
        pb.RejectedPosition.encode({
          reason: pb.RejectReason[`REJECT_REASON_${r.reason}`],
          detail: r.detail,
          original: r.original,
          platformId: r.platformId,
          batchId: r.batchId,
          indexInBatch: r.indexInBatch,
          sourceTopic: r.sourceTopic,
          sourcePartition: r.sourcePartition,
          sourceOffset: Number(r.sourceOffset),
          rejectedAtMs: now,
          plateNumber: r.plateNumber ?? '',
          plateColor: r.plateColor ?? 0,
        }).finish(),
      ),
    }));
  }
}
