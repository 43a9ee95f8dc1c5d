import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig, z } from '../config.js';
import type { IHeaders } from '../kafka/client.js';
import { MAX_LINKS, startConsumeSpan, tracedProcess, tracedSend, withTraceHeaders } from './kafka-tracing.js';
import { startTracing, type TracingHandle } from './sdk.js';
import { tracingEnv } from './tracing.config.js';

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
/** A message as kafkajs hands it over: header values are Buffers. */
const fromTrace = (n: number) => ({
  headers: { traceparent: Buffer.from(`00-${hex(n + 1, 32)}-${hex(n + 1, 16)}-01`) } as IHeaders,
});

describe('Kafka tracing with tracing off', () => {
  it('reads no header and adds none', async () => {
    const untouchable = new Proxy(
      {},
      {
        get: () => {
          throw new Error('headers read');
        },
      },
    );
    const messages = [{ headers: untouchable as IHeaders }];
    const span = startConsumeSpan('t', 0, messages);
    await expect(span.within(async () => 7)).resolves.toBe(7);
    span.end();
    await expect(tracedProcess('t', 0, messages, 'g', async () => 8)).resolves.toBe(8);
    await expect(tracedSend('t', 1, async (headers) => headers)).resolves.toBeUndefined();
    const plain = [{ key: 'k', value: 'v' }];
    expect(withTraceHeaders(plain, undefined)).toBe(plain);
    expect(plain[0]).toEqual({ key: 'k', value: 'v' });
  });
});

describe('Kafka tracing with tracing on', () => {
  const exporter = new InMemorySpanExporter();
  let handle: TracingHandle;

  beforeEach(async () => {
    handle ??= await startTracing(parseConfig(z.object(tracingEnv), { TRACING_ENABLED: 'true' }), 'unit', {
      exporter,
    });
    exporter.reset();
  });
  afterAll(() => handle?.shutdown());

  it('gives one consumer span per chunk: parent from the first producer, bounded links to the others', async () => {
    // 100 messages from 50 traces (each twice), so duplicates are linked once and links are capped.
    const messages = Array.from({ length: 100 }, (_, i) => fromTrace(i % 50));
    await tracedProcess('positions.accepted', 3, messages, 'alerts', async () => undefined);
    const [span, ...more] = exporter.getFinishedSpans();
    expect(more).toEqual([]);
    expect(span?.kind).toBe(SpanKind.CONSUMER);
    expect(span?.spanContext().traceId).toBe(hex(1, 32));
    expect(span?.parentSpanContext?.spanId).toBe(hex(1, 16));
    expect(span?.links).toHaveLength(MAX_LINKS);
    expect(span?.links.map((l) => l.context.traceId)).toEqual(
      Array.from({ length: MAX_LINKS }, (_, i) => hex(i + 2, 32)),
    );
    expect(span?.attributes).toMatchObject({
      'messaging.destination.partition.id': '3',
      'messaging.batch.message_count': 100,
    });
  });

  it('starts a new trace for a chunk without trace headers', async () => {
    await tracedProcess('positions.raw', 0, [{}, { headers: {} }], undefined, async () => undefined);
    const [span] = exporter.getFinishedSpans();
    expect(span?.parentSpanContext).toBeUndefined();
    expect(span?.links).toEqual([]);
  });

  it('makes what a chunk sends a child of its span, with one header object for the send', async () => {
    const consume = startConsumeSpan('positions.raw', 0, [fromTrace(7)]);
    const sent = await consume.within(() =>
      tracedSend('positions.accepted', 2, async (headers) =>
        withTraceHeaders(
          [
            { key: 'a', value: '1' },
            { key: 'b', value: '2', headers: { other: 'x' } },
          ],
          headers,
        ),
      ),
    );
    consume.end();
    const [send, process] = exporter.getFinishedSpans();
    expect(send?.kind).toBe(SpanKind.PRODUCER);
    expect(send?.parentSpanContext?.spanId).toBe(process?.spanContext().spanId);
    expect(send?.spanContext().traceId).toBe(hex(8, 32));
    const traceparent = `00-${hex(8, 32)}-${send?.spanContext().spanId}-01`;
    expect(sent[0]?.headers).toEqual({ traceparent });
    expect(sent[1]?.headers).toEqual({ other: 'x', traceparent });
  });

  it('starts a new trace for a send that asks for one', async () => {
    const consume = startConsumeSpan('t', 0, [fromTrace(9)]);
    await consume.within(() => tracedSend('bindings.events', 1, async () => undefined, { newTrace: true }));
    consume.end();
    const [send] = exporter.getFinishedSpans();
    expect(send?.parentSpanContext).toBeUndefined();
    expect(send?.spanContext().traceId).not.toBe(hex(10, 32));
  });

  it('marks a failed chunk and a failed send as errors', async () => {
    await expect(
      tracedProcess('t', 0, [], 'g', async () => {
        throw new Error('postgres down');
      }),
    ).rejects.toThrow('postgres down');
    await expect(
      tracedSend('t', 1, async () => {
        throw new Error('broker down');
      }),
    ).rejects.toThrow('broker down');
    const statuses = exporter.getFinishedSpans().map((s) => [s.name, s.status.code, s.status.message]);
    expect(statuses).toEqual([
      ['process t', SpanStatusCode.ERROR, 'postgres down'],
      ['send t', SpanStatusCode.ERROR, 'broker down'],
    ]);
  });
});
