/** Metres per degree of latitude (and of longitude at the equator) on a sphere of the Earth's mean radius. */
export const M_PER_DEG = 111_195;
const RAD = Math.PI / 180;

/** Metres per degree of longitude at a latitude. */
export const mPerDegLon = (lat: number) => M_PER_DEG * Math.cos(lat * RAD);

/**
 * Distance in metres from a point to the segment a→b, in a plane tangent at the
 * point. Segments here are at most a few tens of kilometres long, where the
 * plane is within metres of the sphere; it is also how the simulator moves
 * trucks (linearly in latitude and longitude), so a simulated fix is at 0 m.
 */
export function pointSegmentDistanceM(
  lat: number,
  lon: number,
  aLat: number,
  aLon: number,
  bLat: number,
  bLon: number,
): number {
  const kx = mPerDegLon(lat);
  const ax = (aLon - lon) * kx;
  const ay = (aLat - lat) * M_PER_DEG;
  const dx = (bLon - aLon) * kx;
  const dy = (bLat - aLat) * M_PER_DEG;
  const len2 = dx * dx + dy * dy;
  // Parameter of the point's projection on a→b, clamped to the segment.
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  const px = ax + t * dx;
  const py = ay + t * dy;
  return Math.sqrt(px * px + py * py);
}

/** An axis-aligned box in degrees. */
export interface Box {
  minLat: number;
  minLon: number;
  maxLat: number;
  maxLon: number;
}

/**
 * A fixed grid of cells over a box: each cell lists the items whose (padded)
 * box touches it, so a lookup tests a handful of items instead of all of them.
 */
export class GridIndex {
  private readonly cells: number[][];
  private readonly cols: number;
  private readonly rows: number;

  constructor(
    private readonly bounds: Box,
    private readonly cellDeg: number,
  ) {
    this.cols = Math.max(1, Math.ceil((bounds.maxLon - bounds.minLon) / cellDeg));
    this.rows = Math.max(1, Math.ceil((bounds.maxLat - bounds.minLat) / cellDeg));
    this.cells = Array.from({ length: this.cols * this.rows }, () => []);
  }

  insert(item: number, box: Box): void {
    const c0 = this.col(box.minLon);
    const c1 = this.col(box.maxLon);
    const r0 = this.row(box.minLat);
    const r1 = this.row(box.maxLat);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = this.cells[r * this.cols + c] as number[];
        if (cell[cell.length - 1] !== item) cell.push(item);
      }
    }
  }

  /** Items whose box touches the point's cell; empty outside the grid. */
  at(lat: number, lon: number): readonly number[] {
    const { minLat, minLon, maxLat, maxLon } = this.bounds;
    if (!(lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon)) return NONE;
    return this.cells[this.row(lat) * this.cols + this.col(lon)] as number[];
  }

  private col(lon: number): number {
    const c = Math.floor((lon - this.bounds.minLon) / this.cellDeg);
    return Math.max(0, Math.min(this.cols - 1, c));
  }

  private row(lat: number): number {
    const r = Math.floor((lat - this.bounds.minLat) / this.cellDeg);
    return Math.max(0, Math.min(this.rows - 1, r));
  }
}

const NONE: readonly number[] = [];

/** Pads a box by a distance in metres (its longitude padding taken at its widest latitude). */
export function padBox(box: Box, metres: number): Box {
  const dLat = metres / M_PER_DEG;
  const dLon = metres / mPerDegLon(Math.max(Math.abs(box.minLat), Math.abs(box.maxLat)));
  return {
    minLat: box.minLat - dLat,
    minLon: box.minLon - dLon,
    maxLat: box.maxLat + dLat,
    maxLon: box.maxLon + dLon,
  };
}
