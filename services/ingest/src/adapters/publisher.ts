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

/**
 * kafkajs groups a send's messages per partition by copying the partition's
 * array for every message (quadratic in messages per partition); sending a
 * chunk as consecutive slices keeps that cost small. Slices are sent one after
 * the other, so per-partition (per-vehicle) order is kept.
 */
const MESSAGES_PER_SEND = 2000;

/**
 * Rejections carry the bytes they reject (up to 64 KiB each) and go to one
 * partition per platform: sent in slices of at most this many value bytes,
 * a chunk full of rejects never makes a request the broker refuses as too
 * large (its message.max.bytes, 1 MB by default, bounds a partition's batch),
 * which would be retried forever and hold the partition.
 */
export const REJECTION_BYTES_PER_SEND = 256 * 1024;

/** Consecutive slices of at most `maxBytes` value bytes and `maxCount` messages (one oversized message alone). */
export function slicesBySize<T extends { value: Buffer }>(
  messages: T[],
  maxBytes: number,
  maxCount: number,
): T[][] {
  const slices: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const m of messages) {
    if (current.length > 0 && (bytes + m.value.length > maxBytes || current.length >= maxCount)) {
      slices.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m);
    bytes += m.value.length;
  }
  if (current.length > 0) slices.push(current);
  return slices;
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
    for (let from = 0; from < accepted.length; from += MESSAGES_PER_SEND) {
      const slice = accepted.slice(from, from + MESSAGES_PER_SEND);
      await this.producer.send({
        topic: this.topics.positionsAccepted,
        acks: -1,
        messages: headers
          ? slice.map((p) => ({ key: p.vehicleKey, value: asBuffer(p.encoded), headers }))
          : slice.map((p) => ({ key: p.vehicleKey, value: asBuffer(p.encoded) })),
      });
    }
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
