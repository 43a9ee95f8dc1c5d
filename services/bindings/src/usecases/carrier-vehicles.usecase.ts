import type { BindingRow } from '../adapters/bindings.repo.js';
import { carrierVehicle, carrierVehicles, vehicleBindings } from '../adapters/carriers.repo.js';
import { RuleViolation } from '../domain/errors.js';
import { maskName, maskPhone } from '../domain/masking.js';
import type { BindingsDeps } from './deps.js';
import { unbindVehicle } from './unbind-vehicle.usecase.js';

const NOT_OWN = () => new RuleViolation('NOT_FOUND', 'No such vehicle among your vehicles.');

/** B6: "currently bound vehicles" or "all own vehicles" of a carrier; never another carrier's. */
export function listCarrierVehicles(deps: BindingsDeps, carrierId: string, list: 'bound' | 'all') {
  return carrierVehicles(deps.pool, carrierId, list === 'bound');
}

/** B6: one own vehicle with its person-vehicle bindings, drivers masked. Another carrier's vehicle is "not found". */
export async function getCarrierVehicle(deps: BindingsDeps, carrierId: string, vehicleId: string) {
  const vehicle = await carrierVehicle(deps.pool, carrierId, vehicleId);
  if (!vehicle) throw NOT_OWN();
  const bindings = await vehicleBindings(deps.pool, vehicleId);
  return {
    ...vehicle,
    bindings: bindings.map((b) => ({
      driverId: b.driverId,
      driverName: maskName(b.driverName),
      driverPhone: maskPhone(b.driverPhone),
      channel: b.channel,
      boundAt: b.boundAt,
      unboundAt: b.unboundAt,
      unboundBy: b.unboundBy,
      current: b.unboundAt === null,
    })),
  };
}

/** B6: the carrier unbinds a driver from an own vehicle; the vehicle goes to the driver's history. */
export async function carrierUnbind(
  deps: BindingsDeps,
  carrierId: string,
  vehicleId: string,
  driverId: string,
): Promise<BindingRow> {
  if (!(await carrierVehicle(deps.pool, carrierId, vehicleId))) throw NOT_OWN();
  return unbindVehicle(deps, driverId, vehicleId, 'CARRIER');
}
