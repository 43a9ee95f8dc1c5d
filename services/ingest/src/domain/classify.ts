import { normalizePlate, vehicleKey } from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { decodeBatch } from './decode.js';
import type { AcceptedPosition, DecodedPosition, Rejection } from './position.js';
import { DEFAULT_VALIDATION, type ValidationParams, validatePosition } from './validate.rule.js';

const DEFAULT_MAX_POSITIONS_PER_BATCH = DEFAULT_VALIDATION.maxPositionsPerBatch ?? 10_000;

export interface Classified {
  accepted: AcceptedPosition[];
  rejections: Rejection[];
  /** Positions the message held (0 when it could not be decoded). */
  positions: number;
}

/**
 * The bytes a whole-message rejection carries: all of them up to 64 KiB, the
 * first 64 KiB beyond, so that the rejection itself stays far below a topic's
 * message size limit (1 MB by default) and can always be published.
 */
export const MAX_REJECTED_ORIGINAL_BYTES = 64 * 1024;
const head = (bytes: Uint8Array) =>
  bytes.length > MAX_REJECTED_ORIGINAL_BYTES ? bytes.subarray(0, MAX_REJECTED_ORIGINAL_BYTES) : bytes;
const sizeNote = (bytes: Uint8Array) =>
  bytes.length > MAX_REJECTED_ORIGINAL_BYTES
    ? ` (message of ${bytes.length} bytes, first ${MAX_REJECTED_ORIGINAL_BYTES} kept)`
    : '';

/**
 * Decode and validate one Kafka message: every position in it ends either
 * accepted or rejected with a reason, and an undecodable message is one
 * rejection carrying all its bytes. Pure: the clock is an argument.
 */
export function classifyMessage(bytes: Uint8Array, nowMs: number, params: ValidationParams): Classified {
  const decoded = decodeBatch(bytes);
  if (!decoded.ok) {
    return {
      accepted: [],
      positions: 0,
      rejections: [
        {
          reason: 'MALFORMED',
          detail: `${decoded.detail}${sizeNote(bytes)}`,
          original: head(bytes),
          indexInBatch: -1,
          platformId: '',
          batchId: '',
        },
      ],
    };
  }
  const max = params.maxPositionsPerBatch ?? DEFAULT_MAX_POSITIONS_PER_BATCH;
  if (decoded.positions.length > max) {
    return {
      accepted: [],
      positions: decoded.positions.length,
      rejections: [
        {
          reason: 'BATCH_TOO_LARGE',
          detail: `batch holds ${decoded.positions.length} positions, more than ${max}${sizeNote(bytes)}`,
          original: head(bytes),
          indexInBatch: -1,
          platformId: decoded.platformId,
          batchId: decoded.batchId,
        },
      ],
    };
  }
  const accepted: AcceptedPosition[] = [];
  const rejections: Rejection[] = [];
  const platformSuffix = decoded.platformId ? stringField(FIELD_PLATFORM_ID, decoded.platformId) : undefined;
  for (const d of decoded.positions) {
    const plateNumber = normalizePlate(d.position.plateNumber ?? '');
    const position = plateNumber === d.position.plateNumber ? d.position : { ...d.position, plateNumber };
    const verdict = validatePosition(position, nowMs, params);
    if (verdict.ok) {
      accepted.push(toAccepted(d, position, plateNumber, decoded.platformId, platformSuffix));
    } else {
      rejections.push({
        reason: verdict.reason,
        detail: verdict.detail,
        original: d.original,
        indexInBatch: d.indexInBatch,
        platformId: d.position.platformId || decoded.platformId,
        batchId: decoded.batchId,
        plateNumber,
        plateColor: d.position.plateColor ?? 0,
      });
    }
  }
  return { accepted, rejections, positions: decoded.positions.length };
}

const FIELD_PLATE_NUMBER = 1;
const FIELD_PLATFORM_ID = 12;

/** One encoded length-delimited string field (tag, length, UTF-8 bytes). */
function stringField(field: number, value: string): Uint8Array {
  return pb.Position.encode(
    field === FIELD_PLATFORM_ID ? { platformId: value } : { plateNumber: value },
  ).finish();
}

/**
 * The Position to republish is the received bytes, with the batch's platform id
 * and the normalised plate appended where needed: in protobuf a later value of
 * a singular field replaces an earlier one, so appending is a cheap, exact edit
 * (no decode/re-encode per position).
 */
function republishBytes(
  d: DecodedPosition,
  plateNumber: string,
  platformSuffix: Uint8Array | undefined,
): Uint8Array {
  const parts: Uint8Array[] = [d.original];
  if (!d.position.platformId && platformSuffix) parts.push(platformSuffix);
  if (plateNumber !== d.position.plateNumber) parts.push(stringField(FIELD_PLATE_NUMBER, plateNumber));
  return parts.length === 1 ? d.original : Buffer.concat(parts);
}

function toAccepted(
  d: DecodedPosition,
  p: DecodedPosition['position'],
  plateNumber: string,
  batchPlatformId: string,
  platformSuffix: Uint8Array | undefined,
): AcceptedPosition {
  const platformId = p.platformId || batchPlatformId;
  const encoded = republishBytes(d, plateNumber, platformSuffix);
  const plateColor = p.plateColor ?? 0;
  return {
    vehicleKey: vehicleKey(plateNumber, plateColor),
    plateNumber,
    plateColor,
    gnssTimeMs: Number(p.gnssTimeMs),
    latE6: p.latE6 ?? 0,
    lonE6: p.lonE6 ?? 0,
    speedDkmh: p.speedDkmh ?? 0,
    headingDeg: p.headingDeg ?? 0,
    altitudeM: p.altitudeM ?? 0,
    alarmFlags: p.alarmFlags ?? 0,
    statusFlags: p.statusFlags ?? 0,
    odometerHm: p.odometerHm ?? 0,
    platformId,
    encoded,
  };
}
