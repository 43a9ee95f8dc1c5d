import type { Pool } from '@safewatch/common';
import type { StoredClock } from '../domain/driving-clock.js';
import type { AlertRecordRow } from '../domain/episodes.js';
import { loadClocks } from './vehicle-clocks.repo.js';

/**
 * The alerts each vehicle's viewers see (vehicle_alerts, vehicle_reminders),
 * kept from the alerts topic. Writes NOTIFY the read model (migration
 * 1700000003010), so every instance drops the vehicle's cached extras.
 */

type Queryable = Pick<Pool, 'query'>;

export interface StoredAlert {
  alertId: string;
  vehicleKey: string;
  kind: string;
  phase: string;
  source: string;
  occurredAtMs: number;
  /** Null for records that carry none. */
  episodeStartMs: number | null;
  /** The protobuf detail as JSON (0.1 km/h, micro-degrees): turned into view units when read. */
  detail: unknown;
}

/** Stores an alert record once (its id is its idempotency key); whether it was new. */
export async function storeAlert(db: Queryable, a: StoredAlert): Promise<boolean> {
  const r = await db.query(
    `INSERT INTO vehicle_alerts (alert_id, vehicle_key, kind, phase, source, occurred_at, detail, episode_start_ms)
     VALUES ($1, $2, $3, $4, $5, to_timestamp($6 / 1000.0), $7, $8) ON CONFLICT (alert_id) DO NOTHING`,
    [
      a.alertId,
      a.vehicleKey,
      a.kind,
      a.phase,
      a.source,
      a.occurredAtMs,
      JSON.stringify(a.detail),
      a.episodeStartMs,
    ],
  );
  return (r.rowCount ?? 0) > 0;
}

export interface StoredReminder {
  vehicleKey: string;
  /** '' for the vehicle's road transport certificate. */
  driverId: string;
  kind: 'TRANSPORT' | 'QUALIFICATION';
  status: 'EXPIRING' | 'EXPIRED';
  expiresOn: string;
}

/** A3: the latest state of one certificate reminder. */
export async function storeReminder(db: Queryable, r: StoredReminder): Promise<void> {
  await db.query(
    `INSERT INTO vehicle_reminders (vehicle_key, driver_id, kind, status, expires_on) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (vehicle_key, driver_id, kind) DO UPDATE SET status = EXCLUDED.status, expires_on = EXCLUDED.expires_on`,
    [r.vehicleKey, r.driverId, r.kind, r.status, r.expiresOn],
  );
}

/** Alerts, certificate reminders and the driving clock (X6) of one vehicle, as the views show them. */
export interface VehicleExtras {
  alerts: AlertRecordRow[];
  reminders: { driverId: string; kind: string; status: string; expiresOn: string }[];
  /** The latest driving clock event (vehicle_clocks); null before the first. */
  clock: StoredClock | null;
  /**
   * Unique per load in this process: a vehicle's extras are loaded again only
   * after the change feed dropped them, so an unchanged version means unchanged
   * alerts, reminders and clock (what the view memoises on).
   */
  version: number;
}

let loads = 0;
/** A fresh version for extras just read from the database. */
export const nextExtrasVersion = (): number => ++loads;

/** A vehicle without alerts, reminders or clock, with a fresh version. */
export const emptyExtras = (): VehicleExtras => ({
  alerts: [],
  reminders: [],
  clock: null,
  version: nextExtrasVersion(),
});

/** Alert records (latest 20 per vehicle, i.e. about 10 episodes), reminders and clocks of many vehicles: three queries. */
export async function loadVehicleExtras(pool: Pool, keys: string[]): Promise<Map<string, VehicleExtras>> {
  const out = new Map<string, VehicleExtras>();
  if (keys.length === 0) return out;
  const [alerts, reminders, clocks] = await Promise.all([
    pool.query(
      `SELECT vehicle_key, alert_id AS "alertId", kind, phase, source, occurred_at AS "occurredAt",
              episode_start_ms::float8 AS "episodeStartMs", detail FROM (
         SELECT *, row_number() OVER (PARTITION BY vehicle_key ORDER BY occurred_at DESC, alert_id) AS rn
           FROM vehicle_alerts WHERE vehicle_key = ANY($1)) a
        WHERE rn <= 20 ORDER BY occurred_at DESC, alert_id`,
      [keys],
    ),
    pool.query(
      `SELECT vehicle_key, driver_id AS "driverId", kind, status, to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn"
         FROM vehicle_reminders WHERE vehicle_key = ANY($1)`,
      [keys],
    ),
    loadClocks(pool, keys),
  ]);
  for (const k of keys) out.set(k, { ...emptyExtras(), clock: clocks.get(k) ?? null });
  for (const { vehicle_key, ...a } of alerts.rows) {
    out.get(vehicle_key)?.alerts.push({ ...a, occurredAt: new Date(a.occurredAt).toISOString() });
  }
  for (const { vehicle_key, ...r } of reminders.rows) out.get(vehicle_key)?.reminders.push(r);
  return out;
}
