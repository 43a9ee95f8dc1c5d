import { createServer } from 'node:net';

export interface WaitForOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** What was being waited for; ends up in the timeout error. */
  message?: string;
}

/** Polls `fn` until it returns true. A throw counts as "not yet" and is reported if time runs out. */
export async function waitFor(
  fn: () => Promise<boolean> | boolean,
  { timeoutMs = 10_000, intervalMs = 100, message = 'condition' }: WaitForOptions = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await fn()) return;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`waitFor: ${message} not reached within ${timeoutMs} ms${cause}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago (the usual small race applies). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('freePort: no port assigned'))));
    });
  });
}
