/**
 * The canonical vehicle key "<plate>:<colour code>", used as Kafka message key
 * and in storage keys (see proto/safewatch/v1/vehicle.proto).
 */
export function vehicleKey(plateNumber: string, plateColor: number): string {
  return `${plateNumber}:${plateColor}`;
}

export function parseVehicleKey(key: string): { plateNumber: string; plateColor: number } | undefined {
  const i = key.lastIndexOf(':');
  if (i <= 0) return undefined;
  const plateColor = Number(key.slice(i + 1));
  if (!Number.isInteger(plateColor)) return undefined;
  return { plateNumber: key.slice(0, i), plateColor };
}

/** Plate colour codes of JT/T 697.7 / JT/T 808 accepted by Safe Watch. */
export const KNOWN_PLATE_COLORS: ReadonlySet<number> = new Set([1, 2, 3, 4, 5, 9, 91, 92, 93, 94]);

/**
 * Normalises plate input the way people type it: full-width letters and digits
 * to half-width, upper case, no spaces or separators ("鲁ａ·12345" → "鲁A12345").
 */
export function normalizePlate(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s·.\-_]/g, '')
    .toUpperCase();
}
