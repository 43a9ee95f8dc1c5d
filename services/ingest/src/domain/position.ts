import type { safewatch } from '@safewatch/proto';

export type RawPosition = safewatch.v1.IPosition;

/** A position that passed decoding, with the bytes it had inside its batch. */
export interface DecodedPosition {
  position: RawPosition;
  /** The encoded Position exactly as it stood in the batch (for rejects and republishing). */
  original: Uint8Array;
  indexInBatch: number;
}

/** A position accepted for storage: every field present, plate normalised to the key form. */
export interface AcceptedPosition {
  vehicleKey: string;
  plateNumber: string;
  plateColor: number;
  gnssTimeMs: number;
  latE6: number;
  lonE6: number;
  speedDkmh: number;
  headingDeg: number;
  altitudeM: number;
  alarmFlags: number;
  statusFlags: number;
  odometerHm: number;
  platformId: string;
  /** Encoded Position to republish: the original bytes when they already carry the platform id. */
  encoded: Uint8Array;
}

/** Reason codes, as named by RejectReason in proto/safewatch/v1/position.proto. */
export type RejectCode =
  | 'MALFORMED'
  | 'COORDINATES_OUT_OF_RANGE'
  | 'ZERO_FIX'
  | 'FUTURE_TIME'
  | 'SPEED_OUT_OF_RANGE'
  | 'UNKNOWN_PLATE_COLOR'
  | 'INVALID_PLATE'
  | 'INVALID_TIME'
  | 'INVALID_HEADING'
  | 'BATCH_TOO_LARGE';

export interface Rejection {
  reason: RejectCode;
  detail: string;
  original: Uint8Array;
  /** -1 when the whole Kafka message is rejected. */
  indexInBatch: number;
  platformId: string;
  batchId: string;
  plateNumber?: string;
  plateColor?: number;
}
