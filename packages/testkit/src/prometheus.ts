/**
 * Debian's Prometheus (`apt-get install prometheus`, installed by
 * scripts/setup.sh): a server started on a free port with a generated
 * configuration, scraping the given targets and evaluating the given rule
 * files, and `promtool`. Used by the observability tests; `npm start` can
 * start the same server.
 *
 * The server is its own process group, and a watcher stops it if the process
 * that started it dies without stop(). Its data directory is a temporary one
 * unless `dataDir` is given (then it is kept).
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cleanupWhenGone, shellQuote } from './disposable.js';
import { stopProcess, waitReady } from './processes.js';
import { freePort } from './wait.js';

export const PROMETHEUS_BIN = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
export const PROMTOOL_BIN = process.env.PROMTOOL_BIN ?? '/usr/bin/promtool';

export interface PrometheusTarget {
  job: string;
  /** host:port of each instance; scraped at /metrics. */
  addresses: string[];
}

export interface StartPrometheusOptions {
  targets: PrometheusTarget[];
  /** Rule files the server loads and evaluates (paths; globs as Prometheus accepts them). */
  ruleFiles?: string[];
  /** Port on 127.0.0.1 (default: a free one). */
  port?: number;
  /** TSDB directory, kept after stop() (default: a temporary one, deleted by stop()). */
  dataDir?: string;
  /** Scrape and rule evaluation interval (default 15 s, as in deploy/observability/prometheus.yml). */
  scrapeIntervalS?: number;
  /** The server's own log (default: <dataDir>/prometheus.log). */
  logFile?: string;
}

/** One series of an instant query's answer. */
export interface PromSample {
  metric: Record<string, string>;
  value: [number, string];
}

export type QueryResult =
  | { resultType: 'vector'; result: PromSample[] }
  | { resultType: 'matrix'; result: { metric: Record<string, string>; values: [number, string][] }[] }
  | { resultType: 'scalar' | 'string'; result: [number, string] };

export interface PromTargetHealth {
  job: string;
  instance: string;
  health: 'up' | 'down' | 'unknown';
  lastError: string;
  lastScrape: string;
}

export interface PromRuleHealth {
  group: string;
  name: string;
  type: 'alerting' | 'recording';
  health: 'ok' | 'err' | 'unknown';
  lastError?: string;
  state?: string;
}

/** An answer of the HTTP API with status "error", e.g. `bad_data` for an expression that does not parse. */
export class PrometheusApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly errorType: string,
    readonly detail: string,
  ) {
    super(`Prometheus ${errorType} (${httpStatus}): ${detail}`);
    this.name = 'PrometheusApiError';
  }
}

export interface RunningPrometheus {
  url: string;
  port: number;
  dataDir: string;
  configFile: string;
  /** Instant query at the server's now. Throws PrometheusApiError when Prometheus refuses it. */
  query(expr: string): Promise<QueryResult>;
  /** The scrape targets and how their last scrape went. */
  targets(): Promise<PromTargetHealth[]>;
  /** The loaded rules and how their last evaluation went. */
  rules(): Promise<PromRuleHealth[]>;
  /** The last lines of the server's log. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

/** The server's configuration: JSON, which is YAML, so no YAML writer is needed. */
export function prometheusConfig(
  opts: Pick<StartPrometheusOptions, 'targets' | 'ruleFiles' | 'scrapeIntervalS'>,
) {
  const interval = `${opts.scrapeIntervalS ?? 15}s`;
  return {
    global: {
      scrape_interval: interval,
      scrape_timeout: interval,
      evaluation_interval: interval,
    },
    rule_files: (opts.ruleFiles ?? []).map((f) => resolve(f)),
    scrape_configs: opts.targets.map((t) => ({
      job_name: t.job,
      static_configs: [{ targets: t.addresses }],
    })),
  };
}

async function api<T>(url: string): Promise<T> {
  const res = await fetch(url);
  const body = (await res.json().catch(() => ({}))) as {
    status?: string;
    data?: T;
    errorType?: string;
    error?: string;
  };
  if (body.status !== 'success')
    throw new PrometheusApiError(res.status, body.errorType ?? 'unknown', body.error ?? res.statusText);
  return body.data as T;
}

export async function startPrometheus(opts: StartPrometheusOptions): Promise<RunningPrometheus> {
  const tempDir = opts.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'testkit-prometheus-'));
  const dataDir = resolve(opts.dataDir ?? join(tempDir as string, 'data'));
  mkdirSync(dataDir, { recursive: true });
  const configFile = join(tempDir ?? dataDir, 'prometheus.yml');
  writeFileSync(configFile, `${JSON.stringify(prometheusConfig(opts), null, 2)}\n`);
  const logFile = opts.logFile ?? join(tempDir ?? dataDir, 'prometheus.log');
  mkdirSync(dirname(logFile), { recursive: true });
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;

  const fd = openSync(logFile, 'a');
  const proc = spawn(
    PROMETHEUS_BIN,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${dataDir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // Debian's package serves its own console templates; none are needed here.
      '--web.console.templates=',
      '--web.console.libraries=',
    ],
    { stdio: ['ignore', fd, fd], detached: true },
  );
  closeSync(fd);
  const spawned = new Promise<void>((ok, fail) => {
    proc.once('spawn', ok);
    proc.once('error', (err) =>
      fail(new Error(`testkit: cannot run ${PROMETHEUS_BIN} (scripts/setup.sh installs it): ${err.message}`)),
    );
  });
  const pid = proc.pid;
  // If this process dies without stop(): the server (identified by its config file) stops too.
  const disarm =
    pid === undefined
      ? () => {}
      : cleanupWhenGone(
          `grep -q ${shellQuote(configFile)} /proc/${pid}/cmdline 2>/dev/null && kill ${pid}` +
            (tempDir ? `; sleep 2; rm -rf ${shellQuote(tempDir)}` : ''),
        );

  const logTail = (lines = 20) => {
    try {
      return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };
  const stop = async () => {
    await stopProcess(proc, 10_000);
    disarm();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };

  try {
    await spawned;
    await waitReady(`${url}/-/ready`, 30_000, { child: proc, name: 'prometheus', intervalMs: 200 }).catch(
      (err: Error) => {
        throw new Error(`${err.message}:\n${logTail()}`);
      },
    );
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    url,
    port,
    dataDir,
    configFile,
    query: (expr) => api<QueryResult>(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`),
    async targets() {
      const data = await api<{
        activeTargets: {
          labels: Record<string, string>;
          health: PromTargetHealth['health'];
          lastError: string;
          lastScrape: string;
        }[];
      }>(`${url}/api/v1/targets?state=active`);
      return data.activeTargets.map((t) => ({
        job: t.labels.job ?? '',
        instance: t.labels.instance ?? '',
        health: t.health,
        lastError: t.lastError,
        lastScrape: t.lastScrape,
      }));
    },
    async rules() {
      const data = await api<{
        groups: {
          name: string;
          rules: {
            name: string;
            type: PromRuleHealth['type'];
            health: string;
            lastError?: string;
            state?: string;
          }[];
        }[];
      }>(`${url}/api/v1/rules`);
      return data.groups.flatMap((g) =>
        g.rules.map((r) => ({
          group: g.name,
          name: r.name,
          type: r.type,
          health: r.health as PromRuleHealth['health'],
          ...(r.lastError ? { lastError: r.lastError } : {}),
          ...(r.state ? { state: r.state } : {}),
        })),
      );
    },
    logTail,
    stop,
  };
}

/** Number of series (or 1 for a scalar) an instant query answered. */
export function seriesCount(r: QueryResult): number {
  return r.resultType === 'scalar' || r.resultType === 'string' ? 1 : r.result.length;
}

/** Runs promtool to completion; its exit code and everything it printed (stdout then stderr). */
export function promtool(args: string[], cwd?: string): Promise<{ code: number; output: string }> {
  return new Promise((ok, fail) => {
    const proc = spawn(PROMTOOL_BIN, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => (stdout += d));
    proc.stderr.on('data', (d) => (stderr += d));
    proc.once('error', (err) =>
      fail(new Error(`testkit: cannot run ${PROMTOOL_BIN} (scripts/setup.sh installs it): ${err.message}`)),
    );
    proc.once('close', (code) => ok({ code: code ?? -1, output: `${stdout}${stderr}` }));
  });
}
