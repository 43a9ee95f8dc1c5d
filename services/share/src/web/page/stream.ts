/// <reference lib="dom" />
/**
 * S7: one connection to the view stream (Server-Sent Events read with fetch,
 * so that it carries the Authorization header, which EventSource cannot).
 * `view` frames are views; `ended` ends the page. No byte for 45 s (a frame
 * or the 15 s heartbeat): the connection is given up.
 */
import type { View } from '../../domain/view.schema.js';
import { LoginRequired, type ViewerApi } from './api.js';
import type { LiveHandlers } from './live.types.js';
import { type SseEvent, sseParser } from './sse.js';

const STREAM_IDLE_MS = 45_000;

/** 'delivered' if any frame came, 'failed' if none, 'final' when the page is done. */
export type StreamOutcome = 'delivered' | 'failed' | 'final';

export class StreamConnection {
  /** Sent back as Last-Event-ID, so that a reconnection resumes with a frame at once. */
  private lastEventId: string | null = null;
  private current: AbortController | null = null;

  constructor(
    private readonly api: ViewerApi,
    private readonly on: LiveHandlers,
  ) {}

  close(): void {
    this.current?.abort();
  }

  async once(): Promise<StreamOutcome> {
    const ctrl = new AbortController();
    this.current = ctrl;
    let idle = 0;
    const kick = () => {
      window.clearTimeout(idle);
      idle = window.setTimeout(() => ctrl.abort(), STREAM_IDLE_MS);
    };
    let delivered = false;
    const outcome = (): StreamOutcome =>
      this.on.isFinished() ? 'final' : delivered ? 'delivered' : 'failed';
    try {
      kick();
      const answer = await this.api.stream(this.lastEventId, ctrl.signal);
      if (answer.kind === 'refused') {
        this.on.end(answer.refusal);
        return 'final';
      }
      if (answer.kind === 'failed') return 'failed';
      const reader = answer.body.getReader();
      const decoder = new TextDecoder();
      const parse = sseParser((e) => {
        if (this.handle(e)) delivered = true;
      });
      for (;;) {
        const { value, done } = await reader.read();
        if (done || this.on.isFinished()) break;
        kick();
        parse(decoder.decode(value, { stream: true }));
      }
      return outcome();
    } catch (err) {
      if (!(err instanceof LoginRequired)) return outcome();
      this.on.end('login');
      return 'final';
    } finally {
      window.clearTimeout(idle);
      if (this.current === ctrl) this.current = null;
    }
  }

  /** True when the event was one of ours. */
  private handle(e: SseEvent): boolean {
    if (e.id !== null) this.lastEventId = e.id;
    let body: unknown;
    try {
      body = JSON.parse(e.data);
    } catch {
      return false;
    }
    if (e.event === 'view' && typeof body === 'object' && body !== null) {
      this.on.view(body as View);
      return true;
    }
    if (e.event === 'ended') {
      const message = (body as { message?: unknown } | null)?.message;
      this.on.end('ended', typeof message === 'string' ? message : null);
      return true;
    }
    return false;
  }
}
