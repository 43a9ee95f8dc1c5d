/// <reference lib="dom" />
/**
 * The family page (S2, S6, S7): gets a viewer token, claims the link, shows
 * the view and keeps it fresh; an ended, refused or unknown link ends the page
 * with a notice. Holds the page's state; the sections draw it.
 */
import type { TrackView, View } from '../../domain/view.schema.js';
import { LoginRequired, ViewerApi } from './api.js';
import { byId, debounce } from './dom.js';
import { setupLargeToggle } from './large-mode.js';
import { Live } from './live.js';
import { MapSection } from './map/map.js';
import { renderCertificates } from './sections/certificates.js';
import { renderClock } from './sections/clock.js';
import { EpisodeDetails } from './sections/episode-details.js';
import { EpisodesMarquee } from './sections/episodes.js';
import { renderFrame } from './sections/frame.js';
import { NoticeSection } from './sections/notice.js';
import { NotifySection } from './sections/notify.js';
import { renderTrackText } from './sections/track.js';
import { renderPlate, renderRefreshLine, renderVehicle } from './sections/vehicle.js';
import { TrackRefresh } from './track-refresh.js';
import { type NoticeKind, type Wording, wording } from './wording.js';

export class FamilyPage {
  private w: Wording;
  private view: View | null = null;
  private finished = false;
  private refreshSeconds = 30;
  private lastUpdateMs = 0;
  /** Views applied so far (also on #view's data-updates, for tests and debugging). */
  private updates = 0;
  private connectionProblem = false;
  private live: Live | null = null;
  /** X7: today's track, read on opening and every few minutes. */
  private track: TrackView | null = null;
  private trackRefresh: TrackRefresh | null = null;
  private readonly details = new EpisodeDetails();
  private readonly marquee = new EpisodesMarquee(this.details);
  private readonly map = new MapSection();
  private readonly notice = new NoticeSection();
  /** X8: the notification opt-in. */
  private readonly notify: NotifySection;

  constructor(
    private readonly shareToken: string | null,
    private large: boolean,
  ) {
    this.w = wording(large);
    this.notify = new NotifySection(this.w.notify);
    renderFrame(this.w);
    setupLargeToggle(large, (on) => this.setLarge(on));
    window.addEventListener(
      'resize',
      debounce(() => this.drawMap(), 150),
    );
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.live?.refreshNow();
    });
  }

  async start(): Promise<void> {
    try {
      await this.open();
    } catch (err) {
      if (err instanceof LoginRequired) return this.end('login');
      console.error(err);
      this.end('error');
    }
  }

  private async open(): Promise<void> {
    if (!this.shareToken) return this.end('invalid');
    const api = await ViewerApi.open(this.shareToken);
    if (!api) return this.end('login');
    const claimed = await api.claim();
    if (claimed.kind !== 'claimed') return this.end(claimed.kind === 'refused' ? claimed.refusal : 'error');
    renderPlate(claimed.claim);
    const first = await api.view();
    if (first.kind !== 'view') return this.end(first.kind === 'refused' ? first.refusal : 'error');
    this.apply(first.view);
    const pageUrl = `${window.location.origin}${window.location.pathname}`;
    void this.notify.load(api, { type: 'family-page', shareId: first.view.shareId, pageUrl });
    this.trackRefresh = new TrackRefresh(api, (t) => this.showTrack(t));
    void this.trackRefresh.start();
    this.live = new Live(
      api,
      {
        view: (v) => this.apply(v),
        unchanged: () => {
          this.lastUpdateMs = Date.now();
          this.setConnectionProblem(false);
        },
        end: (kind, message) => this.end(kind, message),
        connection: (problem) => this.setConnectionProblem(problem),
        isFinished: () => this.finished,
        refreshSeconds: () => this.refreshSeconds,
      },
      first.etag,
    );
    await this.live.run();
  }

  private apply(v: View): void {
    if (this.finished) return;
    this.view = v;
    if (v.refreshSeconds > 0) this.refreshSeconds = v.refreshSeconds;
    this.map.add(v.position);
    this.lastUpdateMs = Date.now();
    this.connectionProblem = false;
    byId('view').dataset.updates = String(++this.updates);
    byId('loading').hidden = true;
    byId('view').hidden = false;
    this.render();
  }

  private render(): void {
    const v = this.view;
    if (!v) return;
    renderPlate(v);
    renderVehicle(v, this.w.vehicle, Date.now());
    renderClock(v.clock, this.w.clock);
    this.marquee.render(v.episodes, this.w.episodes);
    renderCertificates(v.certificates, this.w.certificates);
    renderTrackText(this.track, this.w.track);
    this.drawMap();
    this.renderRefreshLine();
  }

  private drawMap(): void {
    if (this.view) this.map.draw(this.view.online, this.w.map, this.w.track, this.large);
  }

  private showTrack(track: TrackView): void {
    if (this.finished) return;
    this.track = track;
    this.map.setTrack(track);
    renderTrackText(track, this.w.track);
    this.drawMap();
  }

  private renderRefreshLine(): void {
    const { refreshSeconds, lastUpdateMs, connectionProblem } = this;
    renderRefreshLine({ refreshSeconds, lastUpdateMs, connectionProblem }, this.w.vehicle);
  }

  private setConnectionProblem(problem: boolean): void {
    this.connectionProblem = problem;
    if (this.view) this.renderRefreshLine();
  }

  private setLarge(large: boolean): void {
    this.large = large;
    this.w = wording(large);
    renderFrame(this.w);
    this.notify.setWording(this.w.notify);
    if (this.finished) this.notice.render(this.w.notices);
    else this.render();
  }

  /** Ends the page with a notice (S2, S6): no more streaming or polling. */
  private end(kind: NoticeKind, message: string | null = null): void {
    this.finished = true;
    this.live?.stop();
    this.trackRefresh?.stop();
    this.marquee.stop();
    this.details.close();
    this.notice.show(kind, message, this.w.notices);
  }
}
