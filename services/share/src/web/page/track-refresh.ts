/// <reference lib="dom" />
/**
 * X7: today's track, read when the page opens and again every 5 minutes: it
 * changes slowly (the live position moves the arrow every 30 s, S7), and the
 * service keeps each vehicle's track for a while anyway. A failed read keeps
 * the track shown; the view's own refusals end the page.
 */
import type { TrackView } from '../../domain/view.schema.js';
import type { ViewerApi } from './api.js';

export const TRACK_REFRESH_MS = 5 * 60_000;

export class TrackRefresh {
  private timer = 0;
  private stopped = false;

  constructor(
    private readonly api: ViewerApi,
    private readonly show: (track: TrackView) => void,
  ) {}

  async start(): Promise<void> {
    await this.load();
    // The page may have ended while the first read was under way.
    if (!this.stopped) this.timer = window.setInterval(() => void this.load(), TRACK_REFRESH_MS);
  }

  stop(): void {
    this.stopped = true;
    window.clearInterval(this.timer);
  }

  private async load(): Promise<void> {
    try {
      const track = await this.api.track();
      if (track && !this.stopped) this.show(track);
    } catch {
      // No track this time (a network error, a login needed): the page goes on with the last one.
    }
  }
}
