import { type BindingRow, hasHistory, inTransaction } from '../adapters/bindings.repo.js';
import { RuleViolation } from '../domain/errors.js';
import { bindInTransaction } from './bind-in-transaction.js';
import type { BindingsDeps } from './deps.js';

/** B4 bind again from history: no certificate or VIN asked again, B2/B3/B7 re-checked. */
export async function rebindVehicle(
  deps: BindingsDeps,
  driverId: string,
  vehicleId: string,
): Promise<BindingRow> {
  const now = deps.now();
  const row = await inTransaction(deps.pool, async (client) => {
    if (!(await hasHistory(client, driverId, vehicleId))) {
      throw new RuleViolation('NOT_FOUND', 'This vehicle is not in your binding history.');
    }
    return bindInTransaction(client, {
      driverId,
      vehicleId,
      channel: 'REBIND',
      now,
      eventsTopic: deps.eventsTopic,
    });
  });
  deps.eventsWritten();
  return row;
}
