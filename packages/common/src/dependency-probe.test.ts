import type { Kafka } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { dependencyProbe } from './dependency-probe.js';
import { Readiness } from './ops-server.js';

/** A Kafka client whose metadata request answers, fails or hangs as the test says. */
function fakeKafka() {
  let mode: 'up' | 'hang' | 'down' = 'up';
  let release: (() => void) | undefined;
  const kafka = {
    admin: () => ({
      connect: async () => undefined,
      disconnect: async () => undefined,
      describeCluster: () => {
        if (mode === 'down') return Promise.reject(new Error('connection refused'));
        if (mode === 'hang') return new Promise<void>((resolve) => (release = resolve));
        return Promise.resolve({ brokers: [], controller: null, clusterId: 'c' });
      },
    }),
  } as unknown as Kafka;
  return {
    kafka,
    set(m: typeof mode) {
      mode = m;
      if (m === 'up') release?.();
    },
  };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond()).toBe(true);
};

describe('dependencyProbe: kafka', () => {
  it('takes kafka down while the broker does not answer, and gives back only what it took', async () => {
    const readiness = new Readiness(['kafka']);
    const broker = fakeKafka();
    const probe = dependencyProbe(readiness, { kafka: broker.kafka }, 50);
    await probe.start();
    // An answering broker does not make the service ready: the consumer (group joined) does.
    expect(readiness.snapshot().kafka).toBe(false);
    readiness.set('kafka', true);

    broker.set('hang');
    await until(() => readiness.snapshot().kafka === false);
    broker.set('up');
    await until(() => readiness.snapshot().kafka === true);

    broker.set('down');
    await until(() => readiness.snapshot().kafka === false);
    broker.set('up');
    await until(() => readiness.snapshot().kafka === true);

    // Down for another reason (the consumer crashed): an answering broker leaves it down.
    readiness.set('kafka', false);
    await new Promise((r) => setTimeout(r, 200));
    expect(readiness.snapshot().kafka).toBe(false);
    probe.stop();
  });
});
