/// <reference lib="dom" />
/**
 * X3: the map card, an inline SVG: the truck as an arrow turned to its
 * heading on its GCJ-02 position, the positions received while the page is
 * open as a track, over tiles (when configured) or a grid.
 */
import type { PositionView } from '../../../domain/view.schema.js';
import { byId, svgEl } from '../dom.js';
import type { MapWording } from '../wording/map.js';
import { drawGrid, drawScale, drawTiles, tileTemplate } from './layers.js';
import { frame, scaleBar } from './projection.js';

const TRACK_MAX = 720;

interface TrackPoint {
  t: number;
  lat: number;
  lon: number;
  heading: number;
}

export class MapSection {
  /** Positions received during this session (GCJ-02), oldest first. */
  private readonly track: TrackPoint[] = [];

  /** Keeps a new fix (a view repeats the last one until the truck reports again). */
  add(p: PositionView | null): void {
    if (!p || !Number.isFinite(p.gcj02.lat) || !Number.isFinite(p.gcj02.lon)) return;
    const t = Date.parse(p.gnssTime);
    if (this.track.at(-1)?.t === t) return;
    this.track.push({ t, lat: p.gcj02.lat, lon: p.gcj02.lon, heading: p.headingDeg });
    if (this.track.length > TRACK_MAX) this.track.shift();
  }

  draw(online: boolean, w: MapWording, large: boolean): void {
    const box = byId('map');
    if (byId('view').hidden) return;
    const W = Math.max(200, Math.round(box.clientWidth));
    const H = Math.max(160, Math.round(box.clientHeight));
    box.textContent = '';
    const attrs = {
      viewBox: `0 0 ${W} ${H}`,
      width: W,
      height: H,
      'aria-hidden': 'true',
      focusable: 'false',
    };
    const svg = svgEl('svg', attrs, box);
    svgEl('rect', { x: 0, y: 0, width: W, height: H, class: 'map-bg' }, svg);
    const last = this.track.at(-1);
    if (!last) {
      drawGrid(svg, 0, 0, W, H);
      svgEl('text', { x: W / 2, y: H / 2, class: 'map-empty', 'text-anchor': 'middle' }, svg, w.empty);
      box.setAttribute('aria-label', w.emptyLabel);
      byId('map-note').textContent = '';
      return;
    }
    const { z, x0, y0, points } = frame(this.track, W, H, large ? 48 : 36);
    const tiles = tileTemplate();
    if (tiles) drawTiles(svg, tiles, z, { x0, y0, W, H });
    else drawGrid(svg, x0, y0, W, H);

    const [first] = points;
    if (first && points.length > 1) {
      const line = points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
      svgEl('polyline', { points: line, class: 'track' }, svg);
      svgEl('circle', { cx: first[0], cy: first[1], r: 5, class: 'track-start' }, svg);
    }
    const [mx, my] = points.at(-1) ?? [W / 2, H / 2];
    const pose = `translate(${mx.toFixed(1)} ${my.toFixed(1)}) rotate(${Math.round(last.heading)}) scale(${large ? 1.35 : 1})`;
    const truck = svgEl(
      'g',
      { class: `truck ${online ? 'truck-online' : 'truck-offline'}`, transform: pose },
      svg,
    );
    svgEl('circle', { r: 17, class: 'truck-halo' }, truck);
    svgEl('path', { d: 'M0,-13 L9,10 L0,5 L-9,10 Z', class: 'truck-arrow' }, truck);

    const bar = scaleBar(last.lat, z);
    drawScale(svg, { px: bar.px, label: w.scale(bar.metres) }, H);
    svgEl('text', { x: W - 12, y: 24, class: 'map-north', 'text-anchor': 'end' }, svg, w.north);
    box.setAttribute('aria-label', w.label(last.lat, last.lon, last.heading));
    byId('map-note').textContent = w.note(this.track.length > 1);
  }
}
