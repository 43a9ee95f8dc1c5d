/// <reference lib="dom" />
/**
 * S6, S10, A4, X1: 详情, the episodes in a dialog: the tapped one first, then
 * the others. Each says its state, times (China time), figures, who found it
 * (a platform-only flag is labelled as the platform's report, with the plain
 * sentence), and for fatigue the rest stops ahead with their distance.
 */
import type { EpisodeView, RestStopView } from '../../../domain/view.schema.js';
import { byId, el } from '../dom.js';
import type { EpisodeWording } from '../wording/episodes.js';
import { episodeChip } from './episodes.js';

export class EpisodeDetails {
  private readonly dialog = byId<HTMLDialogElement>('alert-dialog');
  /** The episode shown first, kept while the list refreshes under the open dialog. */
  private currentId: string | null = null;

  constructor() {
    byId('dialog-close').addEventListener('click', () => this.close());
    this.dialog.addEventListener('click', (e) => {
      if (e.target === this.dialog) this.close();
    });
  }

  get isOpen(): boolean {
    return this.dialog.open;
  }

  open(episodes: readonly EpisodeView[], index: number, w: EpisodeWording): void {
    const current = episodes[index];
    if (!current) return;
    this.currentId = current.episodeId;
    this.fill(episodes, w);
    if (!this.dialog.open) this.dialog.showModal();
    byId('dialog-body').scrollTop = 0;
    byId('dialog-close').focus();
  }

  /** A new view (or mode) while open: the same episode first, with its new figures. */
  refresh(episodes: readonly EpisodeView[], w: EpisodeWording): void {
    if (this.dialog.open) this.fill(episodes, w);
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
  }

  private fill(episodes: readonly EpisodeView[], w: EpisodeWording): void {
    const current = episodes.find((e) => e.episodeId === this.currentId);
    const order = current ? [current, ...episodes.filter((e) => e !== current)] : [...episodes];
    const body = byId('dialog-body');
    body.textContent = '';
    const nowMs = Date.now();
    for (const e of order) body.append(detail(e, e === current, w, nowMs));
  }
}

function detail(e: EpisodeView, current: boolean, w: EpisodeWording, nowMs: number): HTMLElement {
  const art = el('article', `alert-detail${current ? ' current' : ''}${e.platformOnly ? ' platform' : ''}`);
  art.dataset.episodeId = e.episodeId;
  const chips = el('span', 'chips');
  if (e.platformOnly) chips.append(episodeChip(e, w));
  chips.append(el('span', `chip ${e.state === 'ONGOING' ? 'chip-alert' : 'chip-done'}`, w.stateChip(e)));
  const h = el('h3', '', w.detailTitle(e));
  h.append(chips);
  const dl = el('dl', 'detail-rows');
  for (const [label, value] of w.rows(e, nowMs)) {
    const row = el('div');
    row.append(el('dt', '', label), el('dd', '', value));
    dl.append(row);
  }
  const source = el('p', `source${e.platformOnly ? ' source-platform' : ''}`);
  source.append(el('span', 'source-label', `${w.sourceLabel}：`), el('span', 'source-text', e.sourceText));
  art.append(h, source, dl);
  if (e.kind !== 'SPEEDING' && e.restStops.length) {
    const ul = el('ul', 'rest-stops');
    for (const s of e.restStops) ul.append(restStop(s, w));
    art.append(el('h4', '', w.restStopsTitle(e)), ul);
  }
  return art;
}

function restStop(s: RestStopView, w: EpisodeWording): HTMLElement {
  const li = el('li');
  const services = s.services.length ? `：${s.services.join('、')}` : '';
  li.append(
    el('span', 'stop-name', s.name || w.restStopType('OTHER')),
    el('span', 'stop-distance', w.restStopDistance(s.distanceM)),
    el('span', 'stop-meta', `${w.restStopType(s.type)}${services}`),
  );
  return li;
}
