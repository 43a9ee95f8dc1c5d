import type { PoolClient } from '@safewatch/common';
import {
  type BindingRow,
  bindingSnapshot,
  type Channel,
  insertBinding,
  lockDriver,
} from '../adapters/bindings.repo.js';
import { enqueueBindingEvent, enqueueCertificateEvent } from '../adapters/outbox.repo.js';
import { checkBindingLimits, checkQualification, chinaDate, windowStart } from '../domain/binding.rules.js';
import { RuleViolation } from '../domain/errors.js';

export const LIMIT_MESSAGES = {
  ALREADY_BOUND: 'This vehicle is already bound to you.',
  BINDING_LIMIT_CURRENT: 'You already have 3 vehicles bound; unbind one first.',
  BINDING_LIMIT_12_MONTHS: 'You have bound 10 different vehicles within the last 12 months.',
} as const;

/** B7 before anything else: an unqualified driver learns nothing about vehicles. */
export function assertQualified(record: Parameters<typeof checkQualification>[0], now: Date): void {
  const q = checkQualification(record, chinaDate(now));
  if (!q.ok) {
    throw new RuleViolation(
      'NO_QUALIFICATION',
      q.reason === 'none'
        ? 'No qualification certificate is on record for you.'
        : 'Your qualification certificate has expired.',
      { reason: q.reason },
    );
  }
}

/**
 * The one place a binding is created (self-bind, bind again, delegated):
 * under the driver's lock, B7, B2 and B3 are checked against the database and
 * the binding and its event are written in the same transaction.
 */
export async function bindInTransaction(
  client: PoolClient,
  b: {
    driverId: string;
    vehicleId: string;
    channel: Channel;
    delegateId?: string;
    now: Date;
    eventsTopic: string;
    /** The caller already holds the driver's lock and checked B7 in this transaction. */
    driverLocked?: boolean;
  },
): Promise<BindingRow> {
  if (!b.driverLocked) assertQualified(await lockDriver(client, b.driverId), b.now);
  const snapshot = await bindingSnapshot(client, b.driverId, windowStart(b.now));
  const verdict = checkBindingLimits(snapshot, b.vehicleId);
  if (!verdict.ok) {
    throw new RuleViolation(verdict.code, LIMIT_MESSAGES[verdict.code], {
      currentBindings: snapshot.current.length,
      vehiclesIn12Months: snapshot.inWindow.length,
    });
  }
  const row = await insertBinding(client, b);
  await enqueueBindingEvent(client, b.eventsTopic, 'BOUND', row, b.now);
  // The certificate dates that now concern this vehicle's viewers (A3), right behind the binding on the same key.
  const dates = await client.query(
    `SELECT to_char(v.transport_cert_expires_on, 'YYYY-MM-DD') AS t, to_char(d.qualification_cert_expires_on, 'YYYY-MM-DD') AS q
       FROM registry_vehicles v, registry_drivers d WHERE v.vehicle_id = $1 AND d.driver_id = $2`,
    [row.vehicleId, row.driverId],
  );
  await enqueueCertificateEvent(
    client,
    b.eventsTopic,
    {
      plateNumber: row.plateNumber,
      plateColor: row.plateColor,
      driverId: row.driverId,
      transportCertExpiresOn: dates.rows[0]?.t ?? null,
      qualificationCertExpiresOn: dates.rows[0]?.q ?? null,
    },
    b.now,
  );
  return row;
}
