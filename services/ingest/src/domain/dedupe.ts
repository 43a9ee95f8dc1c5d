import type { AcceptedPosition } from './position.js';

/**
 * Drops repeats of the same (vehicle, GNSS time) within one chunk, keeping the
 * first. Repeats across chunks and redeliveries are caught by the store's key.
 */
export function dedupeChunk(positions: AcceptedPosition[]): {
  unique: AcceptedPosition[];
  duplicates: number;
} {
  const seen = new Set<string>();
  const unique: AcceptedPosition[] = [];
  for (const p of positions) {
    const id = `${p.vehicleKey}@${p.gnssTimeMs}`;
    if (seen.has(id)) continue;
    seen.add(id);
    unique.push(p);
  }
  return { unique, duplicates: positions.length - unique.length };
}

/** The newest position per vehicle: the only candidates for "last position". */
export function newestPerVehicle(positions: AcceptedPosition[]): AcceptedPosition[] {
  const newest = new Map<string, AcceptedPosition>();
  for (const p of positions) {
    const cur = newest.get(p.vehicleKey);
    if (!cur || p.gnssTimeMs > cur.gnssTimeMs) newest.set(p.vehicleKey, p);
  }
  return [...newest.values()];
}
