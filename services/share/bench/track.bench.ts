/**
 * npm run bench:track [-- --help]
 *
 * X7: GET /v1/shares/{token}/track on one share process (this one, listening
 * on a free port) against the local infrastructure (startInfra), in an
 * isolated schema, topic set and Redis prefix. Stored first, as ingest would
 * have stored them (track-days.ts): `--vehicles` full China days at one fix
 * per 30 s (2,880 fixes each) and `--fine-vehicles` at one per 5 s (17,280
 * each), each vehicle bound and shared once, the link claimed by its own
 * viewer (through the service's use cases). The app's clock is 23:59:59 of
 * that day, so every track is a whole day.
 *
 * For each kind of day, autocannon (in a worker thread) cycles over its
 * links, each request from its viewer's own client address: without the
 * track cache (every request reads and builds the day; one connection, then
 * `--connections`) and with it warm (every request a hit); a fastify hello-world route of this process is the
 * yardstick. Writes its section of BENCHMARKS.md, with a row in its changelog.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import {
  authConfig,
  createLogger,
  createPgPool,
  fmt,
  fmtMs,
  migrate,
  mintToken,
  Progress,
  parseCliArgs,
  Redis,
  topicNames,
} from '@safewatch/common';
import {
  changelogOptions,
  INFRA_ENV,
  isolate,
  loadGeneratorOptions,
  startInfra,
  unlinkMatching,
  writeBenchmark,
} from '@safewatch/testkit';
import autocannonPackage from 'autocannon/package.json' with { type: 'json' };
import Fastify from 'fastify';
import { TrackCache } from '../src/adapters/track-cache.js';
import { createShareApp, type ShareApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { chinaDayStartMs } from '../src/domain/track.js';
import type { TrackView } from '../src/domain/view.schema.js';
import { createShare } from '../src/usecases/driver-shares.usecase.js';
import { claimShare } from '../src/usecases/viewer.usecase.js';
import { type LoadResult, runLoad } from './load.js';
import { type DayVehicle, storeDays } from './track-days.js';

const { values: args } = parseCliArgs({
  name: 'bench:track',
  summary: `Stores full China days of fixes in positions, shares each vehicle once, and measures
GET /v1/shares/{token}/track (p50/p99, req/s) on one share process, without and with the track
cache; writes the table to BENCHMARKS.md.`,
  options: {
    vehicles: {
      type: 'number',
      integer: true,
      min: 0,
      default: 1000,
      placeholder: 'N',
      description: 'days at one fix per 30 s (2,880 fixes)',
    },
    'fine-vehicles': {
      type: 'number',
      integer: true,
      min: 0,
      default: 1000,
      placeholder: 'N',
      description: 'days at one fix per 5 s (17,280 fixes)',
    },
    ...loadGeneratorOptions({ connections: 8, duration: 10, warmup: 2 }),
    'no-write': { type: 'boolean', description: 'print the figures, leave BENCHMARKS.md as it is' },
    ...changelogOptions,
  },
  env: INFRA_ENV,
});
const COARSE = args.vehicles;
const FINE = args['fine-vehicles'];
const CONNECTIONS = args.connections;
const DURATION_S = args.duration;
const WARMUP_S = args.warmup;

const BENCH_JWT_SECRET = 'track-bench-secret-0123456789abcdefghij';
/** The track's per-link and per-address limits are far below a load generator's rate: counters are deleted this often. */
const RATE_LIMIT_RESET_MS = 2_000;
/** With the cache: long enough that the warm entries outlive the measure (the service's default is 30 s). */
const WARM_TTL_MS = 10 * 60_000;
const logger = createLogger('bench', 'warn');
const say = (s: string) => process.stdout.write(`${s}\n`);
const load1 = () => loadavg()[0] ?? 0;

const loadAtStart = loadavg();
const running = await startInfra(process.env, 'bench-track');
const { infra } = running;
const iso = isolate('bench-track', infra);
const dayStartMs = chinaDayStartMs(Date.now());
const clock = () => new Date(dayStartMs + 86_399_000);
const cfg = loadConfig({
  KAFKA_BROKERS: infra.kafkaBrokers.join(','),
  KAFKA_TOPIC_PREFIX: iso.topicPrefix,
  DATABASE_URL: infra.databaseUrl,
  PG_SCHEMA: iso.schema,
  REDIS_URL: infra.redisUrl,
  REDIS_KEY_PREFIX: iso.redisPrefix,
  JWT_SECRET: BENCH_JWT_SECRET,
  SHARE_GROUP_ID: `bench-track-${iso.id}`,
  // As behind a load balancer: each request carries its viewer's own address.
  TRUST_PROXY: '127.0.0.1',
  LOG_LEVEL: 'warn',
});
const auth = authConfig(cfg);
const db = createPgPool(
  { databaseUrl: infra.databaseUrl, schema: iso.schema, poolSize: 2, applicationName: 'bench-track-setup' },
  () => undefined,
);
const redis = new Redis(infra.redisUrl);
const hello = Fastify({ logger: false });
let app: ShareApp | undefined;
let resetTimer: NodeJS.Timeout | undefined;

interface Target {
  path: string;
  authorization: string;
  forwardedFor: string;
}

/** Binds, shares and claims each vehicle (use cases, 16 at a time); the track requests of its viewers. */
async function linksOf(a: ShareApp, vehicles: readonly DayVehicle[], label: string): Promise<Target[]> {
  const bindings = vehicles.map((v) => ({
    ...v,
    driverId: `${label}-driver-${v.plateNumber}`,
    vehicleId: randomUUID(),
  }));
  await db.query(
    `INSERT INTO current_bindings (driver_id, vehicle_id, plate_number, plate_color, bound_at)
     SELECT * , now() FROM unnest($1::text[], $2::uuid[], $3::text[], $4::smallint[])`,
    [
      bindings.map((b) => b.driverId),
      bindings.map((b) => b.vehicleId),
      bindings.map((b) => b.plateNumber),
      bindings.map((b) => b.plateColor),
    ],
  );
  const targets: Target[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < bindings.length) {
        const i = next++;
        const b = bindings[i] as (typeof bindings)[number];
        const viewer = `${label}-viewer-${i}`;
        const { token } = await createShare(a.deps, b.driverId, b.vehicleId, '1m');
        await claimShare(a.deps, token, viewer);
        targets.push({
          path: `/v1/shares/${token}/track`,
          authorization: `Bearer ${mintToken(auth, { sub: viewer, role: 'family' }, 4 * 3600)}`,
          forwardedFor: `10.${label === 'fine' ? 2 : 1}.${i >> 8}.${i & 255}`,
        });
      }
    }),
  );
  return targets;
}

async function resetRateLimits() {
  await unlinkMatching(redis, `${iso.redisPrefix}ratelimit:*`);
}

interface Row {
  label: string;
  r: LoadResult & { rps: number; load: number };
}

async function measure(label: string, plan: Parameters<typeof runLoad>[0]): Promise<Row> {
  await resetRateLimits();
  const before = load1();
  const r = await runLoad(plan);
  const rps = r.count / r.durationS;
  say(
    `${label}: ${fmt(rps)} req/s, p50 ${fmtMs(r.p50)} ms, p99 ${fmtMs(r.p99)} ms, statuses ${JSON.stringify(r.statuses)}, errors ${r.errors}, timeouts ${r.timeouts}, load ${before.toFixed(2)}→${load1().toFixed(2)}`,
  );
  return { label, r: { ...r, rps, load: load1() } };
}

/** One track as a viewer gets it: its size and figures, to describe what the rows served. */
async function sampleOf(base: string, t: Target) {
  const res = await fetch(new URL(t.path, base), {
    headers: { authorization: t.authorization, 'x-forwarded-for': t.forwardedFor },
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`track answered ${res.status}: ${body}`);
  const track = JSON.parse(body) as TrackView;
  return {
    bytes: Buffer.byteLength(body),
    fixes: track.fixes,
    points: track.points.length,
    stops: track.stops.length,
  };
}

/** Every link's track read once (8 at a time), so that the cache holds them all. */
async function warm(base: string, targets: readonly Target[]) {
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < targets.length) {
        const t = targets[next++] as Target;
        await fetch(new URL(t.path, base), {
          headers: { authorization: t.authorization, 'x-forwarded-for': t.forwardedFor },
        }).then((r) => r.arrayBuffer());
        if (next % 100 === 0) await resetRateLimits();
      }
    }),
  );
}

try {
  const setupStart = performance.now();
  for (const service of ['ingest', 'share'])
    await migrate({
      databaseUrl: infra.databaseUrl,
      schema: iso.schema,
      dir: join(import.meta.dirname, '..', '..', service, 'migrations'),
      service,
      logger,
    });
  await iso.createTopics(Object.values(topicNames()), 1);
  const plates = (prefix: string, n: number): DayVehicle[] =>
    Array.from({ length: n }, (_, i) => ({
      plateNumber: `${prefix}${String(i).padStart(5, '0')}`,
      plateColor: 2,
    }));
  const coarse = plates('鲁T3', COARSE);
  const fine = plates('鲁T5', FINE);
  const stored = { coarse: 0, fine: 0, seconds: 0 };
  const t0 = performance.now();
  const store = async (what: string, vehicles: DayVehicle[], intervalS: number) => {
    const progress = new Progress({ label: `   ${what}`, total: vehicles.length, unit: 'days', force: true });
    const rows = await storeDays(db, vehicles, dayStartMs, intervalS, (done) => progress.update(done));
    progress.finish();
    return rows;
  };
  stored.coarse = await store('30 s days', coarse, 30);
  stored.fine = await store('5 s days', fine, 5);
  await db.query('ANALYZE positions');
  stored.seconds = (performance.now() - t0) / 1000;
  const size = String(
    (await db.query("SELECT pg_size_pretty(pg_total_relation_size('positions')) AS s")).rows[0].s,
  ).replace(/\d{4,}/, (n) => fmt(Number(n)));
  say(
    `stored ${fmt(stored.coarse + stored.fine)} fixes (${fmt(stored.coarse)} + ${fmt(stored.fine)}) in ${stored.seconds.toFixed(0)} s; positions ${size}`,
  );

  app = await createShareApp(cfg, logger, clock);
  await app.start();
  const base = await app.server.listen({ host: '127.0.0.1', port: 0 });
  const targets = {
    coarse: await linksOf(app, coarse, 'coarse'),
    fine: await linksOf(app, fine, 'fine'),
  };
  say(`setup done in ${((performance.now() - setupStart) / 1000).toFixed(0)} s; share service at ${base}`);

  hello.get('/hello', async () => ({ hello: 'world' }));
  const helloUrl = await hello.listen({ host: '127.0.0.1', port: 0 });
  resetTimer = setInterval(() => void resetRateLimits().catch(() => undefined), RATE_LIMIT_RESET_MS);
  const plan = { connections: CONNECTIONS, durationS: DURATION_S, warmupS: WARMUP_S };
  const rows: Row[] = [await measure('fastify hello-world', { ...plan, url: helloUrl, path: '/hello' })];
  const samples: Record<string, Awaited<ReturnType<typeof sampleOf>>> = {};
  /** For the changelog: each kind of day without the cache and with it warm (the rows at --connections). */
  const headline: string[] = [];
  const deps = app.deps;
  for (const [kind, list] of [
    ['coarse', targets.coarse],
    ['fine', targets.fine],
  ] as const) {
    if (list.length === 0) continue;
    const day = kind === 'coarse' ? '2,880-fix day (30 s)' : '17,280-fix day (5 s)';
    const short = kind === 'coarse' ? '30 s day' : '5 s day';
    deps.tracks = undefined;
    samples[kind] = await sampleOf(base, list[0] as Target);
    // One request at a time: the latency of reading and building a day, without queueing.
    rows.push(
      await measure(`${day}, no cache, 1 connection`, { ...plan, connections: 1, url: base, targets: list }),
    );
    const uncached = await measure(`${day}, no cache`, { ...plan, url: base, targets: list });
    rows.push(uncached);
    deps.tracks = new TrackCache({ ttlMs: WARM_TTL_MS, maxBytes: 256 * 2 ** 20 });
    await warm(base, list);
    const warmStats = { ...deps.tracks.stats };
    const row = await measure(`${day}, cache warm`, { ...plan, url: base, targets: list });
    const hits = deps.tracks.stats.hits - warmStats.hits;
    const misses = deps.tracks.stats.misses - warmStats.misses;
    say(`   cache during the measure: ${fmt(hits)} hits, ${fmt(misses)} misses`);
    rows.push(row);
    headline.push(`${short} ${fmt(uncached.r.rps)} req/s, cached ${fmt(row.r.rps)}`);
  }
  clearInterval(resetTimer);

  const line = ({ label, r }: Row) =>
    `| ${label} | ${fmt(r.rps)} | ${fmtMs(r.p50)} | ${fmtMs(r.p99)} | ${JSON.stringify(r.statuses)}${r.errors || r.timeouts ? ` errors ${r.errors}, timeouts ${r.timeouts}` : ''} | ${r.load.toFixed(2)} |`;
  const sampleText = Object.entries(samples)
    .map(
      ([k, s], i) =>
        `${k === 'coarse' ? '2,880-fix' : '17,280-fix'} day → ${s.points} points, ${s.stops} stops, ${fmt(s.bytes)} bytes${i === 0 ? ' of JSON' : ''}`,
    )
    .join('; ');
  const report = [
    `Stored: ${fmt(COARSE)} vehicles' days at one fix per 30 s and ${fmt(FINE)} at one per 5 s (${fmt(stored.coarse + stored.fine)} rows, ${size}, written in ${stored.seconds.toFixed(0)} s); load ${(loadAtStart[0] ?? 0).toFixed(2)} at the start. One claimed link per vehicle; autocannon ${autocannonPackage.version} in a worker thread, ${CONNECTIONS} connection${CONNECTIONS === 1 ? '' : 's'} unless said, ${WARMUP_S} s warm-up + ${DURATION_S} s over the links of one kind of day, each viewer from its own address, the limits running on every request (their counters deleted every ${RATE_LIMIT_RESET_MS / 1000} s). "No cache": every request reads the day (primary-key range scan) and builds it (simplification, stops, distance, both datums); "cache warm": every link read once before. ${sampleText}.`,
    '',
    '| measure | req/s | p50 ms | p99 ms | statuses | load |',
    '|---|---:|---:|---:|---|---:|',
    ...rows.map(line),
  ];
  for (const l of report) say(l);
  if (!args['no-write']) {
    writeBenchmark({ id: 'track', lines: report, headline: headline.join('; '), change: args.change });
    say('BENCHMARKS.md: track section and changelog row written');
  }
} finally {
  if (resetTimer) clearInterval(resetTimer);
  await hello.close().catch(() => undefined);
  await app?.stop().catch(() => undefined);
  await db.end().catch(() => undefined);
  await unlinkMatching(redis, `${iso.redisPrefix}*`, 5000).catch(() => undefined);
  redis.disconnect();
  await iso.dropSchema().catch(() => undefined);
  await running.stop();
}
process.exit(0);
