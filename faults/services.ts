import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scrapeMetrics } from '@safewatch/testkit';
import { type Exit, exitOf, isRunning, spawnTs, waitReady } from '@safewatch/testkit/processes';

export { type Exit, httpStatus } from '@safewatch/testkit/processes';

export const SERVICE_MAIN = {
  ingest: 'services/ingest/src/main.ts',
  alerts: 'services/alerts/src/main.ts',
  bindings: 'services/bindings/src/main.ts',
  share: 'services/share/src/main.ts',
  /** X8: the share service's notifier, a process of its own. */
  notifier: 'services/share/src/notifier/main.ts',
} as const;
export type ServiceKind = keyof typeof SERVICE_MAIN;

/** One service running as a real process, as `npm start` runs it. */
export interface ServiceProcess {
  name: string;
  kind: ServiceKind;
  port: number;
  base: string;
  pid: number;
  log: string;
  proc: ChildProcess;
  exited: Promise<Exit>;
  alive(): boolean;
  /** Sends `signal` and waits for the process to exit. */
  kill(signal: NodeJS.Signals): Promise<Exit>;
}

/** Spawns the service's main.ts as `npm start` does, with `env` over ours; output goes to `<logDir>/<name>.log`. */
export function spawnService(
  kind: ServiceKind,
  name: string,
  port: number,
  env: Record<string, string>,
  logDir: string,
): ServiceProcess {
  const log = join(logDir, `${name}.log`);
  // If this test process dies without its teardown, the service goes too.
  const proc = spawnTs(SERVICE_MAIN[kind], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    log,
    stopWhenGone: 'SIGKILL',
  });
  const exited = exitOf(proc);
  const alive = () => isRunning(proc);
  return {
    name,
    kind,
    port,
    base: `http://127.0.0.1:${port}`,
    pid: proc.pid as number,
    log,
    proc,
    exited,
    alive,
    async kill(signal) {
      if (alive()) proc.kill(signal);
      return exited;
    },
  };
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

/** Waits until the service's /readyz answers 2xx; fails at once if it exits. */
export function serviceReady(s: ServiceProcess, timeoutMs = 120_000): Promise<void> {
  return waitReady(`${s.base}/readyz`, timeoutMs, { child: s.proc, name: s.name, log: s.log });
}

/** Sums the samples of a Prometheus metric with these label values. */
export async function metric(s: ServiceProcess, name: string, labels: Record<string, string> = {}) {
  return (await scrapeMetrics(s.base)).sum(name, labels);
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
