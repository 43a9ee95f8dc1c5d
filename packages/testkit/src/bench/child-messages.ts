import type { ChildProcess } from 'node:child_process';

/**
 * The next IPC message of `type` from a benchmark's child process; rejects on
 * the child's `{ type: 'error', message }`, on its exit and after `timeoutMs`.
 */
export function nextMessage<T>(child: ChildProcess, type: string, timeoutMs = 300_000): Promise<T> {
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      cleanup();
      fail(new Error(`no "${type}" from child within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (m: { type: string; message?: string }) => {
      if (m.type === 'error') {
        cleanup();
        fail(new Error(`child failed: ${m.message}`));
      } else if (m.type === type) {
        cleanup();
        ok(m as T);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      fail(new Error(`child exited (${code}) before "${type}"`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
