import type { Logger } from './logger.js';

/**
 * Runs `close` once on SIGTERM or SIGINT, then exits. A second signal, or a
 * close that outlasts `timeoutMs`, exits at once with a non-zero code.
 */
export function onShutdown(logger: Logger, close: () => Promise<void>, timeoutMs = 25_000): void {
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.warn({ signal }, 'second signal, exiting now');
      process.exit(1);
    }
    closing = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error('shutdown timed out');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    close().then(
      () => {
        logger.info('shut down cleanly');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}

/** Prints a start-up failure as one clear line and exits (fail fast on wiring). */
export function failStartup(logger: Logger, err: unknown): never {
  const message = err instanceof Error ? err.message : String(err);
  logger.fatal({ err }, `start-up failed: ${message}`);
  process.exit(1);
}
