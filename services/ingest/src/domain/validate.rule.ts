import { KNOWN_PLATE_COLORS } from '@safewatch/common';
import type { RawPosition, RejectCode } from './position.js';

export interface ValidationParams {
  /** SPEC §5: GNSS time more than this ahead of the ingest clock is rejected (5 minutes). */
  futureToleranceMs: number;
  /** Physical bound for a truck's speed, km/h. */
  maxSpeedKmh: number;
  /** Fixes older than this are implausible (receiver clock reset), epoch ms. */
  earliestTimeMs: number;
  /** A batch with more positions is rejected whole (BATCH_TOO_LARGE); default 10,000. */
  maxPositionsPerBatch?: number;
}

export const DEFAULT_VALIDATION: ValidationParams = {
  futureToleranceMs: 5 * 60_000,
  maxSpeedKmh: 250,
  earliestTimeMs: Date.UTC(2000, 0, 1),
  maxPositionsPerBatch: 10_000,
};

const MAX_PLATE_LENGTH = 16;
// Letters, digits and CJK characters: a plate has nothing else once normalised.
const PLATE_PATTERN = /^[\p{Script=Han}A-Z0-9]+$/u;

export type Verdict = { ok: true } | { ok: false; reason: RejectCode; detail: string };

/** Every rule of SPEC §5, in a fixed order so one position always gets the same reason. */
export function validatePosition(p: RawPosition, nowMs: number, params: ValidationParams): Verdict {
  const plate = p.plateNumber ?? '';
  if (plate.length === 0 || plate.length > MAX_PLATE_LENGTH || !PLATE_PATTERN.test(plate)) {
    return { ok: false, reason: 'INVALID_PLATE', detail: 'plate number empty, too long or not normalised' };
  }
  const color = p.plateColor ?? 0;
  if (!KNOWN_PLATE_COLORS.has(color)) {
    return {
      ok: false,
      reason: 'UNKNOWN_PLATE_COLOR',
      detail: `plate colour ${color} is not a JT/T 697.7 code`,
    };
  }
  const t = Number(p.gnssTimeMs ?? 0);
  if (!Number.isSafeInteger(t) || t < params.earliestTimeMs) {
    return {
      ok: false,
      reason: 'INVALID_TIME',
      detail: `GNSS time ${t} missing or before ${new Date(params.earliestTimeMs).toISOString()}`,
    };
  }
  if (t > nowMs + params.futureToleranceMs) {
    return {
      ok: false,
      reason: 'FUTURE_TIME',
      detail: `GNSS time ${Math.round((t - nowMs) / 1000)} s in the future`,
    };
  }
  const lat = p.latE6 ?? 0;
  const lon = p.lonE6 ?? 0;
  if (lat < -90e6 || lat > 90e6 || lon < -180e6 || lon > 180e6) {
    return {
      ok: false,
      reason: 'COORDINATES_OUT_OF_RANGE',
      detail: `lat ${lat / 1e6}, lon ${lon / 1e6} out of range`,
    };
  }
  if (lat === 0 && lon === 0) {
    return { ok: false, reason: 'ZERO_FIX', detail: '(0, 0) fix: receiver had no position' };
  }
  const speed = p.speedDkmh ?? 0;
  if (speed > params.maxSpeedKmh * 10) {
    return {
      ok: false,
      reason: 'SPEED_OUT_OF_RANGE',
      detail: `speed ${speed / 10} km/h above bound ${params.maxSpeedKmh} km/h`,
    };
  }
  const heading = p.headingDeg ?? 0;
  if (heading > 359) {
    return { ok: false, reason: 'INVALID_HEADING', detail: `heading ${heading} outside 0-359` };
  }
  return { ok: true };
}
