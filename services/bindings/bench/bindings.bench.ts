/**
 * npm run bench:bindings [-- --connections 32 --duration 15 --warmup 3 --drivers 2000]
 * (PG_POOL_SIZE and BINDINGS_* variables tune the service under test)
 *
 * Against the local infrastructure, in an isolated schema with the sample
 * registry plus generated qualified drivers, with the bindings app listening
 * on a free port, autocannon (in a worker thread, off the servers' event loop)
 * measures in turn:
 *   a. baseline: a bare fastify route doing one `SELECT 1` through a pg pool of
 *      the service's size, on a separate fastify instance;
 *   b. GET /v1/drivers/me/bindings: current list (3 vehicles, each with a last
 *      position in Redis), round robin over many drivers;
 *   c. bind + unbind cycles: POST /v1/drivers/me/bindings then DELETE
 *      /v1/drivers/me/bindings/{vehicleId}, many drivers in parallel, each
 *      cycling among 3 vehicles (B3 allows 10 distinct vehicles per 12 months).
 * Reports req/s and p50/p99 latency, each as a ratio to the baseline, and
 * writes them to its section of BENCHMARKS.md, with a row in its changelog.
 */
import { cpus, loadavg } from 'node:os';
import {
  authConfig,
  createLogger,
  createPgPool,
  fmt,
  fmtMs,
  lastPositionKey,
  migrate,
  mintToken,
  parseCliArgs,
  Redis,
  topicNames,
  vehicleKey,
} from '@safewatch/common';
import { pb } from '@safewatch/proto';
import {
  changelogOptions,
  coresBetween,
  cpuByCommand,
  INFRA_ENV,
  isolate,
  loadGeneratorOptions,
  startInfra,
  threadCpuSeconds,
  writeBenchmark,
} from '@safewatch/testkit';
import autocannonPackage from 'autocannon/package.json' with { type: 'json' };
import Fastify from 'fastify';
import { createBindingsApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { importRegistryFile, SAMPLE_REGISTRY_FILE } from '../src/registry/index.js';
import { claimOf, MIGRATIONS, sample } from '../test/helpers.js';
import { type LoadResult, runLoad, type Scenario } from './load.js';

const { values: args } = parseCliArgs({
  name: 'bench:bindings',
  summary: `Measures the bindings API with autocannon (req/s, p50/p99): a bare SELECT 1 route as the baseline,
GET /v1/drivers/me/bindings, and bind + unbind cycles; writes BENCHMARKS.md.`,
  options: {
    ...loadGeneratorOptions({ connections: 32, duration: 15, warmup: 3 }, 'scenario'),
    drivers: {
      type: 'number',
      integer: true,
      min: 1,
      default: 2000,
      placeholder: 'N',
      description: 'generated drivers for each of the two driver scenarios',
    },
    ...changelogOptions,
  },
  env: {
    ...INFRA_ENV,
    'PG_POOL_SIZE, BINDINGS_*':
      'settings of the bindings service under test (the baseline pool follows PG_POOL_SIZE)',
  },
});
const CONNECTIONS = args.connections;
const DURATION_S = args.duration;
const WARMUP_S = args.warmup;
const DRIVERS = args.drivers;
const VEHICLES_PER_DRIVER = 3;
/** Raised for the bench only: the default (10 per identity per minute) would refuse almost every bind. */
const BIND_ATTEMPTS_PER_MINUTE = 1_000_000;
const BENCH_JWT_SECRET = 'bindings-bench-secret-0123456789abcdef';

const logger = createLogger('bench', 'warn');
const say = (s: string) => process.stdout.write(`${s}\n`);
const times = (n: number) => `×${n.toFixed(2)}`;

/** The machine may be shared (tests of other work running): recorded with the results. */
const loadBefore = loadavg()[0] ?? 0;
const running = await startInfra(process.env, 'bench');
const { infra } = running;
const iso = isolate('bench-bindings', infra);
// PG_POOL_SIZE and BINDINGS_* variables tune the service under test (the baseline pool follows PG_POOL_SIZE).
const overrides = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => k === 'PG_POOL_SIZE' || k.startsWith('BINDINGS_')),
);
const cfg = loadConfig({
  ...overrides,
  KAFKA_BROKERS: infra.kafkaBrokers.join(','),
  KAFKA_TOPIC_PREFIX: iso.topicPrefix,
  DATABASE_URL: infra.databaseUrl,
  PG_SCHEMA: iso.schema,
  REDIS_URL: infra.redisUrl,
  REDIS_KEY_PREFIX: iso.redisPrefix,
  JWT_SECRET: BENCH_JWT_SECRET,
  BINDINGS_BIND_ATTEMPTS_PER_MINUTE: String(BIND_ATTEMPTS_PER_MINUTE),
  LOG_LEVEL: 'warn',
});
const db = createPgPool(
  { databaseUrl: infra.databaseUrl, schema: iso.schema, poolSize: 2, applicationName: 'bench-setup' },
  () => undefined,
);
const basePool = createPgPool(
  {
    databaseUrl: infra.databaseUrl,
    schema: iso.schema,
    poolSize: cfg.PG_POOL_SIZE,
    applicationName: 'bench-baseline',
  },
  () => undefined,
);
const redis = new Redis(infra.redisUrl);
const baseline = Fastify({ logger: false });
let app: Awaited<ReturnType<typeof createBindingsApp>> | undefined;

try {
  // Schema, topics, the sample registry, and generated drivers with a valid qualification certificate (B7).
  await migrate({
    databaseUrl: infra.databaseUrl,
    schema: iso.schema,
    dir: MIGRATIONS,
    service: 'bindings',
    logger,
  });
  await iso.createTopics(Object.values(topicNames()), 2);
  await importRegistryFile(db, SAMPLE_REGISTRY_FILE, { topicPrefix: iso.topicPrefix });
  const drivers = (kind: string) =>
    Array.from({ length: DRIVERS }, (_, i) => `bench-${kind}-${String(i).padStart(5, '0')}`);
  const listDrivers = drivers('list');
  const cycleDrivers = drivers('cycle');
  await db.query(
    `INSERT INTO registry_drivers (driver_id, qualification_cert_no, qualification_cert_expires_on, name, phone)
     SELECT id, '3701' || lpad(n::text, 12, '0'), current_date + 5 * 365, '测试司机', '139' || lpad(n::text, 8, '0')
       FROM unnest($1::text[]) WITH ORDINALITY AS d(id, n)`,
    [[...listDrivers, ...cycleDrivers]],
  );
  const vehicles = (
    await db.query<{ vehicleId: string; plateNumber: string; plateColor: number }>(
      `SELECT vehicle_id AS "vehicleId", plate_number AS "plateNumber", plate_color AS "plateColor"
         FROM registry_vehicles ORDER BY plate_number, plate_color`,
    )
  ).rows;
  const claims = new Map(sample.vehicles.map((v) => [vehicleKey(v.plate_number, v.plate_color), claimOf(v)]));
  // Scenario b: every listing driver has 3 current bindings, each vehicle a last position.
  await db.query(
    `INSERT INTO bindings (driver_id, vehicle_id, channel)
     SELECT d.id, ($2::uuid[])[1 + ((d.n - 1) * 3 + k) % cardinality($2::uuid[])], 'SELF'
       FROM unnest($1::text[]) WITH ORDINALITY AS d(id, n), generate_series(0, 2) AS k`,
    [listDrivers, vehicles.map((v) => v.vehicleId)],
  );
  const positions = redis.pipeline();
  vehicles.forEach((v, i) => {
    const position = pb.Position.encode({
      plateNumber: v.plateNumber,
      plateColor: v.plateColor,
      gnssTimeMs: Date.now() - 30_000,
      latE6: 36_651_200 + i * 1_000,
      lonE6: 117_120_000 + i * 1_000,
      speedDkmh: 785,
      headingDeg: 90,
    }).finish();
    positions.hset(lastPositionKey(iso.redisPrefix, vehicleKey(v.plateNumber, v.plateColor)), {
      t: String(Date.now() - 30_000),
      p: Buffer.from(position),
    });
  });
  await positions.exec();
  // Planner statistics as autovacuum would have them on a live database.
  await db.query('ANALYZE registry_vehicles, registry_drivers, bindings');

  app = await createBindingsApp(cfg, logger);
  await app.start();
  const bindingsUrl = await app.server.listen({ host: '127.0.0.1', port: 0 });
  baseline.get('/baseline', async () => (await basePool.query('SELECT 1 AS one')).rows[0]);
  const baselineUrl = await baseline.listen({ host: '127.0.0.1', port: 0 });

  const auth = authConfig(cfg);
  const bearer = (sub: string) => `Bearer ${mintToken(auth, { sub, role: 'driver' }, 3600)}`;
  say(
    `setup: ${fmt(vehicles.length)} vehicles, ${fmt(2 * DRIVERS)} generated drivers (qualified), ` +
      `${fmt(3 * DRIVERS)} current bindings for the list scenario; bindings at ${bindingsUrl}, baseline at ${baselineUrl}`,
  );
  say(
    `rate limit raised for the bench: BINDINGS_BIND_ATTEMPTS_PER_MINUTE=${fmt(BIND_ATTEMPTS_PER_MINUTE)} ` +
      `(default ${loadConfig({ JWT_SECRET: BENCH_JWT_SECRET }).BINDINGS_BIND_ATTEMPTS_PER_MINUTE} per driver per minute)`,
  );
  say(
    `load: autocannon ${autocannonPackage.version} in a worker thread, ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s per measure`,
  );

  interface Measured extends LoadResult {
    rps: number;
    /** Cores: the servers' main thread, the load generator with the process's other threads, other processes by command. */
    cpu: { servers: number; generator: number; others: { command: string; cores: number }[] };
  }
  async function measure(label: string, url: string, scenario: Scenario, expected: Record<string, number>) {
    const machineBefore = await cpuByCommand();
    const processBefore = process.cpuUsage();
    const mainBefore = threadCpuSeconds();
    const t0 = performance.now();
    const r = await runLoad({
      url,
      connections: CONNECTIONS,
      durationS: DURATION_S,
      warmupS: WARMUP_S,
      scenario,
    });
    const seconds = (performance.now() - t0) / 1000;
    const mainCores = (threadCpuSeconds() - mainBefore) / seconds;
    const used = process.cpuUsage(processBefore);
    const processCores = (used.user + used.system) / 1e6 / seconds;
    // Other processes named node are not ours (e.g. test runs on the same machine): left out.
    const others = coresBetween(machineBefore, await cpuByCommand(), seconds).filter(
      (s) => s.command !== 'node',
    );
    const cpu = { servers: mainCores, generator: processCores - mainCores, others };
    const rps = r.count / r.durationS;
    say(
      `${label}: ${fmt(rps)} req/s, p50 ${fmtMs(r.p50)} ms, p99 ${fmtMs(r.p99)} ms · CPU (cores): ${[`servers' main thread ${cpu.servers.toFixed(2)}`, `load generator and other threads ${cpu.generator.toFixed(2)}`, ...others.map((o) => `${o.command} ${o.cores.toFixed(2)}`)].join(', ')}` +
        Object.entries(r.byKind)
          .map(
            ([kind, k]) =>
              `\n  ${kind}: ${fmt(k.count / r.durationS)}/s, p50 ${fmtMs(k.p50)} ms, p99 ${fmtMs(k.p99)} ms, statuses ${JSON.stringify(k.statuses)}`,
          )
          .join(''),
    );
    // Every answer must be the expected success: a refused or failed request is not a measurement.
    for (const [kind, status] of Object.entries(expected)) {
      const k = r.byKind[kind];
      const unexpected = Object.entries(k?.statuses ?? {}).filter(([s]) => Number(s) !== status);
      if (!k || unexpected.length > 0)
        throw new Error(
          `${label}: ${kind} answered ${JSON.stringify(k?.statuses ?? {})}, expected only ${status}`,
        );
    }
    if (r.errors > 0 || r.timeouts > 0)
      throw new Error(`${label}: ${r.errors} errors, ${r.timeouts} timeouts`);
    return { ...r, rps, cpu } satisfies Measured;
  }

  const base = await measure(
    'a. baseline',
    baselineUrl,
    { kind: 'get', label: 'select1', path: '/baseline', authorizations: [] },
    { select1: 200 },
  );
  const list = await measure(
    'b. list current bindings',
    bindingsUrl,
    { kind: 'get', label: 'list', path: '/v1/drivers/me/bindings', authorizations: listDrivers.map(bearer) },
    { list: 200 },
  );
  const cycle = await measure(
    'c. bind + unbind',
    bindingsUrl,
    {
      kind: 'cycle',
      drivers: cycleDrivers.map(bearer),
      vehicles: vehicles.map((v) => ({
        vehicleId: v.vehicleId,
        claim: claims.get(vehicleKey(v.plateNumber, v.plateColor)) as object,
      })),
      vehiclesPerDriver: VEHICLES_PER_DRIVER,
    },
    { bind: 201, unbind: 200 },
  );
  const cycles = (cycle.byKind.bind?.count ?? 0) / cycle.durationS;
  say(`bind + unbind: ${fmt(cycles)} cycles/s`);

  const row = (measureName: string, r: { rps: number; p50: number; p99: number }) =>
    `| ${measureName} | ${fmt(r.rps)} | ${fmtMs(r.p50)} | ${fmtMs(r.p99)} | ${times(r.rps / base.rps)} | ${times(r.p50 / base.p50)} | ${times(r.p99 / base.p99)} |`;
  const kindRow = (name: string, kind: string) => {
    const k = cycle.byKind[kind];
    return k ? row(name, { rps: k.count / cycle.durationS, p50: k.p50, p99: k.p99 }) : '';
  };
  /** Processes with a column of their own in the CPU table; the next largest go under "other". */
  const CPU_COLUMNS = ['postgres', 'redis-server', 'java'];
  const cpuRow = (name: string, c: Measured['cpu']) => {
    const column = (command: string) => c.others.find((o) => o.command === command)?.cores.toFixed(2) ?? '—';
    const other = c.others
      .filter((o) => !CPU_COLUMNS.includes(o.command) && o.cores >= 0.02)
      .slice(0, 2)
      .map((o) => `${o.command} ${o.cores.toFixed(2)}`)
      .join(', ');
    return `| ${name} | ${c.servers.toFixed(2)} | ${c.generator.toFixed(2)} | ${CPU_COLUMNS.map(column).join(' | ')} |${other ? ` ${other} ` : ' '}|`;
  };
  writeBenchmark({
    id: 'bindings',
    headline: `list ${fmt(list.rps)} req/s (${times(list.rps / base.rps)} of the baseline's ${fmt(base.rps)}); bind + unbind ${fmt(cycles)} cycles/s`,
    change: args.change,
    lines: [
      `Load: autocannon ${autocannonPackage.version} in a worker thread of the benchmark process (the servers on its main thread), ${CONNECTIONS} connection${CONNECTIONS === 1 ? '' : 's'}, ${WARMUP_S} s warm-up then ${DURATION_S} s measured per row; Postgres pool ${cfg.PG_POOL_SIZE} (the service default) for the service and the baseline alike; 1-minute load ${loadBefore.toFixed(2)} at the start. Workload: the sample registry (${fmt(vehicles.length)} vehicles) plus ${fmt(2 * DRIVERS)} qualified drivers; list: ${fmt(DRIVERS)} drivers in round robin, each with ${VEHICLES_PER_DRIVER} current bindings whose vehicles have a last position in Redis; bind + unbind: ${fmt(DRIVERS)} drivers cycling among ${VEHICLES_PER_DRIVER} vehicles, no two connections acting for one driver at once. **Rate limit raised:** BINDINGS_BIND_ATTEMPTS_PER_MINUTE=${fmt(BIND_ATTEMPTS_PER_MINUTE)} (default 10); the limiter still runs.`,
      '',
      '| measure | req/s | p50 ms | p99 ms | req/s ÷ baseline | p50 ÷ baseline | p99 ÷ baseline |',
      '|---|---:|---:|---:|---:|---:|---:|',
      row('a. baseline: bare fastify route, one `SELECT 1` through a pg pool of the same size', base),
      row('b. `GET /v1/drivers/me/bindings` (JWT, 1 query + 3 last positions from Redis)', list),
      row(`c. bind + unbind cycles, both requests (${fmt(cycles)} cycles/s)`, cycle),
      kindRow('c. of which `POST /v1/drivers/me/bindings` (verify, lock, B2/B3/B7, insert, outbox)', 'bind'),
      kindRow('c. of which `DELETE /v1/drivers/me/bindings/{vehicleId}` (lock, update, outbox)', 'unbind'),
      '',
      `CPU (cores of ${cpus().length}, warm-up included; "servers" is the main thread, "generator" the load generator and other threads of the benchmark process):`,
      '',
      `| measure | servers | generator | ${CPU_COLUMNS.join(' | ')} | other |`,
      `|---|---:|---:|${CPU_COLUMNS.map(() => '---:|').join('')}---|`,
      cpuRow('a', base.cpu),
      cpuRow('b', list.cpu),
      cpuRow('c', cycle.cpu),
    ],
  });
  say('BENCHMARKS.md: bindings section and changelog row written');
} finally {
  await baseline.close().catch(() => undefined);
  await app?.stop().catch(() => undefined);
  await basePool.end().catch(() => undefined);
  await db.end().catch(() => undefined);
  redis.disconnect();
  await iso.dropSchema().catch(() => undefined);
  await running.stop();
}
