import type { Pool } from '@safewatch/common';
import { Gauge, type Registry } from 'prom-client';

/** The count is a table scan of the active shares: at most once per this long, whatever the scrape rate. */
const REFRESH_MS = 30_000;

/**
 * `share_active_shares{claimed}`: shares not ended and not expired, claimed by
 * their viewer or not yet. Read from Postgres at scrape time (every instance
 * reports the same totals: aggregate with max, not sum). A failed count keeps
 * the last value: a throwing collect would fail the whole scrape.
 */
export function registerShareMetrics(registry: Registry, pool: Pool, now: () => Date): void {
  let counts: { claimed: number; unclaimed: number } | undefined;
  let countedAt = Number.NEGATIVE_INFINITY;
  new Gauge<'claimed'>({
    name: 'share_active_shares',
    help: 'Active shares (not ended, not expired), by whether a viewer has claimed the link',
    labelNames: ['claimed'],
    registers: [registry],
    async collect() {
      const t = Date.now();
      if (t - countedAt >= REFRESH_MS) {
        countedAt = t;
        try {
          const r = await pool.query<{ claimed: number; unclaimed: number }>(
            `SELECT count(*) FILTER (WHERE claimed_by IS NOT NULL)::int AS claimed,
                    count(*) FILTER (WHERE claimed_by IS NULL)::int AS unclaimed
               FROM shares WHERE ended_at IS NULL AND expires_at > $1`,
            [now()],
          );
          counts = r.rows[0];
        } catch {
          // Postgres trouble shows in the readiness and error metrics; keep the last count.
        }
      }
      if (!counts) return;
      this.set({ claimed: 'true' }, counts.claimed);
      this.set({ claimed: 'false' }, counts.unclaimed);
    },
  });
}
