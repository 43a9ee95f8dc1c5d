import { vehicleKey } from '@safewatch/common';
import { pb, type safewatch } from '@safewatch/proto';
import { historyBound, historyUnbound } from '../adapters/binding-history.repo.js';
import { endShares } from '../adapters/shares.repo.js';
import type { ShareDeps } from './deps.js';

const BOUND = 1;
const UNBOUND = 2;

/**
 * bindings.events: keeps the current bindings (S1) and the binding history
 * (X4) and, on an unbinding, ends that driver's shares of the vehicle (S8).
 * Idempotent: redelivery repeats an upsert, a delete, or ends nothing more.
 */
export async function onBindingEvents(
  deps: ShareDeps,
  envelopes: safewatch.v1.IBindingsEnvelope[],
): Promise<number> {
  let ended = 0;
  for (const env of envelopes) {
    const b = env.binding;
    if (!b?.vehicle?.plateNumber || !b.driverId || !b.vehicleId) continue;
    if (b.type === BOUND) {
      await deps.pool.query(
        `INSERT INTO current_bindings (driver_id, vehicle_id, plate_number, plate_color, bound_at)
         VALUES ($1, $2, $3, $4, to_timestamp($5 / 1000.0))
         ON CONFLICT (driver_id, vehicle_id) DO UPDATE SET bound_at = EXCLUDED.bound_at
           WHERE current_bindings.bound_at < EXCLUDED.bound_at`,
        [
          b.driverId,
          b.vehicleId,
          b.vehicle.plateNumber,
          b.vehicle.plateColor ?? 0,
          Number(b.occurredAtMs ?? 0),
        ],
      );
      await historyBound(deps.pool, {
        driverId: b.driverId,
        vehicleId: b.vehicleId,
        plateNumber: b.vehicle.plateNumber,
        plateColor: b.vehicle.plateColor ?? 0,
        boundAtMs: Number(b.occurredAtMs ?? 0),
      });
    } else if (b.type === UNBOUND) {
      // Only a binding made before this unbinding: an old event redelivered after a
      // rebind must not remove the newer binding (redelivery replays in order anyway).
      await deps.pool.query(
        `DELETE FROM current_bindings WHERE driver_id = $1 AND vehicle_id = $2
            AND bound_at <= to_timestamp($3 / 1000.0)`,
        [b.driverId, b.vehicleId, Number(b.occurredAtMs ?? 0)],
      );
      await historyUnbound(deps.pool, b.driverId, b.vehicleId, Number(b.occurredAtMs ?? 0));
      // An old unbinding replayed after the driver bound the vehicle again ends nothing:
      // the shares are the newer binding's.
      const rebound = await deps.pool.query(
        `SELECT 1 FROM current_bindings WHERE driver_id = $1 AND vehicle_id = $2
            AND bound_at > to_timestamp($3 / 1000.0)`,
        [b.driverId, b.vehicleId, Number(b.occurredAtMs ?? 0)],
      );
      if ((rebound.rowCount ?? 0) > 0) continue;
      const gone = await endShares(
        deps.pool,
        { driverId: b.driverId, vehicleId: b.vehicleId },
        'UNBOUND',
        deps.now(),
      );
      deps.sharesEnded(gone.map((s) => ({ shareId: s.shareId, reason: 'UNBOUND' })));
      ended += gone.length;
    }
  }
  return ended;
}

const REMINDER = /^ALERT_TYPE_(TRANSPORT|QUALIFICATION)_CERT_(EXPIRING|EXPIRED)$/;

/** alerts: dynamic alerts and certificate reminders per vehicle, for the views. Returns the vehicles that changed. */
export async function onAlerts(deps: ShareDeps, alerts: safewatch.v1.IAlert[]): Promise<Set<string>> {
  const changed = new Set<string>();
  for (const a of alerts) {
    if (!a.alertId || !a.vehicle?.plateNumber) continue;
    const key = vehicleKey(a.vehicle.plateNumber, a.vehicle.plateColor ?? 0);
    const type = pb.AlertType[a.type ?? 0] ?? '';
    const reminder = REMINDER.exec(type);
    if (reminder && a.certificate?.expiresOn) {
      await deps.pool.query(
        `INSERT INTO vehicle_reminders (vehicle_key, driver_id, kind, status, expires_on) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (vehicle_key, driver_id, kind) DO UPDATE SET status = EXCLUDED.status, expires_on = EXCLUDED.expires_on`,
        [key, a.certificate.driverId ?? '', reminder[1], reminder[2], a.certificate.expiresOn],
      );
      changed.add(key);
      continue;
    }
    const kind = type.replace('ALERT_TYPE_', '');
    if (!['SPEEDING', 'FATIGUE_CONTINUOUS', 'FATIGUE_DAILY'].includes(kind)) continue;
    const detail = pb.Alert.toObject(pb.Alert.fromObject(a), {
      longs: Number,
      enums: String,
      defaults: false,
    });
    const r = await deps.pool.query(
      `INSERT INTO vehicle_alerts (alert_id, vehicle_key, kind, phase, source, occurred_at, detail, episode_start_ms)
       VALUES ($1, $2, $3, $4, $5, to_timestamp($6 / 1000.0), $7, $8) ON CONFLICT (alert_id) DO NOTHING`,
      [
        a.alertId,
        key,
        kind,
        (pb.AlertPhase[a.phase ?? 0] ?? '').replace('ALERT_PHASE_', ''),
        (pb.AlertSource[a.source ?? 0] ?? '').replace('ALERT_SOURCE_', ''),
        Number(a.occurredAtMs ?? 0),
        JSON.stringify(detail.speeding ?? detail.fatigue ?? {}),
        Number(a.episodeStartMs ?? 0) || null,
      ],
    );
    if ((r.rowCount ?? 0) > 0) changed.add(key);
  }
  return changed;
}
