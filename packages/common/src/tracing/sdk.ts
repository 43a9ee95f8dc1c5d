import { context, DiagLogLevel, diag, propagation, trace } from '@opentelemetry/api';
import type { Sampler, SpanExporter } from '@opentelemetry/sdk-trace';
import type { Logger } from '../logger.js';
import { setTracingEnabled, tracingEnabled } from './switch.js';
import { type TracingConfig, tracesUrl, tracingRequested } from './tracing.config.js';

export interface TracingHandle {
  readonly enabled: boolean;
  /** Exports the spans ended so far. */
  forceFlush(): Promise<void>;
  /** Exports what is pending, stops the SDK and puts the no-op tracer back. */
  shutdown(): Promise<void>;
}

export interface StartTracingOptions {
  logger?: Logger;
  /** Replaces the OTLP exporter; spans are then handed to it as they end (tests: InMemorySpanExporter). */
  exporter?: SpanExporter;
}

/** A collector that does not answer must not hold the service's shutdown up for long. */
const SHUTDOWN_TIMEOUT_MS = 5_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

const DISABLED: TracingHandle = {
  enabled: false,
  forceFlush: async () => undefined,
  shutdown: async () => undefined,
};

/**
 * Starts the OpenTelemetry trace SDK when the configuration asks for it:
 * W3C trace context and baggage propagation, async-local context, spans
 * exported in batches over OTLP/HTTP (protobuf). Off (the default), nothing
 * is loaded and the API stays the no-op tracer. Call it before building the
 * service's apps: the HTTP platform decides at build time.
 */
export async function startTracing(
  cfg: TracingConfig,
  service: string,
  opts: StartTracingOptions = {},
): Promise<TracingHandle> {
  if (!tracingRequested(cfg)) return DISABLED;
  if (tracingEnabled()) throw new Error('tracing is already started in this process');

  // Loaded only when tracing is on: a service with tracing off never loads the SDK.
  const [sdk, { AsyncLocalStorageContextManager }, core, { resourceFromAttributes, defaultResource }] =
    await Promise.all([
      import('@opentelemetry/sdk-trace'),
      import('@opentelemetry/context-async-hooks'),
      import('@opentelemetry/core'),
      import('@opentelemetry/resources'),
    ]);
  const { ATTR_SERVICE_NAME } = await import('@opentelemetry/semantic-conventions');

  const serviceName = cfg.OTEL_SERVICE_NAME ?? `safewatch-${service}`;
  const url = tracesUrl(cfg);
  let exporter = opts.exporter;
  if (!exporter) {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-proto');
    exporter = new OTLPTraceExporter({ url, headers: cfg.OTEL_EXPORTER_OTLP_HEADERS });
  }
  const provider = new sdk.TracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({ ...cfg.OTEL_RESOURCE_ATTRIBUTES, [ATTR_SERVICE_NAME]: serviceName }),
    ),
    sampler: samplerOf(cfg, sdk),
    spanProcessors: [
      opts.exporter ? new sdk.SimpleSpanProcessor({ exporter }) : new sdk.BatchSpanProcessor({ exporter }),
    ],
  });

  const log = opts.logger?.child({ component: 'tracing' });
  if (log) {
    // The SDK reports failed exports through its diagnostic logger, silent by default.
    const write =
      (level: 'error' | 'warn') =>
      (message: string, ...args: unknown[]) =>
        log[level]({ detail: args.map(String).join(' ') || undefined }, message);
    diag.setLogger(
      {
        error: write('error'),
        warn: write('warn'),
        info: () => undefined,
        debug: () => undefined,
        verbose: () => undefined,
      },
      DiagLogLevel.WARN,
    );
  }
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(
    new core.CompositePropagator({
      propagators: [new core.W3CTraceContextPropagator(), new core.W3CBaggagePropagator()],
    }),
  );
  trace.setGlobalTracerProvider(provider);
  setTracingEnabled(true);
  log?.info(
    {
      serviceName,
      exporter: opts.exporter ? 'custom' : url,
      sampler: cfg.OTEL_TRACES_SAMPLER,
      samplerArg: cfg.OTEL_TRACES_SAMPLER_ARG,
    },
    'tracing on',
  );

  let stopped: Promise<void> | undefined;
  return {
    enabled: true,
    forceFlush: () => provider.forceFlush(),
    shutdown() {
      stopped ??= (async () => {
        setTracingEnabled(false);
        try {
          await withTimeout(provider.shutdown(), SHUTDOWN_TIMEOUT_MS);
        } catch (err) {
          // Spans that could not be exported are lost; the service still stops cleanly.
          log?.warn({ err: err instanceof Error ? err.message : String(err) }, 'tracing: last export failed');
        } finally {
          trace.disable();
          propagation.disable();
          context.disable();
          diag.disable();
        }
      })();
      return stopped;
    },
  };
}

type SamplerClasses = Pick<
  typeof import('@opentelemetry/sdk-trace'),
  'AlwaysOnSampler' | 'AlwaysOffSampler' | 'ParentBasedSampler' | 'TraceIdRatioBasedSampler'
>;

export function samplerOf(cfg: TracingConfig, sdk: SamplerClasses): Sampler {
  const ratio = () => new sdk.TraceIdRatioBasedSampler(cfg.OTEL_TRACES_SAMPLER_ARG ?? 1);
  switch (cfg.OTEL_TRACES_SAMPLER) {
    case 'always_on':
      return new sdk.AlwaysOnSampler();
    case 'always_off':
      return new sdk.AlwaysOffSampler();
    case 'traceidratio':
      return ratio();
    case 'parentbased_always_off':
      return new sdk.ParentBasedSampler({ root: new sdk.AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new sdk.ParentBasedSampler({ root: ratio() });
    default:
      return new sdk.ParentBasedSampler({ root: new sdk.AlwaysOnSampler() });
  }
}
