/// <reference lib="dom" />
/** X2: the fixed words of page.html (titles, buttons), in the page's mode. */
import { byId } from '../dom.js';
import type { Wording } from '../wording.js';

export function renderFrame(w: Wording): void {
  byId('loading').textContent = w.vehicle.loading;
  byId('large-toggle-label').textContent = w.vehicle.largeToggle;
  byId('alerts-title').textContent = w.episodes.title;
  byId('alert-detail').textContent = w.episodes.detailButton;
  byId('dialog-title').textContent = w.episodes.dialogTitle;
  byId('dialog-close').textContent = w.episodes.close;
  byId('map-title').textContent = w.map.title;
  byId('certs-title').textContent = w.certificates.title;
  byId('notice-retry').textContent = w.notices.retry;
}
