import { type LastPosition, readLastPositions } from '@safewatch/common';
import gcoordModule from 'gcoord';
import type { ShareRow } from '../adapters/shares.repo.js';
import { isOnline, REFRESH_SECONDS } from '../domain/share.rules.js';
import type { ShareDeps } from './deps.js';

// gcoord is CommonJS; its typings do not describe the default export Node gives ESM.
const gcoord = gcoordModule as unknown as {
  transform(point: [number, number], from: string, to: string): [number, number];
  WGS84: string;
  GCJ02: string;
};

export interface VehicleView {
  position: LastPosition | undefined;
  alerts: {
    alertId: string;
    kind: string;
    phase: string;
    source: string;
    occurredAt: string;
    detail: unknown;
  }[];
  reminders: { driverId: string; kind: string; status: string; expiresOn: string }[];
}

/** The per-vehicle part of the view for many vehicles: one Redis round trip and two queries for all of them. */
export async function vehicleViews(
  deps: ShareDeps,
  vehicleKeys: string[],
): Promise<Map<string, VehicleView>> {
  const out = new Map<string, VehicleView>();
  if (vehicleKeys.length === 0) return out;
  const [positions, alerts, reminders] = await Promise.all([
    readLastPositions(deps.redis, deps.redisPrefix, vehicleKeys),
    deps.pool.query(
      `SELECT vehicle_key, alert_id AS "alertId", kind, phase, source, occurred_at AS "occurredAt", detail FROM (
         SELECT *, row_number() OVER (PARTITION BY vehicle_key ORDER BY occurred_at DESC, alert_id) AS rn
           FROM vehicle_alerts WHERE vehicle_key = ANY($1)) a
        WHERE rn <= 20 ORDER BY occurred_at DESC, alert_id`,
      [vehicleKeys],
    ),
    deps.pool.query(
      `SELECT vehicle_key, driver_id AS "driverId", kind, status, to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn"
         FROM vehicle_reminders WHERE vehicle_key = ANY($1)`,
      [vehicleKeys],
    ),
  ]);
  for (const k of vehicleKeys) out.set(k, { position: positions.get(k), alerts: [], reminders: [] });
  for (const a of alerts.rows) {
    out
      .get(a.vehicle_key)
      ?.alerts.push({ ...a, occurredAt: new Date(a.occurredAt).toISOString(), vehicle_key: undefined });
  }
  for (const r of reminders.rows) out.get(r.vehicle_key)?.reminders.push({ ...r, vehicle_key: undefined });
  return out;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * S6: what the viewer of one share sees. Personal data is limited to what the
 * driver chose to share: the vehicle, its position and alerts, and the
 * certificates of this vehicle and of the sharing driver only.
 */
export function shareView(share: ShareRow, v: VehicleView | undefined, now: Date) {
  const p = v?.position;
  const gcj = p ? gcoord.transform([p.lon, p.lat], gcoord.WGS84, gcoord.GCJ02) : undefined;
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return {
    shareId: share.shareId,
    plateNumber: share.plateNumber,
    plateColor: share.plateColor,
    expiresAt: share.expiresAt.toISOString(),
    refreshSeconds: REFRESH_SECONDS,
    online: isOnline(p?.gnssTimeMs, now.getTime()),
    position:
      p && gcj
        ? {
            gnssTime: new Date(p.gnssTimeMs).toISOString(),
            wgs84: { lat: p.lat, lon: p.lon },
            gcj02: { lat: Number(gcj[1].toFixed(6)), lon: Number(gcj[0].toFixed(6)) },
            speedKmh: p.speedKmh,
            headingDeg: p.headingDeg,
          }
        : null,
    certificates: (v?.reminders ?? [])
      .filter((r) => r.driverId === '' || r.driverId === share.driverId)
      .map((r) => ({
        kind: r.kind,
        status: r.status,
        expiresOn: r.expiresOn,
        daysLeft: daysBetween(today, r.expiresOn),
      })),
    alerts: (v?.alerts ?? []).map(({ alertId, kind, phase, source, occurredAt, detail }) => ({
      alertId,
      kind,
      phase,
      source,
      occurredAt,
      detail,
    })),
  };
}
