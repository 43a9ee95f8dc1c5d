import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, z } from '../config.js';
import { samplerOf } from './sdk.js';
import { parseKeyValueList, tracesUrl, tracingEnv, tracingRequested } from './tracing.config.js';

const schema = z.object(tracingEnv);
const parse = (env: Record<string, string | undefined>) => parseConfig(schema, env);

describe('tracing configuration', () => {
  it('is off by default, with the OpenTelemetry defaults for the rest', () => {
    const cfg = parse({});
    expect(cfg.TRACING_ENABLED).toBe(false);
    expect(tracingRequested(cfg)).toBe(false);
    expect(cfg.OTEL_SERVICE_NAME).toBeUndefined();
    expect(cfg.OTEL_TRACES_SAMPLER).toBe('parentbased_always_on');
    expect(tracesUrl(cfg)).toBe('http://localhost:4318/v1/traces');
    expect(cfg.OTEL_EXPORTER_OTLP_HEADERS).toEqual({});
  });

  it('is on with TRACING_ENABLED, unless OTEL_SDK_DISABLED', () => {
    expect(tracingRequested(parse({ TRACING_ENABLED: 'true' }))).toBe(true);
    expect(tracingRequested(parse({ TRACING_ENABLED: '1' }))).toBe(true);
    expect(tracingRequested(parse({ TRACING_ENABLED: 'true', OTEL_SDK_DISABLED: 'true' }))).toBe(false);
    expect(tracingRequested(parse({ TRACING_ENABLED: 'false' }))).toBe(false);
  });

  it('appends the traces path to the base endpoint only', () => {
    expect(tracesUrl(parse({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }))).toBe(
      'http://collector:4318/v1/traces',
    );
    expect(
      tracesUrl(
        parse({
          OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example/custom',
        }),
      ),
    ).toBe('https://traces.example/custom');
  });

  it('reads headers and resource attributes as percent-encoded key=value lists', () => {
    const cfg = parse({
      OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20abc, x-tenant = fleet',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=prod',
      OTEL_SERVICE_NAME: 'ingest-eu',
    });
    expect(cfg.OTEL_EXPORTER_OTLP_HEADERS).toEqual({ authorization: 'Bearer abc', 'x-tenant': 'fleet' });
    expect(cfg.OTEL_RESOURCE_ATTRIBUTES).toEqual({ 'deployment.environment.name': 'prod' });
    expect(cfg.OTEL_SERVICE_NAME).toBe('ingest-eu');
    expect(parseKeyValueList('')).toEqual({});
  });

  it('names every bad variable in one line', () => {
    const bad = () =>
      parse({
        TRACING_ENABLED: 'yes',
        OTEL_TRACES_SAMPLER: 'sometimes',
        OTEL_TRACES_SAMPLER_ARG: '1.5',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url',
        OTEL_EXPORTER_OTLP_HEADERS: 'novalue',
      });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(
      /TRACING_ENABLED.*OTEL_EXPORTER_OTLP_ENDPOINT.*OTEL_EXPORTER_OTLP_HEADERS.*OTEL_TRACES_SAMPLER.*OTEL_TRACES_SAMPLER_ARG/,
    );
  });

  it('builds the configured sampler', async () => {
    const sdk = await import('@opentelemetry/sdk-trace');
    const sampler = (env: Record<string, string>) => samplerOf(parse(env), sdk).toString();
    expect(sampler({})).toMatch(/ParentBased\{root=AlwaysOnSampler/);
    expect(sampler({ OTEL_TRACES_SAMPLER: 'always_off' })).toBe('AlwaysOffSampler');
    expect(sampler({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' })).toBe(
      'TraceIdRatioBased{0.25}',
    );
    expect(
      sampler({ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' }),
    ).toMatch(/ParentBased\{root=TraceIdRatioBased\{0.1\}/);
  });
});
