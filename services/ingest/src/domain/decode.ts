import { pb, protobuf } from '@safewatch/proto';
import type { DecodedPosition } from './position.js';

export type DecodeResult =
  | { ok: true; platformId: string; batchId: string; sentAtMs: number; positions: DecodedPosition[] }
  | { ok: false; detail: string };

const FIELD_PLATFORM_ID = 1;
const FIELD_BATCH_ID = 2;
const FIELD_SENT_AT = 3;
const FIELD_POSITIONS = 4;
const WIRE_VARINT = 0;
const WIRE_LEN = 2;

/**
 * Decodes a PositionBatch while remembering where each Position's bytes lie,
 * so a rejected position can be handed back exactly as received and an
 * accepted one republished without re-encoding. Never throws.
 */
export function decodeBatch(bytes: Uint8Array): DecodeResult {
  try {
    const reader = protobuf.Reader.create(bytes);
    let platformId = '';
    let batchId = '';
    let sentAtMs = 0;
    const positions: DecodedPosition[] = [];
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      const field = tag >>> 3;
      const wire = tag & 7;
      if (field === 0) return { ok: false, detail: 'invalid field number 0' };
      if (field === FIELD_POSITIONS && wire === WIRE_LEN) {
        const length = reader.uint32();
        const start = reader.pos;
        if (start + length > reader.len) return { ok: false, detail: 'position extends past end of message' };
        const position = pb.Position.decode(reader, length);
        positions.push({
          position,
          original: bytes.subarray(start, start + length),
          indexInBatch: positions.length,
        });
      } else if (field === FIELD_PLATFORM_ID && wire === WIRE_LEN) {
        platformId = reader.string();
      } else if (field === FIELD_BATCH_ID && wire === WIRE_LEN) {
        batchId = reader.string();
      } else if (field === FIELD_SENT_AT && wire === WIRE_VARINT) {
        sentAtMs = Number(reader.int64());
      } else {
        reader.skipType(wire);
      }
    }
    if (positions.length === 0) return { ok: false, detail: 'batch holds no positions' };
    return { ok: true, platformId, batchId, sentAtMs, positions };
  } catch (err) {
    return { ok: false, detail: `not a PositionBatch: ${err instanceof Error ? err.message : String(err)}` };
  }
}
