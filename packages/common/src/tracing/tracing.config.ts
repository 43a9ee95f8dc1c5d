import { z } from 'zod';
import { bool } from '../config.js';

export const TRACES_SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;

/**
 * A list of `key=value` pairs separated by commas, values percent-encoded, as
 * OTEL_EXPORTER_OTLP_HEADERS and OTEL_RESOURCE_ATTRIBUTES are written.
 */
export function parseKeyValueList(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of value.split(',')) {
    if (item.trim() === '') continue;
    const eq = item.indexOf('=');
    if (eq <= 0) throw new Error(`"${item.trim()}" is not key=value`);
    out[decodeURIComponent(item.slice(0, eq).trim())] = decodeURIComponent(item.slice(eq + 1).trim());
  }
  return out;
}

const keyValueList = z.string().transform((s, ctx) => {
  try {
    return parseKeyValueList(s);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
    return z.NEVER;
  }
});

/**
 * Tracing: off unless TRACING_ENABLED is true (and OTEL_SDK_DISABLED is not).
 * The other variables are the standard OpenTelemetry ones, read here once
 * like every other setting.
 */
export const tracingEnv = {
  TRACING_ENABLED: bool(false),
  OTEL_SDK_DISABLED: bool(false),
  /** Default: safewatch-<service>. */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  OTEL_RESOURCE_ATTRIBUTES: keyValueList.default({}),
  /** OTLP/HTTP (protobuf) base URL; traces go to <endpoint>/v1/traces. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().default('http://localhost:4318'),
  /** Full traces URL, used as is; overrides OTEL_EXPORTER_OTLP_ENDPOINT. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url().optional(),
  OTEL_EXPORTER_OTLP_HEADERS: keyValueList.default({}),
  OTEL_TRACES_SAMPLER: z.enum(TRACES_SAMPLERS).default('parentbased_always_on'),
  /** Ratio of the traceidratio samplers (default 1). */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).optional(),
};

const tracingSchema = z.object(tracingEnv);
export type TracingConfig = z.infer<typeof tracingSchema>;

/** Whether the configuration asks for the SDK to run. */
export const tracingRequested = (cfg: TracingConfig): boolean =>
  cfg.TRACING_ENABLED && !cfg.OTEL_SDK_DISABLED;

/** Where spans are exported (the OTLP convention: the signal path is appended to the base endpoint only). */
export function tracesUrl(cfg: TracingConfig): string {
  if (cfg.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return cfg.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  return `${cfg.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
}
