/// <reference lib="dom" />
/**
 * S6, S10: the episodes marquee (走马灯): one item per speeding or fatigue
 * episode, newest first, turning every 4.5 s (paused while touched, focused
 * or while 详情 is open). A new episode (by its episodeId, so an episode that
 * ends is not new) is announced to screen readers and shown first.
 */
import type { EpisodeView } from '../../../domain/view.schema.js';
import { byId, el } from '../dom.js';
import { clock } from '../format.js';
import type { EpisodeWording } from '../wording/episodes.js';
import type { EpisodeDetails } from './episode-details.js';

const MARQUEE_MS = 4500;

/** One item per episode, whatever the list holds (the view gives one already). */
export function uniqueEpisodes(list: readonly EpisodeView[]): EpisodeView[] {
  const byEpisode = new Map<string, EpisodeView>();
  for (const e of list) if (!byEpisode.has(e.episodeId)) byEpisode.set(e.episodeId, e);
  return [...byEpisode.values()];
}

/** The chip of an episode: the platform's report (A4), else its kind, red while ongoing (a pre-warning amber). */
export function episodeChip(e: EpisodeView, w: EpisodeWording): HTMLElement {
  if (e.platformOnly) return el('span', 'chip chip-platform', w.platformChip);
  const ongoing = e.kind === 'FATIGUE_PRE_WARNING' ? 'chip-warn' : 'chip-alert';
  return el('span', `chip ${e.state === 'ONGOING' ? ongoing : 'chip-done'}`, w.kindChip(e));
}

export class EpisodesMarquee {
  private episodes: EpisodeView[] = [];
  private index = 0;
  private timer = 0;
  private paused = false;
  private firstRender = true;
  private readonly seen = new Set<string>();
  private w: EpisodeWording | null = null;

  constructor(private readonly details: EpisodeDetails) {
    const marquee = byId('marquee');
    const pause = (paused: boolean) => () => {
      this.paused = paused;
    };
    marquee.addEventListener('mouseenter', pause(true));
    marquee.addEventListener('mouseleave', pause(false));
    marquee.addEventListener('focusin', pause(true));
    marquee.addEventListener('focusout', pause(false));
    byId('alert-detail').addEventListener('click', () => {
      if (this.w) this.details.open(this.episodes, this.index, this.w);
    });
  }

  render(list: readonly EpisodeView[], w: EpisodeWording): void {
    this.w = w;
    this.episodes = uniqueEpisodes(list);
    const fresh = this.episodes.filter((e) => !this.seen.has(e.episodeId));
    for (const e of this.episodes) this.seen.add(e.episodeId);
    const newest = fresh[0];
    if (newest && !this.firstRender) {
      byId('alert-announcer').textContent = w.announce(newest);
      this.index = this.episodes.indexOf(newest);
    }
    this.firstRender = false;
    byId('marquee').hidden = this.episodes.length === 0;
    const empty = byId('alerts-empty');
    empty.hidden = this.episodes.length > 0;
    empty.textContent = w.empty;
    if (this.index >= this.episodes.length) this.index = 0;
    this.show(false);
    window.clearInterval(this.timer);
    if (this.episodes.length > 1) this.timer = window.setInterval(() => this.turn(), MARQUEE_MS);
    if (this.details.isOpen) this.details.refresh(this.episodes, w);
  }

  stop(): void {
    window.clearInterval(this.timer);
  }

  private turn(): void {
    if (this.paused || this.details.isOpen || this.episodes.length === 0) return;
    this.index = (this.index + 1) % this.episodes.length;
    this.show(true);
  }

  private show(animate: boolean): void {
    const text = byId('marquee-text');
    text.textContent = '';
    const e = this.episodes[this.index];
    const w = this.w;
    if (!e || !w) return;
    text.append(
      episodeChip(e, w),
      el('span', 'marquee-time', clock(Date.parse(e.startedAt))),
      el('span', 'marquee-body', w.summary(e)),
    );
    if (this.episodes.length > 1)
      text.append(el('span', 'marquee-count', `${this.index + 1}/${this.episodes.length}`));
    text.dataset.episodeId = e.episodeId;
    byId('alert-detail').setAttribute('aria-label', w.detailLabel(e));
    if (animate) {
      text.classList.remove('enter');
      void text.offsetWidth;
      text.classList.add('enter');
    }
  }
}
