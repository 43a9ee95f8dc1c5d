/// <reference lib="dom" />
/**
 * S2, S6: the full-page states that end the page: 车辆动态已结束 (ended),
 * claimed by someone else, unknown link, no permission, login needed, error.
 */
import { byId, svgEl } from '../dom.js';
import type { NoticeWording } from '../wording/notices.js';
import type { NoticeKind } from '../wording.js';

const ICONS: Record<NoticeKind, string> = {
  ended: 'stop',
  claimed: 'lock',
  invalid: '?',
  forbidden: 'lock',
  login: 'person',
  error: '!',
};

export class NoticeSection {
  private kind: NoticeKind = 'error';
  /** The server's own words (the stream's `ended` message), if any. */
  private message: string | null = null;

  constructor() {
    byId('notice-retry').addEventListener('click', () => window.location.reload());
  }

  show(kind: NoticeKind, message: string | null, w: NoticeWording): void {
    this.kind = kind;
    this.message = message;
    byId('loading').hidden = true;
    byId('view').hidden = true;
    this.render(w);
    byId('notice').hidden = false;
    byId('notice-title').focus();
  }

  render(w: NoticeWording): void {
    const n = w.notices[this.kind];
    const box = byId('notice');
    box.className = `notice notice-${this.kind}`;
    box.setAttribute('role', 'alert');
    drawIcon(byId('notice-icon'), ICONS[this.kind]);
    byId('notice-title').textContent = n.title;
    // The server's wording (e.g. "车辆动态已结束") is the title already; the text explains.
    byId('notice-text').textContent = this.message && this.message !== n.title ? this.message : n.text;
    byId('notice-retry').hidden = this.kind !== 'error';
  }
}

/** A small inline SVG icon (no icon font, no emoji font needed). */
function drawIcon(box: HTMLElement, icon: string): void {
  box.textContent = '';
  const svg = svgEl('svg', { viewBox: '0 0 48 48', width: 48, height: 48, focusable: 'false' }, box);
  if (icon === 'stop') svgEl('rect', { x: 14, y: 14, width: 20, height: 20, rx: 3, class: 'icon-fill' }, svg);
  else if (icon === 'lock') {
    svgEl('path', { d: 'M17,22 v-5 a7,7 0 0 1 14,0 v5', class: 'icon-stroke' }, svg);
    svgEl('rect', { x: 13, y: 22, width: 22, height: 15, rx: 3, class: 'icon-fill' }, svg);
  } else if (icon === 'person') {
    svgEl('circle', { cx: 24, cy: 18, r: 6, class: 'icon-fill' }, svg);
    svgEl('path', { d: 'M13,37 a11,10 0 0 1 22,0 Z', class: 'icon-fill' }, svg);
  } else svgEl('text', { x: 24, y: 33, 'text-anchor': 'middle', class: 'icon-text' }, svg, icon);
}
