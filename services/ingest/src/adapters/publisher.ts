import type { Producer, TopicNames } from '@safewatch/common';
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

/** Accepted positions keyed by vehicle (per-vehicle order downstream), rejects keyed by platform. */
export class PositionPublisher {
  constructor(
    private readonly producer: Producer,
    private readonly topics: Pick<TopicNames, 'positionsAccepted' | 'positionsRejected'>,
  ) {}

  async publish(accepted: AcceptedPosition[], rejections: RejectionRecord[]): Promise<void> {
    const now = Date.now();
    const topicMessages = [];
    if (rejections.length > 0) {
      topicMessages.push({
        topic: this.topics.positionsRejected,
        messages: rejections.map((r) => ({
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
        })),
      });
    }
    if (topicMessages.length > 0) await this.producer.sendBatch({ acks: -1, topicMessages });
    for (let from = 0; from < accepted.length; from += MESSAGES_PER_SEND) {
      await this.producer.send({
        topic: this.topics.positionsAccepted,
        acks: -1,
        messages: accepted
          .slice(from, from + MESSAGES_PER_SEND)
          .map((p) => ({ key: p.vehicleKey, value: asBuffer(p.encoded) })),
      });
    }
  }
}
