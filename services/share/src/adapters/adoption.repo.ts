import type { Pool } from '@safewatch/common';
import { prefixAliases } from '../domain/plate-city.js';

/** One region's counts (see the definitions on AdoptionCounts). */
export interface Counts {
  driversWithBindings: number;
  vehiclesBound: number;
  activeShares: number;
  shareViews: number;
}

export interface AdoptionCounts {
  /** Per region key (plate-city.ts); a driver or vehicle counts in every region he or it has a binding in. */
  byRegion: Map<string, Counts>;
  /** Distinct drivers and vehicles over all regions (not the sum of the regions). */
  total: Counts;
}

export const zeroCounts = (): Counts => ({
  driversWithBindings: 0,
  vehiclesBound: 0,
  activeShares: 0,
  shareViews: 0,
});

/** `coalesce(alias key, prefix)` of a plate column: the region key of plate-city.ts. */
const REGION = (plate: string) => `COALESCE(m.key, upper(left(${plate}, 2)))`;
const ALIASES = (plate: string) =>
  `LEFT JOIN unnest($3::text[], $4::text[]) AS m(prefix, key) ON m.prefix = upper(left(${plate}, 2))`;

/**
 * The adoption counts of the instants [start, end), per region and in total.
 * An interval [a, b) is in force in the period when it is not empty and
 * overlaps it: a < end and b > max(a, start).
 */
export async function adoptionCounts(pool: Pool, start: Date, end: Date): Promise<AdoptionCounts> {
  const aliases = prefixAliases();
  const params = [start, end, aliases.map((a) => a[0]), aliases.map((a) => a[1])];
  type Row = { region: string | null; total: boolean; a: number; b?: number };
  const [bindings, shares, views] = await Promise.all([
    pool.query<Row>(
      `SELECT region, GROUPING(region) = 1 AS total,
              count(DISTINCT driver_id)::int AS a, count(DISTINCT vehicle_id)::int AS b
         FROM (SELECT ${REGION('h.plate_number')} AS region, h.driver_id, h.vehicle_id
                 FROM binding_history h ${ALIASES('h.plate_number')}
                WHERE h.bound_at < $2
                  AND (h.unbound_at IS NULL OR h.unbound_at > GREATEST(h.bound_at, $1::timestamptz))) x
        GROUP BY GROUPING SETS ((region), ())`,
      params,
    ),
    // A share is in force from its creation until it expires or ends (cancelled, unbound), whichever is first.
    pool.query<Row>(
      `SELECT region, GROUPING(region) = 1 AS total, count(*)::int AS a
         FROM (SELECT ${REGION('s.plate_number')} AS region
                 FROM shares s ${ALIASES('s.plate_number')}
                WHERE s.created_at < $2
                  AND LEAST(s.expires_at, COALESCE(s.ended_at, s.expires_at))
                      > GREATEST(s.created_at, $1::timestamptz)) x
        GROUP BY GROUPING SETS ((region), ())`,
      params,
    ),
    pool.query<Row>(
      `SELECT region, GROUPING(region) = 1 AS total, count(*)::int AS a
         FROM (SELECT ${REGION('s.plate_number')} AS region
                 FROM share_views v JOIN shares s USING (share_id) ${ALIASES('s.plate_number')}
                WHERE v.viewed_at >= $1 AND v.viewed_at < $2) x
        GROUP BY GROUPING SETS ((region), ())`,
      params,
    ),
  ]);

  const byRegion = new Map<string, Counts>();
  const total = zeroCounts();
  const counts = (r: Row) => {
    if (r.total) return total;
    const key = r.region as string;
    const c = byRegion.get(key) ?? zeroCounts();
    byRegion.set(key, c);
    return c;
  };
  for (const r of bindings.rows) {
    const c = counts(r);
    c.driversWithBindings = r.a;
    c.vehiclesBound = r.b ?? 0;
  }
  for (const r of shares.rows) counts(r).activeShares = r.a;
  for (const r of views.rows) counts(r).shareViews = r.a;
  return { byRegion, total };
}
