import { classifyMessage } from '../domain/classify.js';
import { dedupeChunk, newestPerVehicle } from '../domain/dedupe.js';
import type { AcceptedPosition, Rejection } from '../domain/position.js';
import type { ValidationParams } from '../domain/validate.rule.js';

export interface SourceMessage {
  topic: string;
  partition: number;
  offset: string;
  value: Uint8Array | null;
}

export interface RejectionRecord extends Rejection {
  sourceTopic: string;
  sourcePartition: number;
  sourceOffset: string;
}

/** The I/O the ingest needs; adapters implement it over Postgres, Redis and Kafka. */
export interface IngestPorts {
  /** Stores positions, skipping (vehicle, GNSS time) already stored. Returns how many were new. */
  persist(positions: AcceptedPosition[]): Promise<number>;
  /** Moves each vehicle's last position forward only. Returns how many moved. */
  updateLastPositions(newest: AcceptedPosition[]): Promise<number>;
  publish(accepted: AcceptedPosition[], rejections: RejectionRecord[]): Promise<void>;
}

export type StepName = 'persist' | 'last_position' | 'publish';

/** Runs one I/O step; the consumer adapter supplies retry with back-off. */
export type StepRunner = <T>(step: StepName, fn: () => Promise<T>) => Promise<T>;

export interface ChunkResult {
  messages: number;
  positions: number;
  accepted: number;
  rejected: Record<string, number>;
  duplicatesInChunk: number;
  duplicatesStored: number;
  lastPositionsMoved: number;
  /** Positions received (accepted or rejected) per sending platform id; '' when none was given. */
  byPlatform: Map<string, number>;
}

/** A chunk that is decoded, validated, deduplicated, persisted and in the last positions; publishing is pending. */
export interface PersistedChunk {
  unique: AcceptedPosition[];
  rejections: RejectionRecord[];
  result: ChunkResult;
}

/**
 * Steps 1-5 of a chunk: decode → validate → dedupe → persist and update the
 * last positions, those two at once: a fix reaches the families' view
 * (Redis) without waiting for the Postgres insert. Neither depends on the
 * other: last positions never move back (a redelivered chunk cannot undo a
 * newer one) and storage skips what it has, so the chunk is safe to run
 * again (redelivery) whichever of the two failed; offsets are committed only
 * after both (and publishing) succeeded.
 */
export async function persistChunk(
  messages: SourceMessage[],
  ports: IngestPorts,
  run: StepRunner,
  nowMs: number,
  params: ValidationParams,
): Promise<PersistedChunk> {
  const accepted: AcceptedPosition[] = [];
  const rejections: RejectionRecord[] = [];
  // A Map: platform ids come from the producers, and could be any string (even __proto__).
  const byPlatform = new Map<string, number>();
  let positions = 0;
  for (const m of messages) {
    const c = classifyMessage(m.value ?? new Uint8Array(0), nowMs, params);
    positions += c.positions;
    for (const a of c.accepted) {
      accepted.push(a);
      byPlatform.set(a.platformId, (byPlatform.get(a.platformId) ?? 0) + 1);
    }
    for (const r of c.rejections) {
      rejections.push({ ...r, sourceTopic: m.topic, sourcePartition: m.partition, sourceOffset: m.offset });
      // An undecodable message is no position (and names no platform).
      if (r.indexInBatch >= 0) byPlatform.set(r.platformId, (byPlatform.get(r.platformId) ?? 0) + 1);
    }
  }
  const { unique, duplicates } = dedupeChunk(accepted);
  const [inserted, moved] =
    unique.length > 0
      ? await Promise.all([
          run('persist', () => ports.persist(unique)),
          run('last_position', () => ports.updateLastPositions(newestPerVehicle(unique))),
        ])
      : [0, 0];
  const rejected: Record<string, number> = {};
  for (const r of rejections) rejected[r.reason] = (rejected[r.reason] ?? 0) + 1;
  return {
    unique,
    rejections,
    result: {
      messages: messages.length,
      positions,
      accepted: unique.length,
      rejected,
      duplicatesInChunk: duplicates,
      duplicatesStored: unique.length - inserted,
      lastPositionsMoved: moved,
      byPlatform,
    },
  };
}

/**
 * Step 6 of a persisted chunk: publish accepted positions and rejections.
 * Downstream consumers dedupe redelivered positions by (vehicle, GNSS time).
 */
export async function completeChunk(
  chunk: PersistedChunk,
  ports: IngestPorts,
  run: StepRunner,
): Promise<ChunkResult> {
  const { unique, rejections } = chunk;
  if (unique.length > 0 || rejections.length > 0)
    await run('publish', () => ports.publish(unique, rejections));
  return chunk.result;
}

/** One chunk through every step: decode → validate → dedupe → persist and last positions → publish. */
export async function ingestChunk(
  messages: SourceMessage[],
  ports: IngestPorts,
  run: StepRunner,
  nowMs: number,
  params: ValidationParams,
): Promise<ChunkResult> {
  return completeChunk(await persistChunk(messages, ports, run, nowMs, params), ports, run);
}
