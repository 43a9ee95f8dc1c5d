import type { Pool } from '@safewatch/common';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { queuedCount } from '../adapters/notify.repo.js';

/** X8 metrics of the notifier (`share_notify_*`). */
export interface NotifyMetrics {
  sent: Counter<'channel' | 'kind'>;
  /** Every failed attempt, by outcome: REFUSED, INVALID, TRANSIENT; GAVE_UP once retries ran out. */
  failed: Counter<'channel' | 'reason'>;
  /** Taken but not sent: the share ended, consent or address gone, channel refused. */
  dropped: Counter<'channel' | 'reason'>;
  /** Viewer and event pairs not queued (not opted in, cooldown, stale, …) and redeliveries. */
  skipped: Counter<'reason'>;
  queuedTotal: Counter<'kind'>;
  /** From the alert's (or clock event's) publication to WeChat's or the push service's answer. */
  latency: Histogram<'channel'>;
}

/** The outbox's waiting count is read from Postgres at most this often, whatever the scrape rate. */
const QUEUED_REFRESH_MS = 5_000;

export function registerNotifyMetrics(registry: Registry, pool: Pool): NotifyMetrics {
  let queued = 0;
  let countedAt = Number.NEGATIVE_INFINITY;
  new Gauge({
    name: 'share_notify_queued',
    help: 'Notifications waiting to be sent or being sent (outbox PENDING and SENDING)',
    registers: [registry],
    async collect() {
      if (Date.now() - countedAt >= QUEUED_REFRESH_MS) {
        countedAt = Date.now();
        // A failed count keeps the last value: a throwing collect would fail the whole scrape.
        queued = await queuedCount(pool).catch(() => queued);
      }
      this.set(queued);
    },
  });
  return {
    sent: new Counter({
      name: 'share_notify_sent_total',
      help: 'Notifications delivered to WeChat or the push service, by channel and kind',
      labelNames: ['channel', 'kind'],
      registers: [registry],
    }),
    failed: new Counter({
      name: 'share_notify_failed_total',
      help: 'Failed send attempts by reason (REFUSED, INVALID, TRANSIENT); GAVE_UP when retries ran out',
      labelNames: ['channel', 'reason'],
      registers: [registry],
    }),
    dropped: new Counter({
      name: 'share_notify_dropped_total',
      help: 'Queued notifications not sent because the share ended, consent or address is gone, or the channel was refused',
      labelNames: ['channel', 'reason'],
      registers: [registry],
    }),
    skipped: new Counter({
      name: 'share_notify_skipped_total',
      help: 'Viewer and event pairs not queued, by reason (NOT_OPTED_IN, COOLDOWN, STALE, …; ALREADY_QUEUED for a redelivery)',
      labelNames: ['reason'],
      registers: [registry],
    }),
    queuedTotal: new Counter({
      name: 'share_notify_queued_total',
      help: 'Notifications stored in the outbox, by kind',
      labelNames: ['kind'],
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'share_notify_latency_seconds',
      help: 'From the alert or clock event published to the notification accepted by WeChat or the push service',
      labelNames: ['channel'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
  };
}
