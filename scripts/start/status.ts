/**
 * `npm start`'s line of live counts, every few seconds: from ingest's and
 * alerts' /metrics (read with testkit's Prometheus text reader), the current
 * bindings in Postgres, and what the WeChat stand-in was sent.
 */
import type { Pool } from '@safewatch/common';
import { MetricsText, scrapeMetrics } from '../../packages/testkit/src/metrics-text.js';
import type { NotificationCounts } from './families.js';

export interface StatusSources {
  /** Base URLs of the services whose /metrics are read. */
  ingest: string;
  alerts: string;
  /** Current bindings; undefined when Postgres does not answer. */
  currentBindings: () => Promise<number | undefined>;
  notifications: () => NotificationCounts;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Prints a status line through `say` every `everyMs`. */
export function printStatusEvery(everyMs: number, sources: StatusSources, say: (line: string) => void) {
  let previous = 0;
  let previousAt = Date.now();
  return setInterval(async () => {
    const ingest = await scrapeMetrics(sources.ingest).catch(() => undefined);
    if (!ingest) return;
    const consumed = ingest.sum('ingest_positions_consumed_total');
    const now = Date.now();
    const rate = ((consumed - previous) * 1000) / (now - previousAt);
    previous = consumed;
    previousAt = now;
    const rejected = ingest.by('ingest_positions_rejected_total', 'reason');
    const reasons = [...rejected]
      .filter(([r]) => r !== '')
      .map(([r, n]) => `${r} ${fmt(n)}`)
      .join(', ');
    const current = await sources.currentBindings();
    const alerts = await scrapeMetrics(sources.alerts).catch(() => new MetricsText(''));
    const raised = alerts.by('alerts_raised_total', 'kind');
    const byKind = (prefix: string) =>
      [...raised].filter(([k]) => k.startsWith(prefix)).reduce((n, [, v]) => n + v, 0);
    const notified = sources.notifications();
    const kinds = ['PRE_WARNING', 'FATIGUE', 'SPEEDING', 'OFFLINE']
      .map((k) => `${k.toLowerCase().replace('_', '-')} ${fmt(notified.byKind.get(k) ?? 0)}`)
      .join(', ');
    say(
      `${new Date().toISOString().slice(11, 19)} positions consumed ${fmt(consumed)} (${fmt(rate)}/s) · accepted ${fmt(ingest.sum('ingest_positions_accepted_total'))} · ` +
        `rejected ${fmt(ingest.sum('ingest_positions_rejected_total'))}${reasons ? ` (${reasons})` : ''} · duplicates ${fmt(ingest.sum('ingest_positions_duplicate_total'))} · lag ${fmt(ingest.sum('ingest_consumer_lag'))}` +
        (current === undefined ? '' : ` · bindings ${fmt(current)} current`) +
        ` · alerts: speeding ${fmt(byKind('SPEEDING'))}, fatigue ${fmt(byKind('FATIGUE'))}, certificates ${fmt(byKind('QUALIFICATION') + byKind('TRANSPORT'))}` +
        ` · notifications ${fmt(notified.total)} (${kinds}), duplicates ${fmt(notified.duplicates)}`,
    );
  }, everyMs);
}

/** Counts current bindings with `pool`; undefined when Postgres does not answer. */
export function currentBindingsCounter(pool: Pool): () => Promise<number | undefined> {
  return () =>
    pool.query<{ n: number }>('SELECT count(*)::int AS n FROM bindings WHERE unbound_at IS NULL').then(
      (r) => r.rows[0]?.n,
      () => undefined,
    );
}
