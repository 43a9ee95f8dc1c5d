import type { Pool } from '@safewatch/common';
import type { TrackFix } from '../domain/track-stops.js';

/**
 * X7: the stored fixes of one vehicle (table `positions`, written by ingest;
 * the share service may only SELECT it). The primary key (plate_number,
 * plate_color, gnss_time) serves the range: one index range scan, in order.
 */

type Queryable = Pick<Pool, 'query'>;

/** The vehicle's fixes with fromMs ≤ GNSS time < toMs, oldest first, in decimal degrees and km/h (S11). */
export async function fixesBetween(
  db: Queryable,
  plateNumber: string,
  plateColor: number,
  fromMs: number,
  toMs: number,
): Promise<TrackFix[]> {
  const r = await db.query<[number, number, number, number]>({
    text: `SELECT (extract(epoch FROM gnss_time) * 1000)::float8, lat_e6, lon_e6, speed_dkmh FROM positions
            WHERE plate_number = $1 AND plate_color = $2 AND gnss_time >= $3 AND gnss_time < $4
            ORDER BY gnss_time`,
    values: [plateNumber, plateColor, new Date(fromMs), new Date(toMs)],
    // Arrays, not objects: a day at one fix per 5 s is 17,280 rows.
    rowMode: 'array',
  });
  return r.rows.map(([t, latE6, lonE6, dkmh]) => ({
    t,
    lat: latE6 / 1e6,
    lon: lonE6 / 1e6,
    speedKmh: dkmh / 10,
  }));
}
