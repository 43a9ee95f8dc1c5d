/**
 * The sample registry (samples/registry.json; what it holds: samples/README.md),
 * the bindings service's public entry `@safewatch/bindings/sample-registry`:
 * `npm start` loads it into the service and binds its trucks for the demo,
 * the end-to-end benchmark builds its registry on it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The sample registry: the simulator's 200 trucks (seed 1) and 20 drivers. */
export const SAMPLE_REGISTRY_FILE = join(import.meta.dirname, '..', '..', 'samples', 'registry.json');

/** A vehicle of the sample, as the file has it: what a driver quotes to bind it (B1), and more. */
export interface SampleVehicle {
  plate_number: string;
  plate_color: number;
  transport_cert_no: string;
  vin: string;
  carrier_id?: string;
  transport_cert_expires_on?: string;
  is_freight?: boolean;
}

export interface SampleDriver {
  driver_id: string;
  qualification_cert_no: string;
  qualification_cert_expires_on?: string;
  /** Fictitious, as the phone numbers (samples/README.md). */
  name: string;
  phone: string;
}

/** The sample registry's contents, read from SAMPLE_REGISTRY_FILE. */
export function readSampleRegistry(): { vehicles: SampleVehicle[]; drivers: SampleDriver[] } {
  return JSON.parse(readFileSync(SAMPLE_REGISTRY_FILE, 'utf8'));
}
