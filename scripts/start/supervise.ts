/**
 * `npm start`'s processes. Each service and the simulator is a node process
 * of its own, in its own process group (a Ctrl-C at the terminal reaches only
 * the start script), writing .cache/logs/<name>.log; services are waited for
 * on their /readyz. On Ctrl-C, SIGTERM, or when one of them exits early,
 * everything stops in the reverse order of its start: the simulator first,
 * then Prometheus, the services, the broker. If the start script is killed
 * without that, a watcher stops each child all the same.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startLocalKafka } from '../../packages/testkit/src/local-kafka.js';
import { ruleFiles } from '../../packages/testkit/src/observability-files.js';
import {
  nextFreePort,
  REPO_ROOT,
  spawnTs,
  stopProcess,
  waitReady,
} from '../../packages/testkit/src/processes.js';
import { type PrometheusTarget, startPrometheus } from '../../packages/testkit/src/prometheus.js';

export const LOG_DIR = join(REPO_ROOT, '.cache', 'logs');

export function say(line: string) {
  process.stdout.write(`${line}\n`);
}

export class Supervisor {
  private readonly stops: (() => Promise<unknown>)[] = [];
  private stopping = false;

  /** Ctrl-C and SIGTERM stop everything (exit code 0). */
  constructor() {
    process.on('SIGINT', () => void this.shutdown(0));
    process.on('SIGTERM', () => void this.shutdown(0));
  }

  /** `stop` runs at shutdown, before the stops of whatever was started earlier. */
  onShutdown(stop: () => Promise<unknown>): void {
    this.stops.push(stop);
  }

  /** Runs one of the repository's TypeScript programs until shutdown; its early exit stops everything. */
  run(name: string, file: string, env: Record<string, string>, args: string[] = []): ChildProcess {
    const log = join(LOG_DIR, `${name}.log`);
    const proc = spawnTs(file, { env, args, log, detached: true });
    this.onShutdown(() => stopProcess(proc));
    proc.once('exit', (code, signal) => {
      if (!this.stopping) {
        say(`✗ ${name} exited (${signal ?? code}); see ${log}`);
        void this.shutdown(1);
      }
    });
    return proc;
  }

  /** Starts a service on `port`, waits for its /readyz and prints `✓ <name> ready · <what>`. */
  async startService(name: string, file: string, port: string, env: Record<string, string>, what: string) {
    this.run(name, file, { ...env, PORT: port });
    await waitReady(`http://127.0.0.1:${port}/readyz`, 60_000);
    say(`✓ ${name} ready · ${what}`);
  }

  /** Stops everything, last started first, and exits; a second call (a second Ctrl-C) exits at once. */
  async shutdown(code: number): Promise<never> {
    if (!this.stopping) {
      this.stopping = true;
      say('stopping…');
      for (const stop of this.stops.reverse()) await stop().catch(() => undefined);
    }
    process.exit(code);
  }
}

/**
 * A local Apache Kafka broker (one KRaft node, 127.0.0.1:9092 when free),
 * unless KAFKA_BROKERS names a cluster. Returns the brokers for the services.
 */
export async function startKafka(sup: Supervisor): Promise<string> {
  if (process.env.KAFKA_BROKERS) {
    say(`Kafka: ${process.env.KAFKA_BROKERS}`);
    return process.env.KAFKA_BROKERS;
  }
  const started = Date.now();
  // Data kept between runs (like the local Postgres and Redis), so offsets and positions agree.
  const broker = await startLocalKafka({
    name: 'kafka',
    dataDir: join(REPO_ROOT, '.cache', 'kafka', 'data', 'start'),
    keepData: true,
    preferredPort: 9092,
  });
  sup.onShutdown(broker.stop);
  const brokers = broker.brokers.join(',');
  say(
    `✓ Kafka: Apache Kafka ${broker.version} (KRaft, 1 node) at ${brokers}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s · log ${join(LOG_DIR, 'kafka.log')} (set KAFKA_BROKERS to use another cluster)`,
  );
  return brokers;
}

/**
 * Debian's Prometheus on 9090 (or the next free port), scraping the services
 * and evaluating the project's alert rules (deploy/observability/rules) as
 * the deployment's Prometheus does. Its data are kept in .cache/prometheus.
 */
export async function startLocalPrometheus(sup: Supervisor, targets: PrometheusTarget[]): Promise<void> {
  const prometheus = await startPrometheus({
    targets,
    ruleFiles: ruleFiles(),
    port: await nextFreePort(9090),
    dataDir: join(REPO_ROOT, '.cache', 'prometheus'),
    logFile: join(LOG_DIR, 'prometheus.log'),
  });
  sup.onShutdown(prometheus.stop);
  const version = await fetch(`${prometheus.url}/api/v1/status/buildinfo`)
    .then((r) => r.json() as Promise<{ data?: { version?: string } }>)
    .then((b) => (b.data?.version ? ` ${b.data.version}` : ''))
    .catch(() => '');
  say(
    `✓ Prometheus${version} at ${prometheus.url} · alerts ${prometheus.url}/alerts (rules: deploy/observability/rules)`,
  );
}
