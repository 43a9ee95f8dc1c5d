import {
  type Attributes,
  type Context,
  context,
  type Link,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type TextMapGetter,
  trace,
} from '@opentelemetry/api';
import type { IHeaders, Message } from '../kafka/client.js';
import { tracingEnabled } from './switch.js';

export const TRACER_NAME = '@safewatch/common';

/** Producer contexts a consumer span links to, at most (a chunk holds thousands of messages). */
export const MAX_LINKS = 32;

const TRACEPARENT = 'traceparent';

/** kafkajs hands header values over as Buffers. */
const headersGetter: TextMapGetter<IHeaders> = {
  keys: (headers) => Object.keys(headers),
  get(headers, key) {
    const v = headers[key];
    if (v === undefined) return undefined;
    return Array.isArray(v) ? v.map(String) : v.toString();
  },
};

function fail(span: Span, err: unknown): void {
  if (err instanceof Error) span.recordException(err);
  span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
}

export interface TracedSendOptions {
  /**
   * Start a new trace instead of continuing the active one: for sends whose
   * active context is not their cause (a relay running on a timer).
   */
  newTrace?: boolean;
}

/**
 * Runs one send (one `send`/`sendBatch` call) in a PRODUCER span and gives it
 * the headers carrying that span's W3C trace context: one object for every
 * message of the send (see withTraceHeaders). Tracing off: `send(undefined)`.
 */
export function tracedSend<T>(
  destination: string,
  messageCount: number,
  send: (headers: IHeaders | undefined) => Promise<T>,
  opts?: TracedSendOptions,
): Promise<T> {
  if (!tracingEnabled()) return send(undefined);
  const attributes: Attributes = {
    'messaging.system': 'kafka',
    'messaging.operation.type': 'send',
    'messaging.operation.name': 'send',
    'messaging.destination.name': destination,
    'messaging.batch.message_count': messageCount,
  };
  return trace
    .getTracer(TRACER_NAME)
    .startActiveSpan(
      `send ${destination}`,
      { kind: SpanKind.PRODUCER, attributes, root: opts?.newTrace === true },
      async (span) => {
        const headers: IHeaders = {};
        propagation.inject(context.active(), headers);
        try {
          return await send(headers);
        } catch (err) {
          fail(span, err);
          throw err;
        } finally {
          span.end();
        }
      },
    );
}

/** Puts the trace headers on each message (kept as they are when tracing gave none). */
export function withTraceHeaders<M extends Message>(messages: M[], headers: IHeaders | undefined): M[] {
  if (headers === undefined) return messages;
  for (const m of messages) m.headers = m.headers ? { ...m.headers, ...headers } : headers;
  return messages;
}

/** The processing of one consumed chunk, traced or not. */
export interface ConsumeSpan {
  /** Runs `fn` with the span active (what it sends is its child); a failure ends the span as failed. */
  within<T>(fn: () => Promise<T>): Promise<T>;
  /** Ends the span after the chunk's work succeeded. */
  end(): void;
}

const UNTRACED: ConsumeSpan = { within: (fn) => fn(), end: () => undefined };

/**
 * The producer contexts of a chunk: distinct traceparents in message order,
 * at most MAX_LINKS + 1 (one parent, the rest links).
 */
function producerContexts(messages: readonly { headers?: IHeaders }[]): Context[] {
  const seen = new Set<string>();
  const out: Context[] = [];
  for (const m of messages) {
    const h = m.headers;
    const tp = h?.[TRACEPARENT];
    if (h === undefined || tp === undefined) continue;
    const key = tp.toString();
    if (seen.has(key)) continue;
    seen.add(key);
    const ctx = propagation.extract(ROOT_CONTEXT, h, headersGetter);
    if (trace.getSpanContext(ctx)) out.push(ctx);
    if (out.length > MAX_LINKS) break;
  }
  return out;
}

/**
 * One CONSUMER span for a whole chunk (never one per message): its parent is
 * the producer context of the chunk's first traced message, so a chunk from
 * one send continues the producer's trace; the other producer contexts are
 * links (MAX_LINKS at most). Tracing off: a shared no-op, no header is read.
 */
export function startConsumeSpan(
  topic: string,
  partition: number,
  messages: readonly { headers?: IHeaders }[],
  consumerGroup?: string,
): ConsumeSpan {
  if (!tracingEnabled()) return UNTRACED;
  const [parent = ROOT_CONTEXT, ...others] = producerContexts(messages);
  const links: Link[] = [];
  for (const ctx of others) {
    const spanContext = trace.getSpanContext(ctx);
    if (spanContext) links.push({ context: spanContext });
  }
  const attributes: Attributes = {
    'messaging.system': 'kafka',
    'messaging.operation.type': 'process',
    'messaging.operation.name': 'process',
    'messaging.destination.name': topic,
    'messaging.destination.partition.id': String(partition),
    'messaging.batch.message_count': messages.length,
  };
  if (consumerGroup) attributes['messaging.consumer.group.name'] = consumerGroup;
  const span = trace
    .getTracer(TRACER_NAME)
    .startSpan(`process ${topic}`, { kind: SpanKind.CONSUMER, attributes, links }, parent);
  const active = trace.setSpan(parent, span);
  return {
    within: (fn) =>
      context.with(active, fn).catch((err: unknown) => {
        fail(span, err);
        span.end();
        throw err;
      }),
    end: () => span.end(),
  };
}

/** Runs a consumed chunk's processing in a consume span (see startConsumeSpan). */
export function tracedProcess<T>(
  topic: string,
  partition: number,
  messages: readonly { headers?: IHeaders }[],
  consumerGroup: string | undefined,
  fn: () => Promise<T>,
): Promise<T> {
  if (!tracingEnabled()) return fn();
  const span = startConsumeSpan(topic, partition, messages, consumerGroup);
  return span.within(fn).then((result) => {
    span.end();
    return result;
  });
}
