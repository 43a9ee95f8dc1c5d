import { randomUUID } from 'node:crypto';
import { type PoolClient, vehicleKey } from '@safewatch/common';
import { pb } from '@safewatch/proto';
import type { BindingRow } from './bindings.repo.js';

const BINDING_TYPE = { BOUND: 1, UNBOUND: 2 } as const;
const CHANNEL = { SELF: 1, REBIND: 2, DELEGATED: 3 } as const;
const UNBIND_ACTOR = { DRIVER: 1, CARRIER: 2 } as const;

/**
 * Writes a binding event to the outbox in the caller's transaction: it is
 * published if and only if the change commits (see outbox.relay.ts).
 */
export async function enqueueBindingEvent(
  client: PoolClient,
  topic: string,
  type: keyof typeof BINDING_TYPE,
  b: BindingRow,
  occurredAt: Date,
): Promise<string> {
  const eventId = randomUUID();
  const payload = pb.BindingsEnvelope.encode({
    binding: {
      eventId,
      type: BINDING_TYPE[type],
      vehicle: { plateNumber: b.plateNumber, plateColor: b.plateColor },
      vehicleId: b.vehicleId,
      driverId: b.driverId,
      carrierId: b.carrierId,
      channel: CHANNEL[b.channel],
      unbindActor: b.unboundBy ? UNBIND_ACTOR[b.unboundBy] : 0,
      occurredAtMs: occurredAt.getTime(),
      delegateId: b.delegateId ?? '',
    },
  }).finish();
  await client.query('INSERT INTO outbox (event_id, topic, message_key, payload) VALUES ($1, $2, $3, $4)', [
    eventId,
    topic,
    vehicleKey(b.plateNumber, b.plateColor),
    Buffer.from(payload),
  ]);
  return eventId;
}

export interface CertificateDates {
  plateNumber: string;
  plateColor: number;
  /** '' for a vehicle-only change. */
  driverId: string;
  /** ISO dates (YYYY-MM-DD), null when not on record. */
  transportCertExpiresOn: string | null;
  qualificationCertExpiresOn: string | null;
}

/** The CertificateChanged message (A3 reminders are computed from it by the alerts service). */
export function certificateChangedPayload(
  c: CertificateDates,
  eventId: string,
  occurredAtMs: number,
): Uint8Array {
  return pb.BindingsEnvelope.encode({
    certificate: {
      eventId,
      vehicle: { plateNumber: c.plateNumber, plateColor: c.plateColor },
      driverId: c.driverId,
      transportCertExpiresOn: c.transportCertExpiresOn ?? '',
      qualificationCertExpiresOn: c.qualificationCertExpiresOn ?? '',
      occurredAtMs,
    },
  }).finish();
}

/** Writes the certificate dates that now concern a vehicle's viewers, in the caller's transaction. */
export async function enqueueCertificateEvent(
  client: PoolClient,
  topic: string,
  c: CertificateDates,
  occurredAt: Date,
): Promise<string> {
  const eventId = randomUUID();
  await client.query('INSERT INTO outbox (event_id, topic, message_key, payload) VALUES ($1, $2, $3, $4)', [
    eventId,
    topic,
    vehicleKey(c.plateNumber, c.plateColor),
    Buffer.from(certificateChangedPayload(c, eventId, occurredAt.getTime())),
  ]);
  return eventId;
}
