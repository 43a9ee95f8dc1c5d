import { vehicleKey } from '@safewatch/common';
import { pb, type safewatch } from '@safewatch/proto';
import type { StoredReminder } from '../adapters/vehicle-alerts.repo.js';
import { EPISODE_KINDS } from '../domain/episodes.js';
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
  const { bindings, history, shares } = deps.repos;
  let ended = 0;
  for (const env of envelopes) {
    const b = env.binding;
    if (!b?.vehicle?.plateNumber || !b.driverId || !b.vehicleId) continue;
    const atMs = Number(b.occurredAtMs ?? 0);
    const binding = {
      driverId: b.driverId,
      vehicleId: b.vehicleId,
      plateNumber: b.vehicle.plateNumber,
      plateColor: b.vehicle.plateColor ?? 0,
    };
    if (b.type === BOUND) {
      await bindings.upsertCurrentBinding(deps.pool, { ...binding, boundAt: new Date(atMs) });
      await history.historyBound(deps.pool, { ...binding, boundAtMs: atMs });
    } else if (b.type === UNBOUND) {
      const { reboundSince } = await bindings.removeCurrentBinding(
        deps.pool,
        b.driverId,
        b.vehicleId,
        new Date(atMs),
      );
      await history.historyUnbound(deps.pool, b.driverId, b.vehicleId, atMs);
      // An old unbinding replayed after the driver bound the vehicle again ends nothing:
      // the shares are the newer binding's.
      if (reboundSince) continue;
      const gone = await shares.endShares(
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

/**
 * alerts: dynamic alert records (kept as the alerts service sent them; the
 * view folds them into episodes, S10) and certificate reminders per vehicle.
 * Returns the vehicles that changed; a redelivered record changes nothing.
 */
export async function onAlerts(deps: ShareDeps, alerts: safewatch.v1.IAlert[]): Promise<Set<string>> {
  const changed = new Set<string>();
  for (const a of alerts) {
    if (!a.alertId || !a.vehicle?.plateNumber) continue;
    const key = vehicleKey(a.vehicle.plateNumber, a.vehicle.plateColor ?? 0);
    const type = pb.AlertType[a.type ?? 0] ?? '';
    const reminder = REMINDER.exec(type);
    if (reminder && a.certificate?.expiresOn) {
      await deps.repos.alerts.storeReminder(deps.pool, {
        vehicleKey: key,
        driverId: a.certificate.driverId ?? '',
        kind: reminder[1] as StoredReminder['kind'],
        status: reminder[2] as StoredReminder['status'],
        expiresOn: a.certificate.expiresOn,
      });
      changed.add(key);
      continue;
    }
    const kind = type.replace('ALERT_TYPE_', '');
    if (!EPISODE_KINDS.has(kind)) continue;
    const detail = pb.Alert.toObject(pb.Alert.fromObject(a), {
      longs: Number,
      enums: String,
      defaults: false,
    });
    const stored = await deps.repos.alerts.storeAlert(deps.pool, {
      alertId: a.alertId,
      vehicleKey: key,
      kind,
      phase: (pb.AlertPhase[a.phase ?? 0] ?? '').replace('ALERT_PHASE_', ''),
      source: (pb.AlertSource[a.source ?? 0] ?? '').replace('ALERT_SOURCE_', ''),
      occurredAtMs: Number(a.occurredAtMs ?? 0),
      episodeStartMs: Number(a.episodeStartMs ?? 0) || null,
      detail: detail.speeding ?? detail.fatigue ?? {},
    });
    if (stored) changed.add(key);
  }
  return changed;
}
