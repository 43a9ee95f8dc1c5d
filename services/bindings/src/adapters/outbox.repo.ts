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
