import type { KafkaMessage } from './client.js';

/** How much one chunk (the unit of every step, and of a commit) may hold. */
export interface ChunkLimits {
  /** At most this many messages. */
  maxMessages?: number;
  /** At most this many value bytes; a single larger message is a chunk alone. */
  maxBytes?: number;
}

/**
 * Cuts a fetched batch into chunks. A fetch from Kafka brings every record
 * batch it can up to the consumer's per-partition byte limit, so the chunk,
 * not the fetch, bounds the work (and the redelivery after a crash) per step.
 */
export function* chunksOf(messages: KafkaMessage[], limits: ChunkLimits): Generator<KafkaMessage[]> {
  const maxMessages = limits.maxMessages ?? Number.POSITIVE_INFINITY;
  const maxBytes = limits.maxBytes ?? Number.POSITIVE_INFINITY;
  let chunk: KafkaMessage[] = [];
  let bytes = 0;
  for (const m of messages) {
    const size = m.value?.length ?? 0;
    if (chunk.length > 0 && (chunk.length >= maxMessages || bytes + size > maxBytes)) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(m);
    bytes += size;
  }
  if (chunk.length > 0) yield chunk;
}
