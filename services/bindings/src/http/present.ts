import type { BindingRow } from '../adapters/bindings.repo.js';
import type { DriverBindingView } from '../usecases/list-driver-bindings.usecase.js';

/** A binding as the API shows it: no internal ids beyond the vehicle's. */
export function presentBinding(b: BindingRow | DriverBindingView) {
  const lp = 'lastPosition' in b ? b.lastPosition : null;
  return {
    vehicleId: b.vehicleId,
    plateNumber: b.plateNumber,
    plateColor: b.plateColor,
    channel: b.channel,
    boundAt: b.boundAt.toISOString(),
    unboundAt: b.unboundAt ? b.unboundAt.toISOString() : null,
    unboundBy: b.unboundBy,
    lastPosition: lp
      ? {
          gnssTime: new Date(lp.gnssTimeMs).toISOString(),
          lat: lp.lat,
          lon: lp.lon,
          speedKmh: lp.speedKmh,
          headingDeg: lp.headingDeg,
        }
      : null,
  };
}
