import type { Logger, Pool } from '@safewatch/common';
import {
  type DueNotification,
  refuseEndpoint,
  type Settled,
  settle,
  takeDue,
} from '../adapters/notify.repo.js';
import type { PushMessage, WebPushSender, WebPushSubscription } from '../adapters/webpush.sender.js';
import type { SendOutcome, WechatSender } from '../adapters/wechat.sender.js';
import {
  type Channel,
  type NotifiableEvent,
  notificationText,
  wechatTemplateData,
} from '../domain/notify.rules.js';
import type { NotifyMetrics } from './notify.metrics.js';

/**
 * X8: sends the outbox. Each round takes the due notifications (a lease, so
 * several notifiers share the work and one that died leaves its rows to the
 * others), checks that each may still go out (share valid, consent and
 * address kept, channel not refused), sends them concurrently and records the
 * outcomes in one statement:
 * - sent → SENT;
 * - refused (WeChat 43101, push subscription gone) → FAILED, and the channel
 *   stops for that viewer until he opts in again;
 * - invalid (a parameter WeChat or the push service rejects) → FAILED;
 * - transient (network, rate limit, WeChat busy) → retried with exponential
 *   backoff (2 s, 4 s, … at most 5 min, ±20 %) up to `maxAttempts`, then FAILED.
 *
 * At most once per key: a key's row is taken by one notifier at a time, and
 * the outcomes are stored however long Postgres is away (tried again until it
 * takes them). The one case left is a notifier that dies after WeChat
 * accepted a message and before its SENT was stored (milliseconds): the
 * row's lease runs out and it is sent again, because a lost fatigue warning
 * is worse than a repeated one.
 * For Web Push the resend carries the same Topic, so a copy not yet delivered
 * is replaced at the push service.
 */
export interface OutboxSenderOptions {
  pool: Pool;
  logger: Logger;
  metrics: NotifyMetrics;
  wechat?: { sender: WechatSender; page: string };
  webPush?: { sender: WebPushSender; publicBaseUrl: string };
  now?: () => number;
  /** How long a taken notification is this notifier's (longer than a send with its retries). */
  leaseMs: number;
  maxAttempts: number;
  /** Sends in flight at once. */
  concurrency: number;
  /** When idle, how often to look for due notifications (a new one wakes the sender at once). */
  pollMs?: number;
}

const BACKOFF_FIRST_MS = 2_000;
const BACKOFF_MAX_MS = 5 * 60_000;

export function backoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export class OutboxSender {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private kicked = false;

  constructor(private readonly opts: OutboxSenderOptions) {}

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loop;
  }

  /** New notifications were stored: look now rather than at the next poll. */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let took = 0;
      try {
        took = await this.round();
      } catch (err) {
        this.opts.logger.warn(
          { err: err instanceof Error ? err.message : String(err) },
          'notification round failed',
        );
      }
      if (took >= this.opts.concurrency || !this.running) continue;
      if (this.kicked) {
        this.kicked = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, this.opts.pollMs ?? 500);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = undefined;
      this.kicked = false;
    }
  }

  /** One round: take, send, settle. Returns how many were taken. */
  async round(): Promise<number> {
    const due = await takeDue(this.opts.pool, this.now(), this.opts.leaseMs, this.opts.concurrency);
    if (due.length === 0) return 0;
    const settled = await Promise.all(due.map((n) => this.deliver(n)));
    await this.record(settled);
    return due.length;
  }

  /**
   * Stores the outcomes, trying again until Postgres takes them: a sent message whose SENT
   * was not stored would be sent again once its lease ran out. Only this process dying
   * leaves that window open.
   */
  private async record(settled: Settled[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await settle(this.opts.pool, settled);
        return;
      } catch (err) {
        if (attempt % 20 === 0)
          this.opts.logger.warn(
            { err: err instanceof Error ? err.message : String(err), notifications: settled.length },
            'could not store the outcome of sent notifications; trying again',
          );
        await new Promise((r) => setTimeout(r, Math.min(5_000, 200 * 2 ** Math.min(attempt, 5))));
      }
    }
  }

  private async deliver(n: DueNotification): Promise<Settled> {
    const { metrics } = this.opts;
    const base = { key: n.key, attempts: n.attempts };
    const drop = (error: string): Settled => {
      metrics.dropped.inc({ channel: n.channel, reason: error });
      return { ...base, state: 'DROPPED', error };
    };
    if (!n.shareValid) return drop('SHARE_ENDED');
    if (!n.address) return drop('NO_ADDRESS');
    if (!n.consented) return drop('NO_CONSENT');
    if (n.refused) return drop('REFUSED');
    const outcome = await this.send(n.channel, n, n.address);
    const atMs = this.now();
    if (outcome.ok) {
      metrics.sent.inc({ channel: n.channel, kind: n.kind });
      metrics.latency.observe({ channel: n.channel }, Math.max(0, atMs - n.heardAtMs) / 1000);
      return { ...base, state: 'SENT', atMs };
    }
    metrics.failed.inc({ channel: n.channel, reason: outcome.kind });
    const error = `${outcome.kind} ${outcome.code} ${outcome.reason}`.slice(0, 200);
    if (outcome.kind === 'REFUSED') {
      await refuseEndpoint(this.opts.pool, n.shareId, n.channel, error, atMs);
      return { ...base, state: 'FAILED', error };
    }
    if (outcome.kind === 'INVALID' || n.attempts >= this.opts.maxAttempts) {
      if (outcome.kind === 'TRANSIENT') metrics.failed.inc({ channel: n.channel, reason: 'GAVE_UP' });
      this.opts.logger.warn(
        { channel: n.channel, kind: n.kind, attempts: n.attempts, error },
        'notification failed',
      );
      return { ...base, state: 'FAILED', error };
    }
    return { ...base, state: 'PENDING', nextAtMs: atMs + backoffMs(n.attempts), error };
  }

  private async send(
    channel: Channel,
    n: DueNotification,
    address: Record<string, unknown>,
  ): Promise<SendOutcome> {
    const event: NotifiableEvent = {
      kind: n.kind,
      episodeId: n.episodeId,
      plateNumber: n.message.plateNumber,
      atMs: n.eventAtMs,
      placeText: n.message.placeText,
    };
    if (channel === 'WECHAT') {
      const wechat = this.opts.wechat;
      const openId = typeof address.openId === 'string' ? address.openId : '';
      if (!wechat) return { ok: false, kind: 'INVALID', code: 0, reason: 'WeChat is not configured' };
      if (!n.templateId || !openId)
        return { ok: false, kind: 'INVALID', code: 0, reason: 'no template or openid' };
      return wechat.sender.send({
        openId,
        templateId: n.templateId,
        page: `${wechat.page}?shareId=${n.shareId}`,
        data: wechatTemplateData(event),
      });
    }
    const push = this.opts.webPush;
    if (!push) return { ok: false, kind: 'INVALID', code: 0, reason: 'Web Push is not configured' };
    const text = notificationText(event);
    const message: PushMessage = { ...text, url: `${push.publicBaseUrl}/s/?share=${n.shareId}` };
    return push.sender.send(address as unknown as WebPushSubscription, message, {
      idempotencyKey: n.key,
      urgency: n.kind === 'OFFLINE' ? 'normal' : 'high',
    });
  }
}
