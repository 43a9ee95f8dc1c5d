/// <reference lib="dom" />
/**
 * X7: the stops of 20 minutes or more on the map: a marker and its duration
 * beside it, on the side away from the truck's arrow when the two are close,
 * never past the map's right edge (under or over the marker when the truck
 * is on its left and the edge on its right).
 */
import { svgEl } from '../dom.js';
import type { Pixel } from './projection.js';

export interface MapStop {
  /** GCJ-02. */
  lat: number;
  lon: number;
  durationS: number;
}

export function drawStops(
  svg: SVGElement,
  at: readonly Pixel[],
  stops: readonly MapStop[],
  label: (s: MapStop) => string,
  large: boolean,
  truck: Pixel,
  mapWidth: number,
): void {
  const g = svgEl('g', { class: 'track-stops-layer' }, svg);
  stops.forEach((stop, i) => {
    const [x, y] = at[i] ?? [Number.NaN, Number.NaN];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    const mark = svgEl(
      'g',
      { class: 'track-stop', transform: `translate(${x.toFixed(1)} ${y.toFixed(1)})` },
      g,
    );
    svgEl('circle', { r: large ? 10 : 8, class: 'track-stop-dot' }, mark);
    svgEl('text', { x: 0, y: large ? 5 : 4, class: 'track-stop-p', 'text-anchor': 'middle' }, mark, 'P');
    const offset = large ? 14 : 12;
    const text = label(stop);
    const near = (dx: number) => dx >= 0 && dx < 160 && Math.abs(truck[1] - y) < 40;
    const truckRight = near(truck[0] - x);
    const truckLeft = near(x - truck[0]) && !truckRight;
    // A CJK glyph is about one em wide; the label's em is 13 px (16 px large).
    const width = text.length * (large ? 16 : 13);
    const pastEdge = x + offset + width > mapWidth;
    const above = large ? -10 : -8;
    // Right of the marker if it fits and the truck is not there; else left; with the
    // truck on the left and the edge on the right, under (or over) the marker, ending at it.
    const place =
      !truckRight && !pastEdge
        ? { x: offset, y: above, 'text-anchor': 'start' }
        : !truckLeft
          ? { x: -offset, y: above, 'text-anchor': 'end' }
          : { x: offset, y: truck[1] <= y ? (large ? 30 : 24) : above - 14, 'text-anchor': 'end' };
    svgEl('text', { ...place, class: 'track-stop-label' }, mark, text);
  });
}
