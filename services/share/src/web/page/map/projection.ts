/**
 * X3: Web Mercator at tile zoom levels, the projection GCJ-02 map tiles use
 * (the coordinates drawn are the view's GCJ-02 ones). Pure.
 */
export const TILE = 256;
export const MAX_ZOOM = 16;
export const MIN_ZOOM = 3;

export type Pixel = readonly [x: number, y: number];

/** World pixels of a point at zoom z. */
export function project(lat: number, lon: number, z: number): Pixel {
  const size = TILE * 2 ** z;
  const sin = Math.min(0.9999, Math.max(-0.9999, Math.sin((lat * Math.PI) / 180)));
  return [((lon + 180) / 360) * size, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size];
}

export interface Framing {
  z: number;
  /** The view's top-left corner in world pixels. */
  x0: number;
  y0: number;
  /** The points in view pixels. */
  points: Pixel[];
}

/** The highest zoom at which every point fits in W×H less `pad` on each side, centred. */
export function frame(
  points: readonly { lat: number; lon: number }[],
  W: number,
  H: number,
  pad: number,
): Framing {
  const at = (z: number) => points.map((p) => project(p.lat, p.lon, z));
  const span = (ps: Pixel[], i: 0 | 1) => {
    const vs = ps.map((p) => p[i]);
    return [Math.min(...vs), Math.max(...vs)] as const;
  };
  let z = MAX_ZOOM;
  for (; z > MIN_ZOOM; z--) {
    const ps = at(z);
    const [xMin, xMax] = span(ps, 0);
    const [yMin, yMax] = span(ps, 1);
    if (xMax - xMin <= W - 2 * pad && yMax - yMin <= H - 2 * pad) break;
  }
  const world = at(z);
  const [xMin, xMax] = span(world, 0);
  const [yMin, yMax] = span(world, 1);
  // View-local pixels: SVG keeps single precision, world pixels at z 16 need more.
  const x0 = (xMin + xMax) / 2 - W / 2;
  const y0 = (yMin + yMax) / 2 - H / 2;
  return { z, x0, y0, points: world.map(([x, y]) => [x - x0, y - y0] as const) };
}

/** A scale bar of a round length (1, 2 or 5 × 10ⁿ m) near `targetPx` long at this latitude and zoom. */
export function scaleBar(lat: number, z: number, targetPx = 90): { metres: number; px: number } {
  const metresPerPx = (156543.03392 * Math.cos((lat * Math.PI) / 180)) / 2 ** z;
  const target = targetPx * metresPerPx;
  const pow = 10 ** Math.floor(Math.log10(target));
  const metres = [5, 2, 1].map((k) => k * pow).find((v) => v <= target) ?? pow;
  return { metres, px: metres / metresPerPx };
}
