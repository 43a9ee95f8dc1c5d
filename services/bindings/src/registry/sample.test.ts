import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFleet } from '@safewatch/simulator';
import { describe, expect, it } from 'vitest';
import { SAMPLE_REGISTRY_FILE } from './import.js';
import { parseRegistryCsv, parseRegistryJson } from './parse.js';

const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');
const json = parseRegistryJson(readFileSync(SAMPLE_REGISTRY_FILE));
const REFERENCE = '2026-11-21';
const IN_30_DAYS = '2026-12-21';

describe('sample registry (samples/registry.json)', () => {
  it('is valid: no rejected row, no warning', () => {
    expect(json.errors).toEqual([]);
    expect(json.warnings).toEqual([]);
    expect(json.vehicles).toHaveLength(200);
    expect(json.drivers).toHaveLength(20);
  });

  it('holds exactly the trucks the simulator drives with seed 1 (npm start), so they can be bound', () => {
    const trucks = createFleet({ seed: 1, trucks: 200, startTimeMs: 0 }).trucks;
    expect(json.vehicles.map((v) => [v.plateNumber, v.plateColor, v.transportCertNo, v.vin])).toEqual(
      trucks.map((t) => [t.plateNumber, t.plateColor, t.transportCertNo, t.vin]),
    );
    expect(json.vehicles.every((v) => v.isFreight)).toBe(true);
  });

  it('spreads the trucks over 5 carriers and the validities around 2026-11-21', () => {
    expect(new Set(json.vehicles.map((v) => v.carrierId)).size).toBe(5);
    const dates = json.vehicles.map((v) => v.transportCertExpiresOn);
    expect(dates.filter((d) => d !== null && d < REFERENCE).length).toBeGreaterThanOrEqual(3);
    expect(
      dates.filter((d) => d !== null && d >= REFERENCE && d <= IN_30_DAYS).length,
    ).toBeGreaterThanOrEqual(10);
    const quals = json.drivers.map((d) => d.qualificationCertExpiresOn as string);
    expect(quals.filter((d) => d < REFERENCE)).toHaveLength(2);
    expect(quals.filter((d) => d >= REFERENCE && d <= IN_30_DAYS)).toHaveLength(3);
  });

  it('has drivers driver-0001 … driver-0020 with fictitious 1380000xxxx phones; driver-0021 (no certificate) is absent', () => {
    expect(json.drivers.map((d) => d.driverId)).toEqual(
      Array.from({ length: 20 }, (_, i) => `driver-${String(i + 1).padStart(4, '0')}`),
    );
    expect(json.drivers.every((d) => /^1380000\d{4}$/.test(d.phone) && d.name !== '')).toBe(true);
  });

  it('says the same in CSV as in JSON', () => {
    const vehicles = parseRegistryCsv(readFileSync(join(SAMPLES, 'registry-vehicles.csv')));
    const drivers = parseRegistryCsv(readFileSync(join(SAMPLES, 'registry-drivers.csv')));
    expect([...vehicles.errors, ...drivers.errors, ...vehicles.warnings, ...drivers.warnings]).toEqual([]);
    expect(vehicles.vehicles).toEqual(json.vehicles);
    expect(drivers.drivers).toEqual(json.drivers);
  });
});
