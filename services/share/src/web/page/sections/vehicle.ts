/// <reference lib="dom" />
/** S6, S7, X5: the vehicle card (plate, 在线/离线, speed, heading, place in words, fix time) and the refresh line. */
import type { View } from '../../../domain/view.schema.js';
import type { Claim } from '../api.js';
import { byId } from '../dom.js';
import { clock } from '../format.js';
import type { VehicleWording } from '../wording/vehicle.js';
import { PLATE_COLORS } from '../wording.js';

export function renderPlate(share: Claim): void {
  const plate = byId('plate');
  plate.textContent = share.plateNumber;
  plate.className = `plate plate-c${share.plateColor}`;
  byId('plate-color').textContent = PLATE_COLORS[share.plateColor] ?? '';
}

export function renderVehicle(view: View, w: VehicleWording, nowMs: number): void {
  const badge = byId('badge');
  badge.textContent = view.online ? w.online : w.offline;
  badge.className = `badge ${view.online ? 'badge-online' : 'badge-offline'}`;
  byId('speed-label').textContent = w.speedLabel;
  byId('heading-label').textContent = w.headingLabel;
  byId('fix-label').textContent = w.fixLabel;
  byId('place-label').textContent = w.placeLabel;
  const p = view.position;
  byId('speed').textContent = p ? w.speed(p.speedKmh) : '—';
  byId('heading').textContent = p ? w.heading(p.headingDeg, p.speedKmh) : '—';
  byId('fix-time').textContent = p ? w.fixTime(Date.parse(p.gnssTime), nowMs) : w.noFix;
  // X5: the place in words; without one (no describer), the coordinates the map also gives.
  byId('place-text').textContent = p
    ? (p.text ?? `${p.gcj02.lat.toFixed(4)}, ${p.gcj02.lon.toFixed(4)}`)
    : '—';
  const note = byId('offline-note');
  note.hidden = view.online;
  note.textContent = view.online ? '' : w.offlineNote(p !== null);
}

export interface Freshness {
  refreshSeconds: number;
  /** When the view was last confirmed current (a frame, a poll, a 304). */
  lastUpdateMs: number;
  connectionProblem: boolean;
}

export function renderRefreshLine(f: Freshness, w: VehicleWording): void {
  const line = byId('updated');
  line.classList.toggle('warn', f.connectionProblem);
  line.textContent = f.connectionProblem
    ? w.reconnecting
    : w.refreshed(f.refreshSeconds, f.lastUpdateMs ? clock(f.lastUpdateMs) : '');
}
