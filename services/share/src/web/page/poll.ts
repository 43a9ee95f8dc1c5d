/// <reference lib="dom" />
/**
 * S7: polling the view every `refreshSeconds` with If-None-Match, for when
 * the stream cannot get through (a proxy that buffers or drops it) and
 * between stream attempts.
 */
import { LoginRequired, type ViewerApi } from './api.js';
import type { LiveHandlers } from './live.types.js';

export class Poller {
  private timer = 0;
  private active = false;

  constructor(
    private readonly api: ViewerApi,
    private readonly on: LiveHandlers,
    /** The ETag of the view shown. */
    private etag: string | null,
  ) {}

  get polling(): boolean {
    return this.active;
  }

  start(): void {
    if (this.active || this.on.isFinished()) return;
    this.active = true;
    this.schedule();
  }

  stop(): void {
    this.active = false;
    window.clearTimeout(this.timer);
  }

  /** Polls at once (the page became visible again), then on schedule. */
  async now(): Promise<void> {
    window.clearTimeout(this.timer);
    await this.once();
    this.schedule();
  }

  async once(): Promise<void> {
    if (this.on.isFinished()) return;
    try {
      const answer = await this.api.view(this.etag);
      if (answer.kind === 'unchanged') this.on.unchanged();
      else if (answer.kind === 'refused') this.on.end(answer.refusal);
      else if (answer.kind === 'failed') this.on.connection(true);
      else {
        this.etag = answer.etag;
        this.on.view(answer.view);
      }
    } catch (err) {
      if (err instanceof LoginRequired) this.on.end('login');
      else this.on.connection(true);
    }
  }

  private schedule(): void {
    window.clearTimeout(this.timer);
    if (!this.active || this.on.isFinished()) return;
    this.timer = window.setTimeout(() => void this.now(), this.on.refreshSeconds() * 1000);
  }
}
