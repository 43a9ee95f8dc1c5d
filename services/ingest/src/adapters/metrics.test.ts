import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { ChunkResult } from '../usecases/ingest-chunk.usecase.js';
import { IngestMetrics, MAX_PLATFORM_LABELS } from './metrics.js';

const result = (byPlatform: Map<string, number>): ChunkResult => ({
  messages: 1,
  positions: 0,
  accepted: 0,
  rejected: {},
  duplicatesInChunk: 0,
  duplicatesStored: 0,
  lastPositionsMoved: 0,
  byPlatform,
});

async function byPlatform(registry: Registry) {
  const m = (await registry.getMetricsAsJSON()).find((x) => x.name === 'ingest_platform_positions_total');
  return Object.fromEntries((m?.values ?? []).map((v) => [String(v.labels.platform), v.value]));
}

describe('IngestMetrics per platform', () => {
  it('counts positions and stamps the last sighting of each platform', async () => {
    const registry = new Registry();
    const metrics = new IngestMetrics(registry);
    const before = Date.now() / 1000;
    metrics.record(
      result(
        new Map([
          ['plat-01', 3],
          ['', 2],
        ]),
      ),
    );
    metrics.record(result(new Map([['plat-01', 4]])));
    expect(await byPlatform(registry)).toEqual({ 'plat-01': 7, none: 2 });
    const seen = (await registry.getMetricsAsJSON()).find(
      (x) => x.name === 'ingest_platform_last_seen_timestamp_seconds',
    );
    for (const v of seen?.values ?? []) expect(v.value).toBeGreaterThanOrEqual(before);
  });

  it('caps the platform labels: ids past the limit count as "other"', async () => {
    const registry = new Registry();
    const metrics = new IngestMetrics(registry);
    const ids = Array.from({ length: MAX_PLATFORM_LABELS + 5 }, (_, i) => [`p-${i}`, 1] as const);
    metrics.record(result(new Map(ids)));
    const counts = await byPlatform(registry);
    expect(Object.keys(counts)).toHaveLength(MAX_PLATFORM_LABELS + 1);
    expect(counts.other).toBe(5);
  });
});
