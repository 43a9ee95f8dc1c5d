import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { ConsumerMetrics } from './consumer-metrics.js';

async function samples(registry: Registry, name: string) {
  const m = (await registry.getMetricsAsJSON()).find((x) => x.name === name);
  return (m?.values ?? []).map((v) => ({ labels: v.labels, value: v.value }));
}

describe('ConsumerMetrics', () => {
  it('reports the backlog of a fetched batch, then what is left after each commit, and counts the messages', async () => {
    const registry = new Registry();
    const m = new ConsumerMetrics(registry, 'alerts', 'positions.accepted');
    const labels = { group: 'alerts', topic: 'positions.accepted', partition: '3' };
    m.batchStarted(3, '1000', '900');
    expect(await samples(registry, 'kafka_consumer_lag')).toEqual([{ labels, value: 100 }]);
    m.committed(3, '1000', '949');
    m.committed(3, '1000', '999');
    expect(await samples(registry, 'kafka_consumer_lag')).toEqual([{ labels, value: 0 }]);
    expect(await samples(registry, 'kafka_consumer_messages_total')).toEqual([
      { labels: { group: 'alerts', topic: 'positions.accepted' }, value: 100 },
    ]);
  });

  it('exports a zero message count before the first message, and shares the metrics between consumers', async () => {
    const registry = new Registry();
    new ConsumerMetrics(registry, 'share-bindings', 'bindings.events');
    new ConsumerMetrics(registry, 'share-alerts', 'alerts');
    expect(await samples(registry, 'kafka_consumer_messages_total')).toEqual([
      { labels: { group: 'share-bindings', topic: 'bindings.events' }, value: 0 },
      { labels: { group: 'share-alerts', topic: 'alerts' }, value: 0 },
    ]);
  });

  it('forgets the lag of partitions lost in a rebalance', async () => {
    const registry = new Registry();
    const m = new ConsumerMetrics(registry, 'ingest', 'positions.raw');
    m.batchStarted(0, '10', '5');
    m.batchStarted(1, '10', '2');
    m.assigned([1]);
    expect((await samples(registry, 'kafka_consumer_lag')).map((s) => [s.labels.partition, s.value])).toEqual(
      [['1', 8]],
    );
  });
});
