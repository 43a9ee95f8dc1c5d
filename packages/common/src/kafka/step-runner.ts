import type { Logger } from '../logger.js';
import type { Readiness } from '../ops-server.js';
import { retryWithBackoff } from '../retry.js';

/** Runs one named I/O step; the consumer supplies retry with back-off. */
export type StepRunner<S extends string = string> = <T>(step: S, fn: () => Promise<T>) => Promise<T>;

export interface StepOptions<S extends string> {
  /** The readiness condition each step depends on (e.g. persist → postgres). */
  stepDependency: Record<S, string>;
  readiness: Readiness;
  logger: Logger;
  /** Called before each retry of a failed step (a retries counter). */
  onRetry?: (step: S) => void;
  /** Starts timing a step (retries included); the returned function ends it. */
  timeStep?: (step: S) => () => void;
}

/**
 * The step runner of one fetched batch: a failing step is retried with
 * back-off while heartbeating (so the group keeps the partition) until it
 * succeeds or the partition is no longer ours (`active` false: stopping,
 * rebalanced), when the error is thrown and the chunk stays uncommitted. The
 * step's dependency is not ready while it fails, ready again once it works.
 */
export function stepRunner<S extends string>(
  opts: StepOptions<S>,
  active: () => boolean,
  heartbeat: () => Promise<void>,
): StepRunner<S> {
  return async (step, fn) => {
    const dependency = opts.stepDependency[step];
    const end = opts.timeStep?.(step);
    try {
      return await retryWithBackoff(
        async () => {
          const result = await fn();
          opts.readiness.set(dependency, true);
          return result;
        },
        {
          shouldContinue: active,
          whileWaiting: heartbeat,
          onRetry: (err, attempt, delayMs) => {
            opts.readiness.set(dependency, false);
            opts.onRetry?.(step);
            const reason = err instanceof Error ? err.message : String(err);
            opts.logger.warn(
              { step, attempt, delayMs: Math.round(delayMs), err: reason },
              `${step} failed, retrying`,
            );
          },
        },
      );
    } finally {
      end?.();
    }
  };
}
