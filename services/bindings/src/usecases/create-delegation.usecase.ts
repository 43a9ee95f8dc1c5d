import { KNOWN_PLATE_COLORS, normalizePlate } from '@safewatch/common';
import { inTransaction, lockDriver, vehicleByPlate } from '../adapters/bindings.repo.js';
import { insertDelegation } from '../adapters/delegations.repo.js';
import { RuleViolation } from '../domain/errors.js';
import { VERIFICATION_MESSAGES } from '../domain/vehicle-verification.js';
import { assertQualified } from './bind-in-transaction.js';
import { newDelegationToken } from './delegation-token.js';
import type { BindingsDeps } from './deps.js';

export interface CreatedDelegation {
  delegationId: string;
  token: string;
  plateNumber: string;
  plateColor: number;
  expiresAt: Date;
}

/**
 * B5: the driver names a plate and gets a one-time, expiring delegation token
 * for a family member. The plate must be a registered vehicle; B1-B3 are
 * checked when the family member completes it.
 */
export async function createDelegation(
  deps: BindingsDeps,
  driverId: string,
  plate: { plateNumber: string; plateColor: number },
): Promise<CreatedDelegation> {
  const now = deps.now();
  const plateNumber = normalizePlate(plate.plateNumber);
  return inTransaction(deps.pool, async (client) => {
    assertQualified(await lockDriver(client, driverId), now);
    if (
      !KNOWN_PLATE_COLORS.has(plate.plateColor) ||
      !(await vehicleByPlate(client, plateNumber, plate.plateColor))
    ) {
      throw new RuleViolation('VEHICLE_NOT_VERIFIED', VERIFICATION_MESSAGES.plate, { failedCheck: 'plate' });
    }
    const { token, hash } = newDelegationToken();
    const expiresAt = new Date(now.getTime() + deps.delegationTtlMs);
    const row = await insertDelegation(client, {
      tokenHash: hash,
      driverId,
      plateNumber,
      plateColor: plate.plateColor,
      now,
      expiresAt,
    });
    return { delegationId: row.delegationId, token, plateNumber, plateColor: plate.plateColor, expiresAt };
  });
}
