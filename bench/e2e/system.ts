/**
 * The system under test of the end-to-end benchmark as real processes, the
 * way `npm start` runs it (scripts/start.ts): topic provisioning and
 * migrations through their command-line tools, then each service as its own
 * node process on its own port, logs in .cache/logs/e2e-<service>.log.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..', '..');
export const LOG_DIR = join(REPO, '.cache', 'logs');
/** The services' production images set the same V8 flag (see Dockerfile). */
const NODE_FLAGS = ['--max-semi-space-size=64', '--import', 'tsx', '--conditions=source'];

export type ServiceName = 'ingest' | 'bindings' | 'alerts' | 'share';
export const SERVICE_MAIN: Record<ServiceName, string> = {
  ingest: 'services/ingest/src/main.ts',
  bindings: 'services/bindings/src/main.ts',
  alerts: 'services/alerts/src/main.ts',
  share: 'services/share/src/main.ts',
};

export interface RunningService {
  name: ServiceName;
  port: number;
  base: string;
  proc: ChildProcess;
  env: Record<string, string>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A free TCP port on the loopback interface (asked from the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** Runs one of the repository's TypeScript command-line tools to completion. */
export function runTool(file: string, env: Record<string, string>): Promise<void> {
  return new Promise((ok, fail) => {
    const proc = spawn(process.execPath, [...NODE_FLAGS, join(REPO, file)], {
      cwd: REPO,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    proc.once('exit', (code) => (code === 0 ? ok() : fail(new Error(`${file} failed (${code}):\n${out}`))));
  });
}

/** Starts a service as its own node process and waits for its /readyz. */
export async function startService(
  name: ServiceName,
  env: Record<string, string>,
  extraNodeFlags: string[] = [],
): Promise<RunningService> {
  mkdirSync(LOG_DIR, { recursive: true });
  const port = Number(env.PORT) || (await freePort());
  const fullEnv = { ...env, PORT: String(port) };
  const log = createWriteStream(join(LOG_DIR, `e2e-${name}.log`), { flags: 'a' });
  const proc = spawn(process.execPath, [...NODE_FLAGS, ...extraNodeFlags, join(REPO, SERVICE_MAIN[name])], {
    cwd: REPO,
    env: { ...process.env, ...fullEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout?.pipe(log);
  proc.stderr?.pipe(log);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (proc.exitCode !== null)
      throw new Error(`${name} exited (${proc.exitCode}); see ${LOG_DIR}/e2e-${name}.log`);
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline)
      throw new Error(`${name} not ready after 90 s; see ${LOG_DIR}/e2e-${name}.log`);
    await sleep(300);
  }
  return { name, port, base, proc, env: fullEnv };
}

/** SIGTERM (the services close gracefully and exit), SIGKILL after `graceMs`. */
export function stopService(s: { proc: ChildProcess }, graceMs = 30_000): Promise<void> {
  const { proc } = s;
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => proc.kill('SIGKILL'), graceMs);
    proc.once('exit', () => {
      clearTimeout(force);
      done();
    });
    proc.kill('SIGTERM');
  });
}

/** Spawns a benchmark child (node + tsx) of this folder with an IPC channel. */
export function spawnChild(file: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [...NODE_FLAGS, join(import.meta.dirname, file)], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** Sums every sample of a metric in Prometheus text format whose labels contain `match`. */
export function metricSum(text: string, name: string, match = ''): number {
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? ([0-9.e+-]+|NaN)$/.exec(line);
    if (!m || m[1] !== name || !(m[2] ?? '').includes(match)) continue;
    total += Number(m[3]);
  }
  return total;
}

/** Every sample of a metric by the value of one label. */
export function metricBy(text: string, name: string, label: string): Map<string, number> {
  const by = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? ([0-9.e+-]+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const value = new RegExp(`${label}="([^"]*)"`).exec(m[2] ?? '')?.[1] ?? '';
    by.set(value, (by.get(value) ?? 0) + Number(m[3]));
  }
  return by;
}

export async function scrape(base: string): Promise<string> {
  return fetch(`${base}/metrics`).then(
    (r) => r.text(),
    () => '',
  );
}
