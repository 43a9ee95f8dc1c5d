import { bindingsDelegatedTo } from '../adapters/bindings.repo.js';
import { maskName } from '../domain/masking.js';
import type { BindingsDeps } from './deps.js';

/** B5/S9: the vehicles a family member bound on behalf of a driver: plate, colour and the (masked) driver. */
export async function listDelegatedVehicles(deps: BindingsDeps, familyId: string) {
  const rows = await bindingsDelegatedTo(deps.pool, familyId);
  return rows.map((b) => ({
    vehicleId: b.vehicleId,
    plateNumber: b.plateNumber,
    plateColor: b.plateColor,
    delegatingDriver: { name: maskName(b.driverName) },
    boundAt: b.boundAt,
    current: b.unboundAt === null,
  }));
}
