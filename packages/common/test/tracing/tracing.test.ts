import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { getInfra, type Isolation, isolate, testConsumerTimings, waitFor } from '@safewatch/testkit';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildHttpApp,
  ChunkConsumer,
  createKafka,
  type FastifyInstance,
  type IHeaders,
  type Kafka,
  type KafkaMessage,
  type Producer,
  parseConfig,
  producerConfig,
  Readiness,
  startTracing,
  type TracingConfig,
  type TracingHandle,
  tracedSend,
  tracingEnabled,
  tracingEnv,
  withTraceHeaders,
  z,
} from '../../src/index.js';

const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${PARENT_SPAN_ID}-01`;

const offConfig: TracingConfig = parseConfig(z.object(tracingEnv), {});
const onConfig: TracingConfig = parseConfig(z.object(tracingEnv), { TRACING_ENABLED: 'true' });

async function httpApp(): Promise<FastifyInstance> {
  const app = await buildHttpApp({ service: 'tracing-test', logger, securityHeaders: false });
  app.get('/v1/ping', async () => ({ ok: true }));
  app.get('/v1/shares/:token', async () => ({ ok: true }));
  await app.ready();
  return app;
}

/** The shared consumer on `topic`, collecting what it processes. */
async function collect(kafka: Kafka, topic: string, groupId: string) {
  const received: KafkaMessage[] = [];
  const consumer = new ChunkConsumer<'persist'>({
    kafka,
    groupId,
    topic,
    chunkMessages: 100,
    sessionTimeoutMs: testConsumerTimings.sessionTimeout,
    fetchMaxWaitMs: testConsumerTimings.maxWaitTimeInMs,
    stepDependency: { persist: 'kafka' },
    onAssignmentChange: () => undefined,
    onRetry: () => undefined,
    readiness: new Readiness(['kafka']),
    logger,
    process: async (messages) => {
      received.push(...messages);
    },
  });
  await consumer.start();
  return { received, stop: () => consumer.stop() };
}

/** One message sent the way the services send: a traced send, headers on each message. */
const sendOne = (producer: Producer, topic: string, value: string) =>
  tracedSend(topic, 1, (headers) =>
    producer.send({ topic, acks: -1, messages: withTraceHeaders([{ key: 'k', value }], headers) }),
  );

describe('tracing', () => {
  let iso: Isolation;
  let kafka: Kafka;
  let producer: Producer;
  const exporter = new InMemorySpanExporter();

  beforeAll(async () => {
    const infra = getInfra();
    iso = isolate('tracing', infra);
    await iso.createTopics(['off', 'on', 'mixed'], 1);
    kafka = createKafka({ brokers: infra.kafkaBrokers, clientId: 'tracing-test', logger });
    producer = kafka.producer(producerConfig());
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
  });

  describe('off (the default)', () => {
    let handle: TracingHandle;
    beforeAll(async () => {
      handle = await startTracing(offConfig, 'tracing-test', { exporter });
    });

    it('starts no SDK: the API hands out non-recording spans', () => {
      expect(handle.enabled).toBe(false);
      expect(tracingEnabled()).toBe(false);
      expect(trace.getTracer('t').startSpan('x').isRecording()).toBe(false);
    });

    it('adds no HTTP instrumentation and records no span', async () => {
      const app = await httpApp();
      expect(app.hasPlugin('@fastify/otel')).toBe(false);
      const res = await app.inject({ url: '/v1/ping', headers: { traceparent: TRACEPARENT } });
      expect(res.statusCode).toBe(200);
      await app.close();
      expect(exporter.getFinishedSpans()).toEqual([]);
    });

    it('adds no Kafka header and records no span', async () => {
      const topic = iso.topic('off');
      await sendOne(producer, topic, 'untraced');
      const consumer = await collect(kafka, topic, `tracing-off-${iso.id}`);
      try {
        await waitFor(() => consumer.received.length === 1, { message: 'message consumed' });
      } finally {
        await consumer.stop();
      }
      expect(consumer.received[0]?.headers ?? {}).toEqual({});
      expect(exporter.getFinishedSpans()).toEqual([]);
    });
  });

  describe('on', () => {
    let handle: TracingHandle;
    const spans = (kind: SpanKind, name?: string): ReadableSpan[] =>
      exporter.getFinishedSpans().filter((s) => s.kind === kind && (name === undefined || s.name === name));

    beforeAll(async () => {
      exporter.reset();
      handle = await startTracing(onConfig, 'tracing-test', { exporter, logger });
    });
    afterAll(async () => {
      await handle.shutdown();
      expect(tracingEnabled()).toBe(false);
    });

    it('continues the caller’s trace in a server span per request, without raw paths', async () => {
      const app = await httpApp();
      expect(app.hasPlugin('@fastify/otel')).toBe(true);
      const ping = await app.inject({ url: '/v1/ping', headers: { traceparent: TRACEPARENT } });
      expect(ping.statusCode).toBe(200);
      const share = await app.inject({ url: '/v1/shares/secret-token-123' });
      expect(share.statusCode).toBe(200);
      const ops = await app.inject({ url: '/healthz', headers: { traceparent: TRACEPARENT } });
      expect(ops.statusCode).toBe(200);
      await app.close();

      const [server, ...others] = spans(SpanKind.SERVER, 'GET /v1/ping');
      expect(others).toEqual([]);
      expect(server?.spanContext().traceId).toBe(TRACE_ID);
      expect(server?.parentSpanContext?.spanId).toBe(PARENT_SPAN_ID);
      expect(server?.attributes['http.route']).toBe('/v1/ping');
      expect(server?.attributes['http.response.status_code']).toBe(200);

      const [shareSpan] = spans(SpanKind.SERVER, 'GET /v1/shares/:token');
      expect(shareSpan?.spanContext().traceId).not.toBe(TRACE_ID);
      expect(shareSpan?.attributes['url.path']).toBe('/v1/shares/:token');
      expect(JSON.stringify(exporter.getFinishedSpans().map((s) => s.attributes))).not.toContain(
        'secret-token-123',
      );
      expect(exporter.getFinishedSpans().some((s) => s.name.includes('healthz'))).toBe(false);
    });

    it('carries the producer’s context through the broker to the consumer’s span', async () => {
      const topic = iso.topic('on');
      const tracer = trace.getTracer('tracing-test');
      const parentTraceId = await tracer.startActiveSpan('publish-something', async (parent) => {
        await sendOne(producer, topic, 'traced');
        parent.end();
        return parent.spanContext().traceId;
      });
      const [send] = spans(SpanKind.PRODUCER, `send ${topic}`);
      expect(send?.spanContext().traceId).toBe(parentTraceId);

      const consumer = await collect(kafka, topic, `tracing-on-${iso.id}`);
      try {
        await waitFor(() => spans(SpanKind.CONSUMER, `process ${topic}`).length === 1, {
          message: 'consumer span',
        });
      } finally {
        await consumer.stop();
      }
      expect(consumer.received[0]?.headers?.traceparent?.toString()).toMatch(
        new RegExp(`^00-${parentTraceId}-${send?.spanContext().spanId}-01$`),
      );
      const [process] = spans(SpanKind.CONSUMER, `process ${topic}`);
      expect(process?.spanContext().traceId).toBe(parentTraceId);
      expect(process?.parentSpanContext?.spanId).toBe(send?.spanContext().spanId);
      expect(process?.attributes).toMatchObject({
        'messaging.system': 'kafka',
        'messaging.destination.name': topic,
        'messaging.batch.message_count': 1,
        'messaging.consumer.group.name': `tracing-on-${iso.id}`,
      });
    });

    it('makes one consumer span per chunk, linked to the other producers of the chunk', async () => {
      const topic = iso.topic('mixed');
      const tracer = trace.getTracer('tracing-test');
      // Three producer contexts from three traces, sent as one record batch (so one fetched chunk).
      const traced: { traceId: string; value: string; headers: IHeaders | undefined }[] = [];
      for (const value of ['a', 'b', 'c'])
        await tracer.startActiveSpan(`publish-${value}`, async (parent) => {
          const headers = await tracedSend(topic, 1, async (h) => h);
          parent.end();
          traced.push({ traceId: parent.spanContext().traceId, value, headers });
        });
      await producer.send({
        topic,
        acks: -1,
        messages: traced.map((t) => ({ key: 'k', value: t.value, headers: t.headers })),
      });
      const consumer = await collect(kafka, topic, `tracing-mixed-${iso.id}`);
      try {
        await waitFor(() => consumer.received.length === 3, { message: 'three messages consumed' });
      } finally {
        await consumer.stop();
      }
      const [process, ...more] = spans(SpanKind.CONSUMER, `process ${topic}`);
      expect(more).toEqual([]);
      expect(process?.attributes['messaging.batch.message_count']).toBe(3);
      // The chunk's span continues its first message's trace and links the others.
      expect(process?.spanContext().traceId).toBe(traced[0]?.traceId);
      expect(process?.links.map((l) => l.context.traceId)).toEqual([traced[1]?.traceId, traced[2]?.traceId]);
    });
  });
});
