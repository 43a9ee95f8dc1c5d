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
