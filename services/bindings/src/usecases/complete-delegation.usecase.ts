import { type BindingRow, inTransaction, vehicleByPlate } from '../adapters/bindings.repo.js';
import { completeDelegation as markCompleted } from '../adapters/delegations.repo.js';
import { RuleViolation } from '../domain/errors.js';
import { VERIFICATION_MESSAGES, verifyVehicle } from '../domain/vehicle-verification.js';
import { bindInTransaction } from './bind-in-transaction.js';
import type { BindingsDeps } from './deps.js';
import { openDelegation } from './open-delegation.usecase.js';

/**
 * B5: the family member enters the certificate number and VIN; the vehicle is
 * bound to the delegating driver (B1-B3 and B7 apply to the driver) and the
 * link is used up, all in one transaction.
 */
export async function completeDelegation(
  deps: BindingsDeps,
  token: string,
  familyId: string,
  proof: { transportCertNo: string; vin: string },
): Promise<BindingRow> {
  const now = deps.now();
  const row = await inTransaction(deps.pool, async (client) => {
    const d = await openDelegation(client, token, now, true);
    const claim = { plateNumber: d.plateNumber, plateColor: d.plateColor, ...proof };
    const verdict = verifyVehicle(claim, await vehicleByPlate(client, d.plateNumber, d.plateColor));
    if (!verdict.ok) {
      throw new RuleViolation('VEHICLE_NOT_VERIFIED', VERIFICATION_MESSAGES[verdict.failed], {
        failedCheck: verdict.failed,
      });
    }
    const binding = await bindInTransaction(client, {
      driverId: d.driverId,
      vehicleId: verdict.vehicle.vehicleId,
      channel: 'DELEGATED',
      delegateId: familyId,
      now,
      eventsTopic: deps.eventsTopic,
    });
    await markCompleted(client, {
      delegationId: d.delegationId,
      familyId,
      bindingId: binding.bindingId,
      now,
    });
    return binding;
  });
  deps.eventsWritten();
  return row;
}
