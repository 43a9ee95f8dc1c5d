import { normalizePlate } from '@safewatch/common';

/** What a driver (or a delegated family member) gives to bind a vehicle (B1). */
export interface VehicleClaim {
  plateNumber: string;
  plateColor: number;
  transportCertNo: string;
  vin: string;
}

export interface RegisteredVehicle {
  vehicleId: string;
  plateNumber: string;
  plateColor: number;
  transportCertNo: string;
  vin: string;
  isFreight: boolean;
  carrierId: string;
}

/** Which of the B1 checks failed. Never carries the registry's values. */
export type VerificationFailure = 'plate' | 'freight' | 'transportCertNo' | 'vin';

export type VerificationVerdict =
  | { ok: true; vehicle: RegisteredVehicle }
  | { ok: false; failed: VerificationFailure };

export const normalizeCertNo = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
export const normalizeVin = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
export { normalizePlate };

/**
 * B1: all four fields must match one registered freight vehicle. `found` is
 * the registry's vehicle with the claimed plate and colour, if any. Checked in
 * a fixed order so the answer names the first failing check.
 */
export function verifyVehicle(
  claim: VehicleClaim,
  found: RegisteredVehicle | undefined,
): VerificationVerdict {
  if (
    !found ||
    found.plateNumber !== normalizePlate(claim.plateNumber) ||
    found.plateColor !== claim.plateColor
  ) {
    return { ok: false, failed: 'plate' };
  }
  if (!found.isFreight) return { ok: false, failed: 'freight' };
  if (normalizeCertNo(found.transportCertNo) !== normalizeCertNo(claim.transportCertNo)) {
    return { ok: false, failed: 'transportCertNo' };
  }
  if (normalizeVin(found.vin) !== normalizeVin(claim.vin)) return { ok: false, failed: 'vin' };
  return { ok: true, vehicle: found };
}

/** The refusal text per failed check: says which check, never what the registry holds. */
export const VERIFICATION_MESSAGES: Record<VerificationFailure, string> = {
  plate: 'No registered vehicle has this plate number and plate colour.',
  freight: 'The vehicle with this plate is not registered as a freight vehicle.',
  transportCertNo: 'The road transport certificate number does not match the registered vehicle.',
  vin: 'The VIN does not match the registered vehicle.',
};
