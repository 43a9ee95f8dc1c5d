import { normalizePlate } from '@safewatch/common';
import { type BindingRow, inTransaction, lockDriver, vehicleByPlate } from '../adapters/bindings.repo.js';
import { RuleViolation } from '../domain/errors.js';
import { VERIFICATION_MESSAGES, type VehicleClaim, verifyVehicle } from '../domain/vehicle-verification.js';
import { assertQualified, bindInTransaction } from './bind-in-transaction.js';
import type { BindingsDeps } from './deps.js';

/** B1 self-bind: plate, colour, road transport certificate number and VIN must match one registered freight vehicle. */
export async function bindVehicle(
  deps: BindingsDeps,
  driverId: string,
  claim: VehicleClaim,
): Promise<BindingRow> {
  const now = deps.now();
  const row = await inTransaction(deps.pool, async (client) => {
    assertQualified(await lockDriver(client, driverId), now);
    const found = await vehicleByPlate(client, normalizePlate(claim.plateNumber), claim.plateColor);
    const verdict = verifyVehicle(claim, found);
    if (!verdict.ok) {
      throw new RuleViolation('VEHICLE_NOT_VERIFIED', VERIFICATION_MESSAGES[verdict.failed], {
        failedCheck: verdict.failed,
      });
    }
    return bindInTransaction(client, {
      driverId,
      vehicleId: verdict.vehicle.vehicleId,
      channel: 'SELF',
      now,
      driverLocked: true,
      eventsTopic: deps.eventsTopic,
    });
  });
  deps.eventsWritten();
  return row;
}
