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

  it('with a checkpoint: the lag follows processing, the count the commits, each message counted once', async () => {
    const registry = new Registry();
    const m = new ConsumerMetrics(registry, 'alerts', 'positions.accepted');
    const lag = async () => (await samples(registry, 'kafka_consumer_lag'))[0]?.value;
    const count = async () => (await samples(registry, 'kafka_consumer_messages_total'))[0]?.value;
    m.batchStarted(0, '1000', '0');
    m.processed(0, '1000', '499');
    expect(await lag()).toBe(500);
    m.batchStarted(0, '1000', '500');
    m.processed(0, '1000', '799');
    expect(await lag()).toBe(200);
    // One checkpoint commits both batches.
    m.committed(0, '1000', '799');
    expect(await count()).toBe(800);
    m.processed(0, '1000', '899');
    // A commit that trails processing leaves the lag as processing left it.
    m.committed(0, '1000', '849');
    expect(await lag()).toBe(100);
    expect(await count()).toBe(850);
    // Redelivered from the last commit (after a dropped checkpoint): not counted twice.
    m.batchStarted(0, '1000', '850');
    m.committed(0, '1000', '899');
    expect(await count()).toBe(900);
  });
});
