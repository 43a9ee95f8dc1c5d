import { type BindingRow, endBinding, inTransaction, type UnboundBy } from '../adapters/bindings.repo.js';
import { enqueueBindingEvent } from '../adapters/outbox.repo.js';
import { RuleViolation } from '../domain/errors.js';
import type { BindingsDeps } from './deps.js';

/**
 * B4 (driver) and B6 (carrier) unbinding: the binding moves to the driver's
 * history and an UNBOUND event goes out, which ends the driver's shares (S8).
 */
export async function unbindVehicle(
  deps: BindingsDeps,
  driverId: string,
  vehicleId: string,
  by: UnboundBy,
): Promise<BindingRow> {
  const now = deps.now();
  const row = await inTransaction(deps.pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [
      `bindings:driver:${driverId}`,
    ]);
    const ended = await endBinding(client, { driverId, vehicleId, by, now });
    if (!ended) throw new RuleViolation('NOT_BOUND', 'This vehicle is not currently bound to this driver.');
    await enqueueBindingEvent(client, deps.eventsTopic, 'UNBOUND', ended, now);
    return ended;
  });
  deps.eventsWritten();
  return row;
}
