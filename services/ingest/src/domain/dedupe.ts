import type { AcceptedPosition } from './position.js';

/**
 * Drops repeats of the same (vehicle, GNSS time) within one chunk, keeping the
 * first. Repeats across chunks and redeliveries are caught by the store's key.
 */
export function dedupeChunk(positions: AcceptedPosition[]): {
  unique: AcceptedPosition[];
  duplicates: number;
} {
  // Per vehicle, the GNSS times seen: a number while it has one fix in the
  // chunk (the usual case), a set from its second (no string built per position).
  const seen = new Map<string, number | Set<number>>();
  const unique: AcceptedPosition[] = [];
  for (const p of positions) {
    const t = p.gnssTimeMs;
    const times = seen.get(p.vehicleKey);
    if (times === undefined) seen.set(p.vehicleKey, t);
    else if (typeof times === 'number') {
      if (times === t) continue;
      seen.set(p.vehicleKey, new Set([times, t]));
    } else {
      if (times.has(t)) continue;
      times.add(t);
    }
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
