/**
 * `npm start`: the whole system on local defaults with a simulated fleet.
 * Starts a local Apache Kafka broker (unless KAFKA_BROKERS is given),
 * provisions topics, applies migrations, starts the services (with the
 * notifier, sending to a local WeChat stand-in) and the fleet simulator,
 * prints demo tokens for the bindings API and a family link, lets simulated
 * families opt in to notifications, then prints a line of live counts every
 * few seconds.
 * Service logs go to .cache/logs/<name>.log. Ctrl-C stops everything.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  authConfig,
  authEnv,
  createPgPool,
  DEV_JWT_SECRET,
  mintToken,
  type Principal,
  parseConfig,
  postgresEnv,
  Redis,
  redisEnv,
  z,
} from '@safewatch/common';
import { parseTime } from '../packages/simulator/src/args.js';
import { cleanupWhenGone, shellQuote } from '../packages/testkit/src/disposable.js';
import { startLocalKafka } from '../packages/testkit/src/local-kafka.js';
import { SAMPLE_REGISTRY_FILE } from '../services/bindings/src/registry/index.js';
import {
  demoFamilies,
  demoNotifyEnv,
  demoVapidKeys,
  eventfulTrucks,
  startDemoWechat,
  wechatCounts,
} from './demo-family.js';

const root = resolve(import.meta.dirname, '..');
const logDir = join(root, '.cache', 'logs');
mkdirSync(logDir, { recursive: true });

const { values: opt } = parseArgs({
  options: {
    trucks: { type: 'string', default: process.env.SIM_TRUCKS ?? '200' },
    // Simulated history before "now", so the views have tracks from the start.
    // Simulated history before "now": 5 h, so that fatigue alerts (4 h of driving) show up.
    backfill: { type: 'string', default: process.env.SIM_START ?? '-5h' },
    'ingest-port': { type: 'string', default: process.env.INGEST_PORT ?? '9101' },
    'bindings-port': { type: 'string', default: process.env.BINDINGS_PORT ?? '9102' },
    'alerts-port': { type: 'string', default: process.env.ALERTS_PORT ?? '9103' },
    'share-port': { type: 'string', default: process.env.SHARE_PORT ?? '9104' },
    'notifier-port': { type: 'string', default: process.env.NOTIFIER_PORT ?? '9105' },
    /** X8: the local WeChat stand-in the notifier sends to. */
    'wechat-port': { type: 'string', default: process.env.WECHAT_PORT ?? '9106' },
  },
});

const children: { name: string; proc: ChildProcess }[] = [];
let stopping = false;

function say(line: string) {
  process.stdout.write(`${line}\n`);
}

/** A node process running one of the repository's TypeScript files, with `env` over ours. */
function spawnTs(
  file: string,
  env: Record<string, string>,
  args: string[] = [],
  opts: { detached?: boolean } = {},
) {
  // The services' production images set the same V8 flag (see Dockerfile).
  const node = ['--max-semi-space-size=64', '--import', 'tsx', '--conditions=source'];
  return spawn(process.execPath, [...node, join(root, file), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: opts.detached ?? false,
  });
}

function run(name: string, file: string, env: Record<string, string>, args: string[] = []): ChildProcess {
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  // Own process group: Ctrl-C reaches only this script, which then stops the
  // children one at a time (simulator first, then services, then the broker).
  const proc = spawnTs(file, env, args, { detached: true });
  proc.stdout?.pipe(log);
  proc.stderr?.pipe(log);
  children.push({ name, proc });
  // If this script is killed without its shutdown, the child stops all the same (as the broker does).
  const pid = proc.pid as number;
  const disarm = cleanupWhenGone(
    `grep -q ${shellQuote(join(root, file))} /proc/${pid}/cmdline 2>/dev/null && kill -TERM ${pid}`,
  );
  proc.once('exit', disarm);
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
    const proc = spawnTs(file, env);
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    proc.once('exit', (code) => (code === 0 ? ok() : fail(new Error(`${name} failed:\n${out}`))));
  });
}

/** Starts a service on `port`, waits for its /readyz and prints `✓ <name> ready · <what>`. */
async function startService(
  name: string,
  file: string,
  port: string,
  env: Record<string, string>,
  what: string,
) {
  run(name, file, { ...env, PORT: port });
  await waitReady(`http://127.0.0.1:${port}/readyz`, 60_000);
  say(`✓ ${name} ready · ${what}`);
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
function metric(
  text: string,
  name: string,
  label = 'reason|partition',
): { total: number; by: Map<string, number> } {
  const by = new Map<string, number>();
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(\{[^}]*\})? ([0-9.e+-]+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const v = Number(m[3]);
    total += v;
    const value = new RegExp(`(?:${label})="([^"]*)"`).exec(m[2] ?? '')?.[1];
    if (value) by.set(value, (by.get(value) ?? 0) + v);
  }
  return { total, by };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** The token settings given to the services: ours, or the public development secret (as `npm run token`). */
function devAuthEnv(): Record<string, string> {
  if (process.env.JWT_SECRET || process.env.JWT_PUBLIC_KEY) return {};
  return { JWT_SECRET: DEV_JWT_SECRET };
}

const DEMO_TTL_S = 12 * 3600;
const DEMO_PRINCIPALS: Record<string, Principal> = {
  DRIVER_TOKEN: { sub: 'driver-0001', role: 'driver' },
  FAMILY_TOKEN: { sub: 'family-0001', role: 'family' },
  CARRIER_TOKEN: { sub: 'carrier-user-0001', role: 'carrier', carrierId: 'carrier-jinan-01' },
};

/** Demo tokens (12 h) for the sample registry's people, and a bind request to paste. */
/**
 * A family link to open in a browser: driver-0002 binds a simulated truck of
 * the sample registry (if not yet bound) and shares it for 7 days. Earlier
 * demo shares of that truck are cancelled first, so reruns keep working.
 */
async function demoShareLink(
  bindingsBase: string,
  shareBase: string,
  auth: Record<string, string>,
): Promise<string> {
  const cfg = authConfig(parseConfig(z.object(authEnv), { ...process.env, ...auth }));
  const headers = {
    authorization: `Bearer ${mintToken(cfg, { sub: 'driver-0002', role: 'driver' }, 3600)}`,
    'content-type': 'application/json',
  };
  const sample = JSON.parse(readFileSync(SAMPLE_REGISTRY_FILE, 'utf8')) as {
    vehicles: { plate_number: string; plate_color: number; transport_cert_no: string; vin: string }[];
  };
  const v = sample.vehicles[1];
  if (!v) throw new Error('the sample registry has no vehicles');
  await fetch(`${bindingsBase}/v1/drivers/me/bindings`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      plateNumber: v.plate_number,
      plateColor: v.plate_color,
      transportCertNo: v.transport_cert_no,
      vin: v.vin,
    }),
  });
  const list = (await (await fetch(`${bindingsBase}/v1/drivers/me/bindings`, { headers })).json()) as {
    items: { vehicleId: string; plateNumber: string }[];
  };
  const vehicleId = list.items.find((b) => b.plateNumber === v.plate_number)?.vehicleId;
  if (!vehicleId) throw new Error(`could not bind ${v.plate_number} for the demo`);
  const deadline = Date.now() + 20_000;
  for (;;) {
    // S5: the demo driver's earlier demo links end (at most 3 active per vehicle, S3). No body, so no content type.
    const cancelled = await fetch(`${shareBase}/v1/drivers/me/vehicles/${vehicleId}/shares`, {
      method: 'DELETE',
      headers: { authorization: headers.authorization },
    });
    if (!cancelled.ok) throw new Error(`cancelling the earlier demo links failed: ${await cancelled.text()}`);
    const r = await fetch(`${shareBase}/v1/drivers/me/shares`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ vehicleId, duration: '7d' }),
    });
    const body = (await r.json()) as { link?: string; code?: string };
    if (r.status === 201 && body.link)
      return `${body.link}   (${v.plate_number}, shared by driver-0002 for 7 days)`;
    // The share service learns the new binding from bindings.events within moments.
    if (body.code !== 'NOT_BOUND' || Date.now() > deadline)
      throw new Error(`demo share refused: ${JSON.stringify(body)}`);
    await new Promise((res) => setTimeout(res, 500));
  }
}

function demoTokens(base: string, auth: Record<string, string>): string {
  let tokens: string[];
  try {
    const cfg = authConfig(parseConfig(z.object(authEnv), { ...process.env, ...auth }));
    tokens = Object.entries(DEMO_PRINCIPALS).map(
      ([name, p]) => `export ${name}=${mintToken(cfg, p, DEMO_TTL_S)}   # ${p.role} ${p.carrierId ?? p.sub}`,
    );
  } catch (err) {
    return `(no demo tokens: ${err instanceof Error ? err.message : String(err)})`;
  }
  const sample = JSON.parse(readFileSync(SAMPLE_REGISTRY_FILE, 'utf8')) as {
    vehicles: { plate_number: string; plate_color: number; transport_cert_no: string; vin: string }[];
  };
  const v = sample.vehicles[0];
  if (!v) return tokens.join('\n');
  const claim = JSON.stringify({
    plateNumber: v.plate_number,
    plateColor: v.plate_color,
    transportCertNo: v.transport_cert_no,
    vin: v.vin,
  });
  const bearer = (name: string) => `-H "authorization: Bearer $${name}"`;
  return [
    `\ndemo tokens (valid ${DEMO_TTL_S / 3600} h; paste these lines into a shell):`,
    ...tokens,
    `# driver-0001 binds ${v.plate_number} (colour ${v.plate_color}) from the sample registry, then lists it:`,
    `curl -s -X POST ${base}/v1/drivers/me/bindings ${bearer('DRIVER_TOKEN')} -H 'content-type: application/json' -d '${claim}'; echo`,
    `curl -s ${base}/v1/drivers/me/bindings ${bearer('DRIVER_TOKEN')}; echo`,
    `curl -s '${base}/v1/carriers/me/vehicles?list=all' ${bearer('CARRIER_TOKEN')}; echo`,
    '',
  ].join('\n');
}

/**
 * The simulated fleet is replayed from `sinceMs` (the backfill) on every run,
 * and the data are kept between runs: what an earlier run stored for the same
 * simulated trucks after that instant would interleave with this run's fixes
 * (a track zig-zagging between two roads, a driving clock from another
 * drive). Forgets it: positions, alerts, clock events and their copies in the
 * share service from that instant on, and the alerts service's per-vehicle
 * state and the last positions. Bindings, shares and views are kept.
 */
async function forgetOverlappingRun(sinceMs: number): Promise<number> {
  const pg = parseConfig(z.object(postgresEnv), process.env);
  const pool = createPgPool(
    { databaseUrl: pg.DATABASE_URL, schema: pg.PG_SCHEMA, poolSize: 1, applicationName: 'npm-start' },
    () => undefined,
  );
  const since = new Date(sinceMs);
  let positions = 0;
  try {
    positions = (await pool.query('DELETE FROM positions WHERE gnss_time >= $1', [since])).rowCount ?? 0;
    for (const table of ['alerts', 'driving_clock_events', 'vehicle_alerts'])
      await pool.query(`DELETE FROM ${table} WHERE occurred_at >= $1`, [since]);
    await pool.query('DELETE FROM vehicle_clocks WHERE at_ms >= $1', [sinceMs]);
  } finally {
    await pool.end();
  }
  const { REDIS_URL, REDIS_KEY_PREFIX } = parseConfig(z.object(redisEnv), process.env);
  const redis = new Redis(REDIS_URL);
  try {
    for (const kind of ['alerts', 'last']) {
      const stream = redis.scanStream({ match: `${REDIS_KEY_PREFIX}${kind}:*`, count: 500 });
      for await (const keys of stream)
        if ((keys as string[]).length) await redis.unlink(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
  return positions;
}

/** Runs `fn` with a one-connection pool on the local Postgres. */
async function withPool<T>(fn: (pool: ReturnType<typeof createPgPool>) => Promise<T>): Promise<T> {
  const pg = parseConfig(z.object(postgresEnv), process.env);
  const pool = createPgPool(
    { databaseUrl: pg.DATABASE_URL, schema: pg.PG_SCHEMA, poolSize: 1, applicationName: 'npm-start' },
    () => undefined,
  );
  try {
    return await fn(pool);
  } finally {
    await pool.end();
  }
}

/** Counts current bindings for the live line; undefined when Postgres does not answer. */
function currentBindingsCounter(): () => Promise<number | undefined> {
  const pg = parseConfig(z.object(postgresEnv), process.env);
  const pool = createPgPool(
    { databaseUrl: pg.DATABASE_URL, schema: pg.PG_SCHEMA, poolSize: 1, applicationName: 'npm-start' },
    () => undefined,
  );
  return () =>
    pool.query<{ n: number }>('SELECT count(*)::int AS n FROM bindings WHERE unbound_at IS NULL').then(
      (r) => r.rows[0]?.n,
      () => undefined,
    );
}

try {
  const env: Record<string, string> = {};
  if (process.env.KAFKA_BROKERS) {
    say(`Kafka: ${process.env.KAFKA_BROKERS}`);
  } else {
    const started = Date.now();
    // Data kept between runs (like the local Postgres and Redis), so offsets and positions agree.
    const broker = await startLocalKafka({
      name: 'kafka',
      dataDir: join(root, '.cache', 'kafka', 'data', 'start'),
      keepData: true,
      preferredPort: 9092,
    });
    stopBroker = broker.stop;
    env.KAFKA_BROKERS = broker.brokers.join(',');
    say(
      `✓ Kafka: Apache Kafka ${broker.version} (KRaft, 1 node) at ${env.KAFKA_BROKERS}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s · log ${join(logDir, 'kafka.log')} (set KAFKA_BROKERS to use another cluster)`,
    );
  }
  say(
    `Postgres: ${process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'} · Redis: ${process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'}`,
  );

  await runToEnd('topics', 'packages/common/src/cli/provision-topics.ts', env);
  say('✓ topics provisioned');
  await runToEnd('migrate', 'packages/common/src/cli/migrate.ts', env);
  say('✓ migrations applied');
  const forgotten = await forgetOverlappingRun(parseTime(opt.backfill, Date.now()));
  if (forgotten > 0)
    say(`✓ an earlier run's ${forgotten.toLocaleString('en')} positions from the replayed period forgotten`);

  const ingestPort = opt['ingest-port'];
  await startService(
    'ingest',
    'services/ingest/src/main.ts',
    ingestPort,
    env,
    `metrics http://127.0.0.1:${ingestPort}/metrics`,
  );

  const bindings = `http://127.0.0.1:${opt['bindings-port']}`;
  const auth = devAuthEnv();
  await startService(
    'bindings',
    'services/bindings/src/main.ts',
    opt['bindings-port'],
    { ...env, ...auth, PUBLIC_BASE_URL: bindings, BINDINGS_REGISTRY_FILE: SAMPLE_REGISTRY_FILE },
    `${bindings}/openapi.json · metrics ${bindings}/metrics`,
  );

  const alertsPort = opt['alerts-port'];
  const alertSamples = join(root, 'services', 'alerts', 'samples');
  await startService(
    'alerts',
    'services/alerts/src/main.ts',
    alertsPort,
    {
      ...env,
      SPEED_ZONES_FILE: join(alertSamples, 'speed-zones.json'),
      REST_STOPS_FILE: join(alertSamples, 'rest-stops.json'),
    },
    `metrics http://127.0.0.1:${alertsPort}/metrics`,
  );

  const sharePort = opt['share-port'];
  const shareBase = `http://127.0.0.1:${sharePort}`;
  // X8: WeChat is a local stand-in here; Web Push keys are made once per checkout.
  const wechat = await startDemoWechat(Number(opt['wechat-port']));
  const notifyEnv = demoNotifyEnv(wechat.url, demoVapidKeys(join(root, '.cache', 'vapid.json')));
  await startService(
    'share',
    'services/share/src/main.ts',
    sharePort,
    // The demo page logs viewers in by itself (production: the mini-program's one-click login).
    { ...env, ...auth, ...notifyEnv, PUBLIC_BASE_URL: shareBase, SHARE_DEV_VIEWER_LOGIN: 'true' },
    `${shareBase}/openapi.json · metrics ${shareBase}/metrics`,
  );
  const notifierPort = opt['notifier-port'];
  await startService(
    'notifier',
    'services/share/src/notifier/main.ts',
    notifierPort,
    { ...env, ...notifyEnv, PUBLIC_BASE_URL: shareBase },
    `family notifications (X8) · WeChat stand-in ${wechat.url} · metrics http://127.0.0.1:${notifierPort}/metrics`,
  );

  run('simulator', 'packages/simulator/src/cli.ts', env, [
    '--trucks',
    opt.trucks,
    '--start',
    opt.backfill,
    '--follow',
    '--quiet',
  ]);
  say(`✓ simulator: ${opt.trucks} trucks on Shandong expressways, one fix per truck every 30 s`);
  say(demoTokens(bindings, auth));
  try {
    say(`family page, ready to open: ${await demoShareLink(bindings, shareBase, auth)}\n`);
  } catch (err) {
    say(`(no demo share link: ${err instanceof Error ? err.message : String(err)})`);
  }
  try {
    const families = await demoFamilies({
      auth: authConfig(parseConfig(z.object(authEnv), { ...process.env, ...auth })),
      bindingsBase: bindings,
      shareBase,
      picks: await withPool((pool) =>
        eventfulTrucks(pool, JSON.parse(readFileSync(SAMPLE_REGISTRY_FILE, 'utf8')).vehicles, Date.now()),
      ),
    });
    say(
      `✓ family notifications: ${families.viewers} family members of ${families.trucks.length} shared trucks consented to every WeChat notification (from now on)`,
    );
  } catch (err) {
    say(`(no demo families: ${err instanceof Error ? err.message : String(err)})`);
  }
  say(`logs: ${logDir} · Ctrl-C to stop\n`);
  const countCurrentBindings = currentBindingsCounter();

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
    const current = await countCurrentBindings();
    const alertsText = await fetch(`http://127.0.0.1:${alertsPort}/metrics`).then(
      (r) => r.text(),
      () => '',
    );
    const raised = metric(alertsText, 'alerts_raised_total', 'kind');
    const byKind = (prefix: string) =>
      [...raised.by].filter(([k]) => k.startsWith(prefix)).reduce((n, [, v]) => n + v, 0);
    const notified = wechatCounts(wechat);
    const kinds = ['PRE_WARNING', 'FATIGUE', 'SPEEDING', 'OFFLINE']
      .map((k) => `${k.toLowerCase().replace('_', '-')} ${fmt(notified.byKind.get(k) ?? 0)}`)
      .join(', ');
    say(
      `${new Date().toISOString().slice(11, 19)} positions consumed ${fmt(consumed)} (${fmt(rate)}/s) · accepted ${fmt(accepted)} · ` +
        `rejected ${fmt(rejected.total)}${reasons ? ` (${reasons})` : ''} · duplicates ${fmt(dups)} · lag ${fmt(lag)}` +
        (current === undefined ? '' : ` · bindings ${fmt(current)} current`) +
        ` · alerts: speeding ${fmt(byKind('SPEEDING'))}, fatigue ${fmt(byKind('FATIGUE'))}, certificates ${fmt(byKind('QUALIFICATION') + byKind('TRANSPORT'))}` +
        ` · notifications ${fmt(notified.total)} (${kinds}), duplicates ${fmt(notified.duplicates)}`,
    );
  }, 5_000);
} catch (err) {
  say(`✗ start failed: ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
}
