/**
 * `npm start`: the whole system on local defaults with a simulated fleet.
 * Starts the local Kafka test broker (unless KAFKA_BROKERS is given),
 * provisions topics, applies migrations, starts the services and the fleet
 * simulator, then prints a line of live counts every few seconds.
 * Service logs go to .cache/logs/<name>.log. Ctrl-C stops everything.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startMockBroker } from '../packages/testkit/src/mock-broker.js';

const root = resolve(import.meta.dirname, '..');
const logDir = join(root, '.cache', 'logs');
mkdirSync(logDir, { recursive: true });

const { values: opt } = parseArgs({
  options: {
    trucks: { type: 'string', default: process.env.SIM_TRUCKS ?? '200' },
    // Simulated history before "now", so the views have tracks from the start.
    backfill: { type: 'string', default: process.env.SIM_START ?? '-30m' },
    'ingest-port': { type: 'string', default: process.env.INGEST_PORT ?? '9101' },
  },
});

const children: { name: string; proc: ChildProcess }[] = [];
let stopping = false;

function say(line: string) {
  process.stdout.write(`${line}\n`);
}

function run(name: string, file: string, env: Record<string, string>, args: string[] = []): ChildProcess {
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  // The services' production images set the same V8 flag (see Dockerfile).
  const node = ['--max-semi-space-size=64', '--import', 'tsx', '--conditions=source'];
  const proc = spawn(process.execPath, [...node, join(root, file), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: Ctrl-C reaches only this script, which then stops the
    // children one at a time (simulator first, then services, then the broker).
    detached: true,
  });
  proc.stdout?.pipe(log);
  proc.stderr?.pipe(log);
  children.push({ name, proc });
  proc.once('exit', (code, signal) => {
    if (!stopping) {
      say(`✗ ${name} exited (${signal ?? code}); see ${join(logDir, `${name}.log`)}`);
      void shutdown(1);
    }
  });
  return proc;
}

function runToEnd(name: string, file: string, env: Record<string, string>): Promise<void> {
  return new Promise((ok, fail) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', join(root, file)], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    proc.once('exit', (code) => (code === 0 ? ok() : fail(new Error(`${name} failed:\n${out}`))));
  });
}

async function waitReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} not ready after ${timeoutMs / 1000} s`);
}

let stopBroker: (() => Promise<void>) | undefined;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    say('stopping…');
    for (const { proc } of children.reverse()) {
      if (proc.exitCode !== null || proc.signalCode !== null) continue;
      await new Promise<void>((done) => {
        const force = setTimeout(() => proc.kill('SIGKILL'), 30_000);
        proc.once('exit', () => {
          clearTimeout(force);
          done();
        });
        proc.kill('SIGTERM');
      });
    }
    await stopBroker?.();
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

/** Sums every sample of a metric in Prometheus text format, optionally by one label. */
function metric(text: string, name: string): { total: number; by: Map<string, number> } {
  const by = new Map<string, number>();
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(\{[^}]*\})? ([0-9.e+-]+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const v = Number(m[3]);
    total += v;
    const label = /(?:reason|partition)="([^"]*)"/.exec(m[2] ?? '')?.[1];
    if (label) by.set(label, (by.get(label) ?? 0) + v);
  }
  return { total, by };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

try {
  const env: Record<string, string> = {};
  if (process.env.KAFKA_BROKERS) {
    say(`Kafka: ${process.env.KAFKA_BROKERS}`);
  } else {
    const broker = await startMockBroker();
    stopBroker = broker.stop;
    env.KAFKA_BROKERS = broker.bootstrap;
    env.KAFKA_MOCK_CONTROL = broker.control;
    say(
      `Kafka: local test broker at ${broker.bootstrap} (in memory; set KAFKA_BROKERS to use a real cluster)`,
    );
  }
  say(
    `Postgres: ${process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'} · Redis: ${process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'}`,
  );

  await runToEnd('topics', 'packages/common/src/cli/provision-topics.ts', env);
  say('✓ topics provisioned');
  await runToEnd('migrate', 'packages/common/src/cli/migrate.ts', env);
  say('✓ migrations applied');

  const ingestPort = opt['ingest-port'];
  run('ingest', 'services/ingest/src/main.ts', { ...env, PORT: ingestPort });
  await waitReady(`http://127.0.0.1:${ingestPort}/readyz`, 60_000);
  say(`✓ ingest ready · metrics http://127.0.0.1:${ingestPort}/metrics`);

  run('simulator', 'packages/simulator/src/cli.ts', env, [
    '--trucks',
    opt.trucks,
    '--start',
    opt.backfill,
    '--follow',
    '--quiet',
  ]);
  say(`✓ simulator: ${opt.trucks} trucks on Shandong expressways, one fix per truck every 30 s`);
  say(`logs: ${logDir} · Ctrl-C to stop\n`);

  let previous = 0;
  let previousAt = Date.now();
  setInterval(async () => {
    const text = await fetch(`http://127.0.0.1:${ingestPort}/metrics`).then(
      (r) => r.text(),
      () => '',
    );
    if (!text) return;
    const consumed = metric(text, 'ingest_positions_consumed_total').total;
    const accepted = metric(text, 'ingest_positions_accepted_total').total;
    const rejected = metric(text, 'ingest_positions_rejected_total');
    const dups = metric(text, 'ingest_positions_duplicate_total').total;
    const lag = metric(text, 'ingest_consumer_lag').total;
    const now = Date.now();
    const rate = ((consumed - previous) * 1000) / (now - previousAt);
    previous = consumed;
    previousAt = now;
    const reasons = [...rejected.by].map(([r, n]) => `${r} ${fmt(n)}`).join(', ');
    say(
      `${new Date().toISOString().slice(11, 19)} positions consumed ${fmt(consumed)} (${fmt(rate)}/s) · accepted ${fmt(accepted)} · ` +
        `rejected ${fmt(rejected.total)}${reasons ? ` (${reasons})` : ''} · duplicates ${fmt(dups)} · lag ${fmt(lag)}`,
    );
  }, 5_000);
} catch (err) {
  say(`✗ start failed: ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
}
