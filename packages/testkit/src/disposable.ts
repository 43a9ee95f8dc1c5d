import { spawn } from 'node:child_process';
import type { Infra } from './types.js';

/** A throw-away server for fault tests: stop() it to simulate an outage, start() it to recover. */
export interface DisposableServer {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes everything it stored. */
  close(): Promise<void>;
}

export function requireLocal(kind: 'postgres' | 'redis', infra: Infra): void {
  if (infra.mode[kind] !== 'local') {
    throw new Error(
      `testkit: disposable ${kind} requires local server binaries (${kind} mode is "${infra.mode[kind]}"); skip this test`,
    );
  }
}

export const shellQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/**
 * Runs `cleanup` (a shell command) once this process is gone, unless disarmed.
 * A detached watcher rather than a process 'exit' hook: vitest ends its
 * workers with SIGTERM, which skips 'exit' hooks, and a crash skips them too.
 */
export function cleanupWhenGone(cleanup: string): () => void {
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${cleanup}`;
  const watcher = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watcher.unref();
  return () => {
    try {
      if (watcher.pid) process.kill(-watcher.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
}
