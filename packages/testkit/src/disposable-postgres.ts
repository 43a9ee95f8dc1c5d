import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cleanupWhenGone, type DisposableServer, requireLocal, shellQuote } from './disposable.js';
import { getInfra } from './infra.js';
import type { Infra } from './types.js';
import { freePort } from './wait.js';

const run = promisify(execFile);

function pgBinDir(): string {
  if (process.env.PG_BINDIR) return process.env.PG_BINDIR;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  return ''; // rely on PATH
}

/**
 * A fresh Postgres cluster in a temp dir on a free port, trust auth. stop() is
 * an immediate shutdown (an abrupt outage); start() brings it back on the same
 * port with its data. Postgres refuses to run as root, so as root the binaries
 * run as the `postgres` user.
 */
export async function startDisposablePostgres(infra: Infra = getInfra()): Promise<DisposableServer> {
  requireLocal('postgres', infra);
  const bin = pgBinDir();
  const asRoot = process.getuid?.() === 0;
  const pgCmd = (tool: string, args: string[]): [string, string[]] => {
    const exe = bin ? join(bin, tool) : tool;
    return asRoot ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
  };

  const dir = mkdtempSync(join(tmpdir(), 'testkit-pg-'));
  const data = join(dir, 'data');
  const [stopCmd, stopArgs] = pgCmd('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
  const disarm = cleanupWhenGone(
    `${[stopCmd, ...stopArgs].map(shellQuote).join(' ')} >/dev/null 2>&1; rm -rf ${shellQuote(dir)}`,
  );
  const ctl = (args: string[]) => run(...pgCmd('pg_ctl', ['-D', data, '-w', '-t', '30', ...args]));
  // The socket lives in the temp dir so nothing depends on /var/run/postgresql.
  let serverOpts = '';
  let running = false;

  const start = async () => {
    if (running) return;
    await ctl(['-o', serverOpts, '-l', join(dir, 'server.log'), 'start']);
    running = true;
  };
  const stop = async () => {
    if (!running) return;
    await ctl(['-m', 'immediate', 'stop']);
    running = false;
  };
  const close = async () => {
    await stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    disarm();
  };

  try {
    if (asRoot) {
      const ids = await Promise.all(
        ['-u', '-g'].map(async (f) => Number((await run('id', [f, 'postgres'])).stdout)),
      );
      chownSync(dir, ids[0] ?? 0, ids[1] ?? 0);
    }
    const port = await freePort();
    serverOpts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
    const initdbArgs = ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'];
    await run(...pgCmd('initdb', initdbArgs));
    await start();
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop, start, close };
  } catch (err) {
    await close();
    throw new Error(`testkit: disposable postgres failed to start: ${(err as Error).message}`, {
      cause: err,
    });
  }
}
