export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  /** Stops retrying (rethrows the last error) once this returns false. */
  shouldContinue?: () => boolean;
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
  /** Called while waiting, e.g. a Kafka heartbeat so the group keeps our partitions. */
  whileWaiting?: () => Promise<void>;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` until it succeeds, waiting with capped exponential back-off and
 * jitter between attempts. Used for infrastructure that is expected to come
 * back (Postgres, Redis, Kafka), never for bad input.
 */
export async function retryWithBackoff<T>(fn: () => Promise<T>, opts: BackoffOptions = {}): Promise<T> {
  const initial = opts.initialMs ?? 100;
  const max = opts.maxMs ?? 5_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (opts.shouldContinue && !opts.shouldContinue()) throw err;
      const delay = Math.min(max, initial * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5);
      opts.onRetry?.(err, attempt, delay);
      const until = Date.now() + delay;
      while (Date.now() < until) {
        await sleep(Math.min(1_000, until - Date.now()));
        await opts.whileWaiting?.().catch(() => undefined);
        if (opts.shouldContinue && !opts.shouldContinue()) throw err;
      }
    }
  }
}
