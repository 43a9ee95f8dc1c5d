/// <reference lib="dom" />
/**
 * X3, X7: the map card, an inline SVG in GCJ-02: today's track (from the
 * track API, continued by the positions received since) with its stops of
 * 20 minutes or more, under the truck as an arrow turned to its heading, over
 * tiles (when configured) or a grid.
 */
import type { PositionView, TrackView } from '../../../domain/view.schema.js';
import { byId, svgEl } from '../dom.js';
import type { MapWording } from '../wording/map.js';
import type { TrackWording } from '../wording/track.js';
import { drawGrid, drawScale, drawTiles, tileTemplate } from './layers.js';
import { frame, scaleBar } from './projection.js';
import { drawStops, type MapStop } from './stops-layer.js';

const LIVE_MAX = 720;

interface TrackPoint {
  t: number;
  lat: number;
  lon: number;
}

export class MapSection {
  /** Today's track as last read (GCJ-02), oldest first. */
  private day: TrackPoint[] = [];
  private stops: MapStop[] = [];
  /** Positions received while the page is open (GCJ-02), oldest first. */
  private readonly live: TrackPoint[] = [];
  private heading = 0;

  /** Keeps a new fix (a view repeats the last one until the truck reports again). */
  add(p: PositionView | null): void {
    if (!p || !Number.isFinite(p.gcj02.lat) || !Number.isFinite(p.gcj02.lon)) return;
    const t = Date.parse(p.gnssTime);
    this.heading = p.headingDeg;
    if (this.live.at(-1)?.t === t) return;
    this.live.push({ t, lat: p.gcj02.lat, lon: p.gcj02.lon });
    if (this.live.length > LIVE_MAX) this.live.shift();
  }

  /** X7: today's track replaces the one shown; live positions newer than it continue it. */
  setTrack(track: TrackView): void {
    this.day = track.points.map((p) => ({ t: Date.parse(p.gnssTime), lat: p.gcj02.lat, lon: p.gcj02.lon }));
    this.stops = track.stops.map((s) => ({
      lat: s.place.gcj02.lat,
      lon: s.place.gcj02.lon,
      durationS: s.durationS,
    }));
  }

  /** The line drawn: today's track, then the live positions after its last point. */
  private line(): TrackPoint[] {
    const end = this.day.at(-1)?.t ?? Number.NEGATIVE_INFINITY;
    return [...this.day, ...this.live.filter((p) => p.t > end)];
  }

  draw(online: boolean, w: MapWording, tw: TrackWording, large: boolean): void {
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
    const line = this.line();
    const last = line.at(-1);
    if (!last) {
      drawGrid(svg, 0, 0, W, H);
      svgEl('text', { x: W / 2, y: H / 2, class: 'map-empty', 'text-anchor': 'middle' }, svg, w.empty);
      box.setAttribute('aria-label', w.emptyLabel);
      byId('map-note').textContent = '';
      return;
    }
    const { z, x0, y0, points } = frame([...line, ...this.stops], W, H, large ? 48 : 36);
    const tiles = tileTemplate();
    if (tiles) drawTiles(svg, tiles, z, { x0, y0, W, H });
    else drawGrid(svg, x0, y0, W, H);

    const path = points.slice(0, line.length);
    const [first] = path;
    if (first && path.length > 1) {
      const polyline = path.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
      svgEl('polyline', { points: polyline, class: 'track' }, svg);
      svgEl('circle', { cx: first[0], cy: first[1], r: 5, class: 'track-start' }, svg);
    }
    const [mx, my] = path.at(-1) ?? [W / 2, H / 2];
    drawStops(
      svg,
      points.slice(line.length),
      this.stops,
      (s) => tw.stopMark(s.durationS),
      large,
      [mx, my],
      W,
    );
    const pose = `translate(${mx.toFixed(1)} ${my.toFixed(1)}) rotate(${Math.round(this.heading)}) scale(${large ? 1.35 : 1})`;
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
    box.setAttribute('aria-label', w.label(last.lat, last.lon, this.heading));
    byId('map-note').textContent = w.note(line.length > 1);
  }
}
