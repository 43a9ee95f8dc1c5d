/**
 * S7: keeps the view fresh. The stream first; after 3 attempts in a row
 * without a frame, polling takes over and the stream is tried again every
 * 5 minutes. Between failed attempts the view is polled once, so that nothing
 * goes stale while the stream reconnects.
 */
import type { View } from '../../domain/view.schema.js';
import type { ViewerApi } from './api.js';
import { sleep } from './dom.js';
import type { LiveHandlers } from './live.types.js';
import { Poller } from './poll.js';
import { StreamConnection } from './stream.js';

const STREAM_MAX_FAILURES = 3;
const STREAM_RETRY_WHILE_POLLING_MS = 5 * 60_000;

export class Live {
  private readonly poller: Poller;
  private readonly stream: StreamConnection;

  constructor(
    api: ViewerApi,
    private readonly on: LiveHandlers,
    etag: string | null,
  ) {
    this.poller = new Poller(api, on, etag);
    // A frame means the stream gets through again: polling stops.
    const onFrame: LiveHandlers = {
      ...on,
      view: (view: View) => {
        this.poller.stop();
        on.view(view);
      },
    };
    this.stream = new StreamConnection(api, onFrame);
  }

  async run(): Promise<void> {
    let failures = 0;
    while (!this.on.isFinished()) {
      const outcome = await this.stream.once();
      if (this.on.isFinished() || outcome === 'final') return;
      failures = outcome === 'delivered' ? 0 : failures + 1;
      if (failures >= STREAM_MAX_FAILURES) {
        this.poller.start();
        await sleep(STREAM_RETRY_WHILE_POLLING_MS);
        failures = STREAM_MAX_FAILURES - 1;
        continue;
      }
      if (failures > 0) {
        this.on.connection(true);
        await this.poller.once();
      }
      await sleep(Math.min(30_000, 1000 * 2 ** failures));
    }
  }

  /** The page became visible again: a polling page polls at once. */
  refreshNow(): void {
    if (this.poller.polling && !this.on.isFinished()) void this.poller.now();
  }

  stop(): void {
    this.poller.stop();
    this.stream.close();
  }
}
