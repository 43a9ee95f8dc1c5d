let started = false;

/**
 * True while a tracing SDK runs in this process. The one check the hot paths
 * (every produced and consumed chunk) make before any tracing work, so that
 * tracing off costs a boolean read.
 */
export function tracingEnabled(): boolean {
  return started;
}

/** Set by startTracing and its shutdown only. */
export function setTracingEnabled(on: boolean): void {
  started = on;
}
