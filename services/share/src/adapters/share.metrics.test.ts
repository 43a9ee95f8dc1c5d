import type { Pool } from '@safewatch/common';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerShareMetrics } from './share.metrics.js';

async function activeShares(registry: Registry) {
  const m = (await registry.getMetricsAsJSON()).find((x) => x.name === 'share_active_shares');
  return Object.fromEntries((m?.values ?? []).map((v) => [String(v.labels.claimed), v.value]));
}

describe('share_active_shares', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts active shares by claimed, at most once per 30 s, and keeps the last count when Postgres fails', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-21T04:00:00Z') });
    const registry = new Registry();
    const answers: (() => unknown)[] = [
      () => ({ rows: [{ claimed: 2, unclaimed: 1 }] }),
      () => {
        throw new Error('connection refused');
      },
    ];
    const params: unknown[][] = [];
    const pool = {
      query: async (_sql: string, p: unknown[]) => {
        params.push(p);
        return (answers.shift() as () => unknown)();
      },
    } as unknown as Pool;
    const now = new Date('2026-11-21T04:00:00Z');
    registerShareMetrics(registry, pool, () => now);

    expect(await activeShares(registry)).toEqual({ true: 2, false: 1 });
    expect(params).toEqual([[now]]);
    expect(await activeShares(registry)).toEqual({ true: 2, false: 1 });
    expect(params).toHaveLength(1);
    vi.advanceTimersByTime(30_000);
    expect(await activeShares(registry)).toEqual({ true: 2, false: 1 });
    expect(params).toHaveLength(2);
  });
});
