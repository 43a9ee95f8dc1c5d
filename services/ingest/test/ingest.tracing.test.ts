import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { type KafkaMessage, startTracing, type TracingHandle } from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { getInfra, waitFor } from '@safewatch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { batch, collect, type Env, fix, plate, producerFor, setupEnv, startIngest } from './helpers.js';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const TRACEPARENT = `00-${TRACE_ID}-b7ad6b7169203331-01`;

let e: Env;
let app: IngestApp;
let producer: Awaited<ReturnType<typeof producerFor>>;
let accepted: Awaited<ReturnType<typeof collect>>;
let rejected: Awaited<ReturnType<typeof collect>>;
let tracing: TracingHandle | undefined;
const exporter = new InMemorySpanExporter();

beforeAll(async () => {
  e = await setupEnv('ingest-tracing', getInfra());
  app = await startIngest(e.env);
  producer = await producerFor(e);
  accepted = await collect(e, 'positions.accepted');
  rejected = await collect(e, 'positions.rejected');
});

afterAll(async () => {
  await app?.stop();
  await tracing?.shutdown();
  await accepted?.consumer.disconnect();
  await rejected?.consumer.disconnect();
  await producer?.disconnect();
  await e?.db.end();
  await e?.iso.dropSchema();
});

/** One raw batch carrying `traceparent` (one good, one bad position); the accepted and rejected message it gives. */
async function ingestOneBatch(): Promise<{ accepted: KafkaMessage; rejected: KafkaMessage }> {
  const p = plate();
  const t = Date.now() - 60_000;
  await producer.send({
    topic: e.iso.topic('positions.raw'),
    acks: -1,
    messages: [
      {
        key: 'plat-01',
        value: Buffer.from(batch([fix(p, t), fix(p, t + 1, { latE6: 0, lonE6: 0 })])),
        headers: { traceparent: TRACEPARENT },
      },
    ],
  });
  const ofPlate = (m: KafkaMessage) => m.key?.toString() === `${p}:2`;
  const rejectedOfPlate = (m: KafkaMessage) =>
    pb.RejectedPosition.decode(m.value as Buffer).plateNumber === p;
  let result: { accepted: KafkaMessage; rejected: KafkaMessage } | undefined;
  await waitFor(
    () => {
      const a = accepted.messages.find(ofPlate);
      const r = rejected.messages.find(rejectedOfPlate);
      if (a && r) result = { accepted: a, rejected: r };
      return result !== undefined;
    },
    { message: 'the accepted and the rejected position' },
  );
  return result as { accepted: KafkaMessage; rejected: KafkaMessage };
}

describe('ingest tracing', () => {
  it('is off by default: no header on the republished positions, no span', async () => {
    const out = await ingestOneBatch();
    expect(out.accepted.headers).toEqual({});
    expect(out.rejected.headers).toEqual({});
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it('when on, continues the platform’s trace: one span per chunk, its sends carry the context on', async () => {
    // Hot paths read the switch per chunk, so the running service follows it.
    tracing = await startTracing(loadConfig({ TRACING_ENABLED: 'true' }), 'ingest', { exporter });
    const out = await ingestOneBatch();
    const spans = exporter.getFinishedSpans();
    const chunk = spans.find(
      (s) => s.kind === SpanKind.CONSUMER && s.name === `process ${e.iso.topic('positions.raw')}`,
    );
    expect(chunk?.spanContext().traceId).toBe(TRACE_ID);
    expect(chunk?.attributes['messaging.consumer.group.name']).toBe(e.env.INGEST_GROUP_ID);

    for (const [topic, message] of [
      ['positions.accepted', out.accepted],
      ['positions.rejected', out.rejected],
    ] as const) {
      const send = spans.find((s) => s.kind === SpanKind.PRODUCER && s.name === `send ${e.iso.topic(topic)}`);
      expect(send?.parentSpanContext?.spanId).toBe(chunk?.spanContext().spanId);
      expect(message.headers?.traceparent?.toString()).toBe(
        `00-${TRACE_ID}-${send?.spanContext().spanId}-01`,
      );
    }
  });
});
