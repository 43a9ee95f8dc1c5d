import { describe, expect, it } from 'vitest';
import { dedupeChunk, newestPerVehicle } from './dedupe.js';
import type { AcceptedPosition } from './position.js';

const p = (vehicleKey: string, gnssTimeMs: number, speedDkmh = 0) =>
  ({ vehicleKey, gnssTimeMs, speedDkmh }) as AcceptedPosition;

describe('dedupe (SPEC §5: same vehicle and GNSS time stored once)', () => {
  it('keeps the first of repeated (vehicle, time) pairs', () => {
    const { unique, duplicates } = dedupeChunk([p('A:2', 1, 10), p('A:2', 1, 20), p('B:2', 1), p('A:2', 2)]);
    expect(duplicates).toBe(1);
    expect(unique.map((u) => [u.vehicleKey, u.gnssTimeMs, u.speedDkmh])).toEqual([
      ['A:2', 1, 10],
      ['B:2', 1, 0],
      ['A:2', 2, 0],
    ]);
  });

  it('keeps every distinct time of a vehicle with many fixes in one chunk, and drops each repeat', () => {
    const times = [1, 2, 1, 3, 2, 4, 3, 5, 1];
    const { unique, duplicates } = dedupeChunk(times.map((t) => p('A:2', t)));
    expect(unique.map((u) => u.gnssTimeMs)).toEqual([1, 2, 3, 4, 5]);
    expect(duplicates).toBe(4);
  });

  it('picks the newest fix per vehicle whatever the arrival order (late data)', () => {
    const newest = newestPerVehicle([p('A:2', 5), p('A:2', 9), p('A:2', 7), p('B:2', 3)]);
    expect(newest.map((n) => [n.vehicleKey, n.gnssTimeMs]).sort()).toEqual([
      ['A:2', 9],
      ['B:2', 3],
    ]);
  });
});
