import { createServer } from 'node:net';
// Imported by package name on purpose: proves the "source" export condition resolves in vitest.
import { freePort, waitFor } from '@safewatch/testkit';
import { describe, expect, it } from 'vitest';

describe('waitFor', () => {
  it('resolves once the condition holds', async () => {
    let calls = 0;
    await waitFor(() => ++calls >= 3, { intervalMs: 1 });
    expect(calls).toBe(3);
  });

  it('names what it waited for and the last error on timeout', async () => {
    const failing = waitFor(
      () => {
        throw new Error('boom');
      },
      { timeoutMs: 30, intervalMs: 5, message: 'the thing' },
    );
    await expect(failing).rejects.toThrow(/the thing not reached within 30 ms \(last error: boom\)/);
  });
});

describe('freePort', () => {
  it('returns a port that can be bound on 127.0.0.1', async () => {
    const port = await freePort();
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    server.close();
    expect(port).toBeGreaterThan(0);
  });
});
