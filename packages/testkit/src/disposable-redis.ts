import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { cleanupWhenGone, type DisposableServer, requireLocal, shellQuote } from './disposable.js';
import { getInfra } from './infra.js';
import type { Infra } from './types.js';
import { freePort, waitFor } from './wait.js';

/**
 * A redis-server on a free port without persistence. stop() shuts it down;
 * start() brings it back on the same port but EMPTY (unlike the disposable
 * Postgres, which keeps its data).
 */
export async function startDisposableRedis(infra: Infra = getInfra()): Promise<DisposableServer> {
  requireLocal('redis', infra);
  const dir = mkdtempSync(join(tmpdir(), 'testkit-redis-'));
  const pidFile = join(dir, 'redis.pid');
  // Checks the name behind the pid so a stale pid file can never hit another process.
  const disarm = cleanupWhenGone(
    `p=$(cat ${shellQuote(pidFile)} 2>/dev/null) && [ "$(ps -p "$p" -o comm= 2>/dev/null)" = redis-server ] && kill "$p"; rm -rf ${shellQuote(dir)}`,
  );
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  let child: ChildProcess | undefined;

  const start = async () => {
    if (child) return;
    const proc = spawn('redis-server', [...args, '--pidfile', pidFile, '--dir', dir], { stdio: 'ignore' });
    child = proc;
    proc.once('exit', () => {
      if (child === proc) child = undefined;
    });
    await new Promise<void>((resolve, reject) => {
      proc.once('spawn', resolve);
      proc.once('error', (err) => reject(new Error(`testkit: cannot run redis-server: ${err.message}`)));
    });
    await waitFor(() => redisAnswers(url), { timeoutMs: 10_000, message: `redis-server on port ${port}` });
  };
  const stop = async () => {
    const proc = child;
    if (!proc) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM'); // nothing to save, so this is as quick as SIGKILL and tidies the pid file
    });
  };
  const close = async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
    disarm();
  };

  try {
    await start();
    return { url, stop, start, close };
  } catch (err) {
    await close();
    throw err;
  }
}

async function redisAnswers(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } finally {
    redis.disconnect();
  }
}
