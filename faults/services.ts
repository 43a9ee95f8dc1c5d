import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cleanupWhenGone, shellQuote, waitFor } from '@safewatch/testkit';

export const ROOT = resolve(import.meta.dirname, '..');

export const SERVICE_MAIN = {
  ingest: 'services/ingest/src/main.ts',
  alerts: 'services/alerts/src/main.ts',
  bindings: 'services/bindings/src/main.ts',
  share: 'services/share/src/main.ts',
  /** X8: the share service's notifier, a process of its own. */
  notifier: 'services/share/src/notifier/main.ts',
} as const;
export type ServiceKind = keyof typeof SERVICE_MAIN;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One service running as a real process, as `npm start` runs it. */
export interface ServiceProcess {
  name: string;
  kind: ServiceKind;
  port: number;
  base: string;
  pid: number;
  log: string;
  exited: Promise<Exit>;
  alive(): boolean;
  /** Sends `signal` and waits for the process to exit. */
  kill(signal: NodeJS.Signals): Promise<Exit>;
}

/** Spawns `node --import tsx <main.ts>` with `env` over ours; output goes to `<logDir>/<name>.log`. */
export function spawnService(
  kind: ServiceKind,
  name: string,
  port: number,
  env: Record<string, string>,
  logDir: string,
): ServiceProcess {
  mkdirSync(logDir, { recursive: true });
  const log = join(logDir, `${name}.log`);
  const fd = openSync(log, 'a');
  const file = join(ROOT, SERVICE_MAIN[kind]);
  const proc: ChildProcess = spawn(
    process.execPath,
    ['--max-semi-space-size=64', '--import', 'tsx', '--conditions=source', file],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', fd, fd],
    },
  );
  closeSync(fd);
  const pid = proc.pid as number;
  // If this test process dies without its teardown, the service goes too (checked by its command line).
  const disarm = cleanupWhenGone(
    `grep -q ${shellQuote(SERVICE_MAIN[kind])} /proc/${pid}/cmdline 2>/dev/null && kill -9 ${pid}`,
  );
  const exited = new Promise<Exit>((done) =>
    proc.once('exit', (code, signal) => {
      disarm();
      done({ code, signal });
    }),
  );
  const alive = () => proc.exitCode === null && proc.signalCode === null;
  return {
    name,
    kind,
    port,
    base: `http://127.0.0.1:${port}`,
    pid,
    log,
    exited,
    alive,
    async kill(signal) {
      if (alive()) proc.kill(signal);
      return exited;
    },
  };
}

export async function httpStatus(url: string, timeoutMs = 3_000): Promise<number> {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await r.arrayBuffer();
    return r.status;
  } catch {
    return 0;
  }
}

export async function readyz(
  s: ServiceProcess,
): Promise<{ status: number; checks: Record<string, boolean> }> {
  try {
    const r = await fetch(`${s.base}/readyz`, { signal: AbortSignal.timeout(3_000) });
    const body = (await r.json()) as { checks?: Record<string, boolean> };
    return { status: r.status, checks: body.checks ?? {} };
  } catch {
    return { status: 0, checks: {} };
  }
}

export async function waitReady(s: ServiceProcess, timeoutMs = 120_000): Promise<void> {
  await waitFor(
    () => {
      if (!s.alive()) throw new Error(`${s.name} exited; see ${s.log}`);
      return readyz(s).then((r) => r.status === 200);
    },
    { timeoutMs, intervalMs: 250, message: `${s.name} ready (log: ${s.log})` },
  );
}

/** Sums the samples of a Prometheus metric whose labels include `labels`. */
export async function metric(s: ServiceProcess, name: string, labels: Record<string, string> = {}) {
  const r = await fetch(`${s.base}/metrics`, { signal: AbortSignal.timeout(5_000) });
  const text = await r.text();
  let total = 0;
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? ([0-9.e+-]+|NaN)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const lbl = m[2] ?? '';
    if (Object.entries(labels).every(([k, v]) => lbl.includes(`${k}="${v}"`))) total += Number(m[3]);
  }
  return total;
}

/**
 * Warnings and errors the services' Kafka clients (kafkajs, component "kafka")
 * logged from `sinceMs` on: the connection and request retries behind a fault.
 */
export function kafkaClientComplaints(processes: ServiceProcess[], sinceMs: number): number {
  let n = 0;
  for (const log of new Set(processes.map((p) => p.log))) {
    if (!existsSync(log)) continue;
    for (const line of readFileSync(log, 'utf8').split('\n')) {
      if (!line.includes('"component":"kafka"')) continue;
      const at = /"level":(\d+),"time":"([^"]+)"/.exec(line);
      if (at && Number(at[1]) >= 40 && Date.parse(at[2] as string) >= sinceMs) n++;
    }
  }
  return n;
}

/** Runs one of the repository's TypeScript CLIs to completion. */
export function runCli(file: string, env: Record<string, string>): Promise<void> {
  return new Promise((ok, fail) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', join(ROOT, file)], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    proc.once('exit', (code) => (code === 0 ? ok() : fail(new Error(`${file} failed (${code}):\n${out}`))));
  });
}
