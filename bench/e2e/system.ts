/**
 * The system under test of the end-to-end benchmark as real processes, the
 * way `npm start` runs it (scripts/start.ts): topic provisioning and
 * migrations through their command-line tools, then each service as its own
 * node process on its own port, logs in .cache/logs/e2e-<service>.log.
 * Spawning, readiness and stopping: @safewatch/testkit/processes.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { MetricsText, scrapeMetrics } from '@safewatch/testkit';
import { freePort, REPO_ROOT, spawnTs, waitReady } from '@safewatch/testkit/processes';

export const REPO = REPO_ROOT;
export const LOG_DIR = join(REPO, '.cache', 'logs');

export const SERVICE_NAMES = ['ingest', 'alerts', 'share', 'notifier', 'bindings'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
export const SERVICE_MAIN: Record<ServiceName, string> = {
  ingest: 'services/ingest/src/main.ts',
  bindings: 'services/bindings/src/main.ts',
  alerts: 'services/alerts/src/main.ts',
  share: 'services/share/src/main.ts',
  notifier: 'services/share/src/notifier/main.ts',
};

export interface RunningService {
  name: ServiceName;
  port: number;
  base: string;
  proc: ChildProcess;
  env: Record<string, string>;
}

/** Starts a service as its own node process and waits for its /readyz. */
export async function startService(
  name: ServiceName,
  env: Record<string, string>,
  extraNodeFlags: string[] = [],
): Promise<RunningService> {
  const port = Number(env.PORT) || (await freePort());
  const fullEnv = { ...env, PORT: String(port) };
  const log = join(LOG_DIR, `e2e-${name}.log`);
  const proc = spawnTs(SERVICE_MAIN[name], { env: fullEnv, nodeFlags: extraNodeFlags, log });
  const base = `http://127.0.0.1:${port}`;
  await waitReady(`${base}/readyz`, 90_000, { child: proc, name, log });
  return { name, port, base, proc, env: fullEnv };
}

/** Spawns a benchmark child (node + tsx) of this folder with an IPC channel. */
export function spawnChild(file: string, env: Record<string, string>): ChildProcess {
  return spawnTs(join(import.meta.dirname, file), { env, stdio: 'ipc' });
}

/** The service's /metrics; empty when it does not answer. */
export async function scrape(base: string): Promise<MetricsText> {
  return scrapeMetrics(base).catch(() => new MetricsText(''));
}
