import { pb } from '@safewatch/proto';
import type { Redis } from 'ioredis';

/**
 * Where a vehicle's last position lives in Redis: a hash with field `t` (GNSS
 * time, epoch ms) and field `p` (the encoded safewatch.v1.Position). Written
 * by ingest only; read by the services that show positions.
 */
export const LAST_POSITION_FIELD_TIME = 't';
export const LAST_POSITION_FIELD_POSITION = 'p';

export function lastPositionKey(redisPrefix: string, vehicleKey: string): string {
  return `${redisPrefix}last:${vehicleKey}`;
}

/** A vehicle's last position as the services show it (WGS-84 degrees, km/h). */
export interface LastPosition {
  gnssTimeMs: number;
  lat: number;
  lon: number;
  speedKmh: number;
  headingDeg: number;
  altitudeM: number;
  alarmFlags: number;
}

/** Reads many vehicles' last positions in one pipelined round trip; vehicles never seen are absent. */
export async function readLastPositions(
  redis: Redis,
  redisPrefix: string,
  vehicleKeys: readonly string[],
): Promise<Map<string, LastPosition>> {
  const out = new Map<string, LastPosition>();
  if (vehicleKeys.length === 0) return out;
  const pipeline = redis.pipeline();
  for (const key of vehicleKeys)
    pipeline.hgetBuffer(lastPositionKey(redisPrefix, key), LAST_POSITION_FIELD_POSITION);
  const results = (await pipeline.exec()) ?? [];
  results.forEach(([err, value], i) => {
    if (err) throw err;
    if (!(value instanceof Buffer)) return;
    const p = pb.Position.decode(value);
    out.set(vehicleKeys[i] as string, {
      gnssTimeMs: Number(p.gnssTimeMs ?? 0),
      lat: (p.latE6 ?? 0) / 1e6,
      lon: (p.lonE6 ?? 0) / 1e6,
      speedKmh: (p.speedDkmh ?? 0) / 10,
      headingDeg: p.headingDeg ?? 0,
      altitudeM: p.altitudeM ?? 0,
      alarmFlags: p.alarmFlags ?? 0,
    });
  });
  return out;
}
