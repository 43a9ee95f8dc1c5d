import type { Pool } from '@safewatch/common';
import { CLOCK_KINDS, type StoredClock } from '../domain/driving-clock.js';

/**
 * X6: each vehicle's latest driving clock event (vehicle_clocks). Writes
 * NOTIFY the read model (migration 1700000003050), so every instance drops
 * the vehicle's cached extras and its streams get a frame.
 */

type Queryable = Pick<Pool, 'query'>;

/**
 * Stores the clocks (at most one per vehicle) unless the stored one is as new
 * or newer; one round trip. Returns the vehicles whose clock changed.
 */
export async function storeClocks(db: Queryable, clocks: StoredClock[]): Promise<Set<string>> {
  if (clocks.length === 0) return new Set();
  const col = <T>(f: (c: StoredClock) => T) => clocks.map(f);
  const r = await db.query<{ vehicle_key: string }>(
    `INSERT INTO vehicle_clocks (vehicle_key, event_id, kind, kind_rank, at_ms, state, continuous_s, daily_s, today_s,
                                 driving_since_ms, resting_since_ms, rest_min_s, pre_warning_s, continuous_limit_s, daily_limit_s)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int2[], $5::int8[], $6::text[], $7::int4[], $8::int4[],
                          $9::int4[], $10::int8[], $11::int8[], $12::int4[], $13::int4[], $14::int4[], $15::int4[])
     ON CONFLICT (vehicle_key) DO UPDATE SET
       event_id = EXCLUDED.event_id, kind = EXCLUDED.kind, kind_rank = EXCLUDED.kind_rank, at_ms = EXCLUDED.at_ms,
       state = EXCLUDED.state, continuous_s = EXCLUDED.continuous_s, daily_s = EXCLUDED.daily_s,
       today_s = EXCLUDED.today_s, driving_since_ms = EXCLUDED.driving_since_ms,
       resting_since_ms = EXCLUDED.resting_since_ms, rest_min_s = EXCLUDED.rest_min_s,
       pre_warning_s = EXCLUDED.pre_warning_s, continuous_limit_s = EXCLUDED.continuous_limit_s,
       daily_limit_s = EXCLUDED.daily_limit_s
     WHERE (vehicle_clocks.at_ms, vehicle_clocks.kind_rank) < (EXCLUDED.at_ms, EXCLUDED.kind_rank)
     RETURNING vehicle_key`,
    [
      col((c) => c.vehicleKey),
      col((c) => c.eventId),
      col((c) => c.kind),
      col((c) => CLOCK_KINDS.indexOf(c.kind)),
      col((c) => c.atMs),
      col((c) => c.state),
      col((c) => c.continuousDrivingS),
      col((c) => c.dailyDrivingS),
      col((c) => c.todayDrivingS),
      col((c) => c.drivingSinceMs),
      col((c) => c.restingSinceMs),
      col((c) => c.restMinS),
      col((c) => c.preWarningS),
      col((c) => c.continuousLimitS),
      col((c) => c.dailyLimitS),
    ],
  );
  return new Set(r.rows.map((x) => x.vehicle_key));
}

/** The latest clock of many vehicles: one query. */
export async function loadClocks(db: Queryable, keys: string[]): Promise<Map<string, StoredClock>> {
  const out = new Map<string, StoredClock>();
  if (keys.length === 0) return out;
  const r = await db.query(
    `SELECT vehicle_key AS "vehicleKey", event_id AS "eventId", kind, at_ms::float8 AS "atMs", state,
            continuous_s AS "continuousDrivingS", daily_s AS "dailyDrivingS", today_s AS "todayDrivingS",
            driving_since_ms::float8 AS "drivingSinceMs", resting_since_ms::float8 AS "restingSinceMs",
            rest_min_s AS "restMinS", pre_warning_s AS "preWarningS", continuous_limit_s AS "continuousLimitS",
            daily_limit_s AS "dailyLimitS"
       FROM vehicle_clocks WHERE vehicle_key = ANY($1)`,
    [keys],
  );
  for (const row of r.rows as StoredClock[]) out.set(row.vehicleKey, row);
  return out;
}
