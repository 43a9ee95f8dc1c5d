/// <reference lib="dom" />
/** X3: what lies under the track: GCJ-02 tiles from the configured template, else a plain grid; the scale bar. */
import { svgEl } from '../dom.js';
import { TILE } from './projection.js';

export function drawGrid(svg: SVGElement, x0: number, y0: number, W: number, H: number): void {
  const step = 64;
  const g = svgEl('g', { class: 'grid' }, svg);
  for (let x = Math.ceil(x0 / step) * step; x <= x0 + W; x += step)
    svgEl('line', { x1: x - x0, y1: 0, x2: x - x0, y2: H }, g);
  for (let y = Math.ceil(y0 / step) * step; y <= y0 + H; y += step)
    svgEl('line', { x1: 0, y1: y - y0, x2: W, y2: y - y0 }, g);
}

export function drawTiles(
  svg: SVGElement,
  template: string,
  z: number,
  view: { x0: number; y0: number; W: number; H: number },
): void {
  const { x0, y0, W, H } = view;
  const g = svgEl('g', { class: 'tiles' }, svg);
  const n = 2 ** z;
  for (let tx = Math.floor(x0 / TILE); tx <= Math.floor((x0 + W) / TILE); tx++) {
    for (let ty = Math.floor(y0 / TILE); ty <= Math.floor((y0 + H) / TILE); ty++) {
      if (ty < 0 || ty >= n) continue;
      const wrappedX = ((tx % n) + n) % n;
      const href = template
        .replace('{z}', String(z))
        .replace('{x}', String(wrappedX))
        .replace('{y}', String(ty));
      const attrs = { href, x: tx * TILE - x0, y: ty * TILE - y0, width: TILE, height: TILE };
      svgEl('image', { ...attrs, preserveAspectRatio: 'none' }, g);
    }
  }
}

export function drawScale(svg: SVGElement, bar: { px: number; label: string }, H: number): void {
  const g = svgEl('g', { class: 'scale', transform: `translate(12 ${H - 14})` }, svg);
  const len = bar.px.toFixed(1);
  svgEl('path', { d: `M0,-6 L0,0 L${len},0 L${len},-6` }, g);
  svgEl('text', { x: bar.px / 2, y: -10, 'text-anchor': 'middle' }, g, bar.label);
}

/** The tile URL template the server put in the page (X3), or null for the grid. */
export function tileTemplate(): string | null {
  const t = document.querySelector('meta[name="sw-tile-url"]')?.getAttribute('content') ?? '';
  return t.includes('{z}') ? t : null;
}
