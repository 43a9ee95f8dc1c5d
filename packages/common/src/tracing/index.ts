export { registerHttpTracing } from './http-tracing.js';
export {
  type ConsumeSpan,
  MAX_LINKS,
  startConsumeSpan,
  TRACER_NAME,
  type TracedSendOptions,
  tracedProcess,
  tracedSend,
  withTraceHeaders,
} from './kafka-tracing.js';
export { type StartTracingOptions, startTracing, type TracingHandle } from './sdk.js';
export { tracingEnabled } from './switch.js';
export {
  parseKeyValueList,
  TRACES_SAMPLERS,
  type TracingConfig,
  tracesUrl,
  tracingEnv,
  tracingRequested,
} from './tracing.config.js';
