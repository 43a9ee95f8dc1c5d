/**
 * The repository's TypeScript programs as child processes, as `npm start`,
 * the fault suite and the end-to-end benchmark run them: node with tsx on the
 * sources (the `source` condition), output appended to a log file or read by
 * the caller, a wait until an HTTP endpoint answers (a service's /readyz), and
 * a stop (SIGTERM, SIGKILL after a grace period).
 *
 * A child started here is stopped by a watcher if this process dies without
 * stopping it (cleanupWhenGone: vitest's SIGTERM and crashes skip 'exit'
 * hooks). The watcher checks the child's command line first, so a reused
 * process id is left alone.
 *
 * Light on purpose (node built-ins and disposable.ts, wait.ts): `npm start`
 * loads it before anything else.
 */
import { type ChildProcess, type StdioOptions, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { cleanupWhenGone, shellQuote } from './disposable.js';

export { freePort } from './wait.js';

/** The repository's root: children run here, and relative program paths are resolved from here. */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** node's flags for a TypeScript program; the services' production images set the same V8 flag (see Dockerfile). */
export const TS_NODE_FLAGS = ['--max-semi-space-size=64', '--import', 'tsx', '--conditions=source'];

export interface SpawnTsOptions {
  /** Set over this process's environment. */
  env?: Record<string, string>;
  /** The program's arguments. */
  args?: string[];
  /** More node flags, before the program (e.g. `--cpu-prof`). */
  nodeFlags?: string[];
  /**
   * A file that stdout and stderr are appended to. The child writes it
   * itself, so the log goes on if this process dies. Without it: `stdio`.
   */
  log?: string;
  /**
   * Without `log`: 'pipe' (default, the caller reads stdout and stderr),
   * 'inherit', 'ignore', or 'ipc' (stdout and stderr inherited, an IPC channel).
   */
  stdio?: 'pipe' | 'inherit' | 'ignore' | 'ipc';
  /**
   * Its own process group: a Ctrl-C at the terminal reaches only this
   * process, which then stops its children in its own order.
   */
  detached?: boolean;
  /** What the watcher sends the child if this process dies first (default SIGTERM); false: no watcher. */
  stopWhenGone?: NodeJS.Signals | false;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** `node <TS_NODE_FLAGS> <file> <args>` in the repository's root; `file` is absolute or relative to the root. */
export function spawnTs(file: string, opts: SpawnTsOptions = {}): ChildProcess {
  const program = resolve(REPO_ROOT, file);
  let stdio: StdioOptions;
  let fd: number | undefined;
  if (opts.log) {
    mkdirSync(dirname(opts.log), { recursive: true });
    fd = openSync(opts.log, 'a');
    stdio = ['ignore', fd, fd];
  } else if (opts.stdio === 'ipc') stdio = ['ignore', 'inherit', 'inherit', 'ipc'];
  else stdio = ['ignore', opts.stdio ?? 'pipe', opts.stdio ?? 'pipe'];
  let child: ChildProcess;
  try {
    child = spawn(
      process.execPath,
      [...TS_NODE_FLAGS, ...(opts.nodeFlags ?? []), program, ...(opts.args ?? [])],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, ...opts.env },
        stdio,
        detached: opts.detached ?? false,
      },
    );
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const signal = opts.stopWhenGone ?? 'SIGTERM';
  if (signal !== false && child.pid !== undefined) {
    const pid = child.pid;
    const disarm = cleanupWhenGone(
      `grep -q ${shellQuote(program)} /proc/${pid}/cmdline 2>/dev/null && kill -${signal.replace(/^SIG/, '')} ${pid}`,
    );
    child.once('exit', disarm);
  }
  return child;
}

/**
 * `preferred` if nothing listens on it at 127.0.0.1, else the next port up
 * that is free (a well-known port when it can be had, e.g. Prometheus's 9090).
 */
export async function nextFreePort(preferred: number, tries = 100): Promise<number> {
  for (let port = preferred; port < preferred + tries; port++) if (await canListen(port)) return port;
  throw new Error(`no free port from ${preferred} to ${preferred + tries - 1}`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

/** Whether the child has neither exited nor been ended by a signal. */
export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** How the child ended, once it has. */
export function exitOf(child: ChildProcess): Promise<Exit> {
  if (!isRunning(child)) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
}

/**
 * Runs a TypeScript program to its end. Resolves with its output (stdout and
 * stderr, interleaved); rejects with that output when it exits otherwise than
 * with 0. `name` names it in the error (default: the file).
 */
export function runToEnd(
  file: string,
  opts: Pick<SpawnTsOptions, 'env' | 'args' | 'nodeFlags'> & { name?: string } = {},
): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawnTs(file, { ...opts, stdio: 'pipe' });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.once('error', fail);
    child.once('close', (code, signal) =>
      code === 0 ? ok(out) : fail(new Error(`${opts.name ?? file} failed (${signal ?? code}):\n${out}`)),
    );
  });
}

/** SIGTERM (the services close gracefully and exit), SIGKILL after `graceMs`; resolves once the child is gone. */
export async function stopProcess(child: ChildProcess, graceMs = 30_000): Promise<Exit> {
  if (!isRunning(child)) return exitOf(child);
  const exit = exitOf(child);
  const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
  child.kill('SIGTERM');
  try {
    return await exit;
  } finally {
    clearTimeout(force);
  }
}

/** The HTTP status of a GET (the body read and dropped); 0 when nothing answers within `timeoutMs`. */
export async function httpStatus(url: string, timeoutMs = 3_000): Promise<number> {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await r.arrayBuffer();
    return r.status;
  } catch {
    return 0;
  }
}

export interface WaitReadyOptions {
  /** The process behind the URL: its exit ends the wait at once. */
  child?: ChildProcess;
  /** What is waited for, in errors (default: the URL). */
  name?: string;
  /** Its log, named in errors. */
  log?: string;
  intervalMs?: number;
}

/**
 * Polls `url` (e.g. a service's /readyz) until it answers 2xx. Rejects when
 * `timeoutMs` pass first, or when `opts.child` exits.
 */
export async function waitReady(url: string, timeoutMs = 60_000, opts: WaitReadyOptions = {}): Promise<void> {
  const what = opts.name ?? url;
  const seeLog = opts.log ? `; see ${opts.log}` : '';
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { child } = opts;
    if (child && !isRunning(child))
      throw new Error(`${what} exited (${child.signalCode ?? child.exitCode})${seeLog}`);
    const status = await httpStatus(url, Math.min(3_000, Math.max(100, deadline - Date.now())));
    if (status >= 200 && status < 300) return;
    if (Date.now() >= deadline) throw new Error(`${what} not ready after ${timeoutMs / 1000} s${seeLog}`);
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 250));
  }
}
