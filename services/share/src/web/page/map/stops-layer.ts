/// <reference lib="dom" />
/**
 * X7: the stops of 20 minutes or more on the map: a marker and its duration
 * beside it, on the side away from the truck's arrow when the two are close,
 * and on the left when the right side would run past the map's edge.
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
    const truckRight = truck[0] >= x && truck[0] - x < 160 && Math.abs(truck[1] - y) < 40;
    // A CJK glyph is about one em wide; the label's em is 13 px (16 px large).
    const pastEdge = x + offset + text.length * (large ? 16 : 13) > mapWidth;
    const side =
      truckRight || pastEdge ? { x: -offset, 'text-anchor': 'end' } : { x: offset, 'text-anchor': 'start' };
    svgEl('text', { ...side, y: large ? -10 : -8, class: 'track-stop-label' }, mark, text);
  });
}
