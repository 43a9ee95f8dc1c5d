import { cpus, loadavg } from 'node:os';
import {
  createLogger,
  createPgPool,
  fmt,
  migrate,
  type Pool,
  type PoolClient,
  parseCliArgs,
  sleep,
} from '@safewatch/common';
import { createFleet } from '@safewatch/simulator';
import {
  BENCH_PLATFORMS,
  changelogOptions,
  coresBetween,
  cpuByCommand,
  LOCAL_DATABASE_URL,
  median,
  pidCpuSeconds,
  writeBenchmarkUnlessDry,
} from '@safewatch/testkit';
import { from as copyFrom } from 'pg-copy-streams';
import { PositionsRepo } from '../src/adapters/positions.repo.js';
import { loadConfig } from '../src/config.js';
import { classifyMessage } from '../src/domain/classify.js';
import type { AcceptedPosition } from '../src/domain/position.js';
import { DEFAULT_VALIDATION } from '../src/domain/validate.rule.js';
import { MIGRATIONS } from '../test/helpers.js';

const { values: args } = parseCliArgs({
  name: 'bench:insert',
  summary: `Ways of storing chunks of accepted positions in PostgreSQL, interleaved in one run on the same
simulator rows: today's unnest INSERT; COPY binary and COPY text into a temporary staging table then
INSERT … ON CONFLICT DO NOTHING, in one transaction; plain COPY binary (upper bound, no duplicate
handling). Every row new, then with duplicates of stored rows in each chunk; rows/s and CPU per
1,000 rows (client and server), medians over the rounds; writes BENCHMARKS.md (section insert).`,
  options: {
    positions: {
      type: 'number',
      integer: true,
      min: 1_000,
      default: 300_000,
      placeholder: 'N',
      description: 'new positions stored by each method in each measure',
    },
    rounds: {
      type: 'number',
      integer: true,
      min: 3,
      default: 5,
      placeholder: 'N',
      description: 'measured rounds; each runs every method once per workload',
    },
    duplicates: {
      type: 'number',
      integer: true,
      min: 1,
      max: 50,
      default: 10,
      placeholder: 'PCT',
      description: 'per cent of each chunk that are already stored, in the second workload',
    },
    trucks: {
      type: 'number',
      integer: true,
      min: 1,
      default: 10_000,
      placeholder: 'N',
      description: 'simulated trucks',
    },
    'batch-size': {
      type: 'number',
      integer: true,
      min: 1,
      default: 500,
      placeholder: 'N',
      description: 'positions per simulator batch (sets how many make an ingest chunk)',
    },
    'load-below': {
      type: 'number',
      min: 0,
      default: 2.5,
      placeholder: 'L',
      description: 'wait (up to --load-wait) until the 1-minute load average is below L',
    },
    'load-wait': {
      type: 'number',
      integer: true,
      min: 0,
      default: 600,
      placeholder: 'S',
      description: 'seconds to wait at most for --load-below, then measure anyway',
    },
    'dry-run': {
      type: 'boolean',
      description: 'write nothing in the repository: the section to stdout',
    },
    ...changelogOptions,
  },
  env: {
    DATABASE_URL: `PostgreSQL to use (default: the local one, ${LOCAL_DATABASE_URL})`,
    'INGEST_*': 'chunk size and concurrency as the ingest would have them (e.g. INGEST_CHUNK_BYTES)',
  },
});

const say = (s: string) => process.stdout.write(`${s}\n`);
const logger = createLogger('bench', 'warn');
const databaseUrl = process.env.DATABASE_URL ?? LOCAL_DATABASE_URL;
const ingestCfg = loadConfig(
  Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('INGEST_'))),
);
const CONCURRENCY = ingestCfg.INGEST_PARTITIONS_CONCURRENTLY;
const TABLE = 'positions';
const COLUMNS =
  'plate_number, plate_color, gnss_time, lat_e6, lon_e6, speed_dkmh, heading_deg, altitude_m, alarm_flags, status_flags, odometer_hm, platform_id';
const KEY = '(plate_number, plate_color, gnss_time)';

// --- the encoders ---

/** Microseconds between the Unix epoch and PostgreSQL's, 2000-01-01T00:00:00Z. */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_32 = 4_294_967_296;
const COPY_SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Per row: field count, 12 lengths, and the fixed-size values (2+8+4+4+4+2+4+8+8+8). */
const FIXED_ROW_BYTES = 2 + 12 * 4 + 52;

/**
 * PostgreSQL's binary COPY format (sql-copy.html, "Binary Format") of the 12 stored columns in
 * COLUMNS order: signature, flags and header extension (0), then per row a 16-bit field count and
 * each field as a 32-bit length and its value in network order — text as UTF-8, int2/int4/int8 as
 * two's complement, timestamptz as int64 microseconds since 2000-01-01 — and a trailer of -1.
 */
function encodeBinaryCopy(positions: readonly AcceptedPosition[]): Buffer {
  let max = COPY_SIGNATURE.length + 8 + 2;
  for (const p of positions) max += FIXED_ROW_BYTES + 3 * (p.plateNumber.length + p.platformId.length);
  const buf = Buffer.allocUnsafe(max);
  let o = COPY_SIGNATURE.copy(buf, 0);
  o = buf.writeInt32BE(0, o);
  o = buf.writeInt32BE(0, o);
  const text = (s: string) => {
    const n = buf.write(s, o + 4, 'utf8');
    buf.writeInt32BE(n, o);
    o += 4 + n;
  };
  const int2 = (v: number) => {
    o = buf.writeInt32BE(2, o);
    o = buf.writeInt16BE(v, o);
  };
  const int4 = (v: number) => {
    o = buf.writeInt32BE(4, o);
    o = buf.writeInt32BE(v, o);
  };
  const int8 = (v: number) => {
    // Exact for |v| < 2^53, which every stored number is (and checked below).
    if (!Number.isSafeInteger(v)) throw new RangeError(`not a 64-bit integer: ${v}`);
    const hi = Math.floor(v / TWO_32);
    o = buf.writeInt32BE(8, o);
    o = buf.writeInt32BE(hi, o);
    o = buf.writeUInt32BE(v - hi * TWO_32, o);
  };
  for (const p of positions) {
    o = buf.writeInt16BE(12, o);
    text(p.plateNumber);
    int2(p.plateColor);
    int8((p.gnssTimeMs - PG_EPOCH_MS) * 1000);
    int4(p.latE6);
    int4(p.lonE6);
    int4(p.speedDkmh);
    int2(p.headingDeg);
    int4(p.altitudeM);
    int8(p.alarmFlags);
    int8(p.statusFlags);
    int8(p.odometerHm);
    text(p.platformId);
  }
  o = buf.writeInt16BE(-1, o);
  return buf.subarray(0, o);
}

/** Text COPY escapes: backslash, and the tab, newline and carriage return that separate fields and rows. */
function escapeText(s: string): string {
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : s;
}

/** PostgreSQL's text COPY format of the 12 columns, GNSS time as Unix ms (the staging table's int8). */
function encodeTextCopy(positions: readonly AcceptedPosition[]): Buffer {
  let out = '';
  let lastPlatform = '';
  let lastEscaped = '';
  for (const p of positions) {
    if (p.platformId !== lastPlatform) {
      lastPlatform = p.platformId;
      lastEscaped = escapeText(p.platformId);
    }
    out += `${escapeText(p.plateNumber)}\t${p.plateColor}\t${p.gnssTimeMs}\t${p.latE6}\t${p.lonE6}\t${p.speedDkmh}\t${p.headingDeg}\t${p.altitudeM}\t${p.alarmFlags}\t${p.statusFlags}\t${p.odometerHm}\t${lastEscaped}\n`;
  }
  return Buffer.from(out, 'utf8');
}

// --- the methods ---

function copyIn(client: PoolClient, sql: string, data: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const stream = client.query(copyFrom(sql));
    stream.on('error', reject);
    stream.on('finish', () => resolve(stream.rowCount));
    stream.end(data);
  });
}

/**
 * A session's temporary staging table of the 12 columns, emptied at every commit and created once
 * per connection. `time` is how GNSS time travels: as timestamptz, or as Unix ms converted in the
 * INSERT (as unnest does).
 */
function staging(format: 'binary' | 'text', time: 'timestamptz' | 'ms') {
  const table = `positions_staging_${format}`;
  const timeColumn = time === 'ms' ? 'gnss_ms int8' : 'gnss_time timestamptz';
  const timeValue = time === 'ms' ? "timestamptz 'epoch' + gnss_ms * interval '1 millisecond'" : 'gnss_time';
  return {
    ddl: `CREATE TEMP TABLE IF NOT EXISTS ${table} (
            plate_number text, plate_color int2, ${timeColumn}, lat_e6 int4, lon_e6 int4,
            speed_dkmh int4, heading_deg int2, altitude_m int4, alarm_flags int8, status_flags int8,
            odometer_hm int8, platform_id text) ON COMMIT DELETE ROWS`,
    copy: `COPY pg_temp.${table} FROM STDIN (FORMAT ${format})`,
    select: `SELECT ${COLUMNS.replace('gnss_time', timeValue)} FROM pg_temp.${table}`,
    encode: format === 'binary' ? encodeBinaryCopy : encodeTextCopy,
  };
}
const STAGING = { binary: staging('binary', 'timestamptz'), text: staging('text', 'ms') };

const staged = { binary: new WeakSet<PoolClient>(), text: new WeakSet<PoolClient>() };

/** COPY into the staging table and INSERT … ON CONFLICT DO NOTHING from it, in one transaction. */
async function insertViaStaging(
  pool: Pool,
  format: 'binary' | 'text',
  positions: readonly AcceptedPosition[],
): Promise<number> {
  const s = STAGING[format];
  const client = await pool.connect();
  let failed: Error | undefined;
  try {
    if (!staged[format].has(client)) {
      await client.query(s.ddl);
      staged[format].add(client);
    }
    await client.query('BEGIN');
    await copyIn(client, s.copy, s.encode(positions));
    const r = await client.query(
      `INSERT INTO ${TABLE} (${COLUMNS}) ${s.select} ON CONFLICT ${KEY} DO NOTHING`,
    );
    await client.query('COMMIT');
    return r.rowCount ?? 0;
  } catch (err) {
    failed = err as Error;
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    // A connection that failed mid-COPY is not given back to others.
    client.release(failed);
  }
}

/** Plain COPY binary into the table: no duplicate handling (the upper bound). */
async function insertCopyDirect(pool: Pool, positions: readonly AcceptedPosition[]): Promise<number> {
  const client = await pool.connect();
  let failed: Error | undefined;
  try {
    return await copyIn(
      client,
      `COPY ${TABLE} (${COLUMNS}) FROM STDIN (FORMAT binary)`,
      encodeBinaryCopy(positions),
    );
  } catch (err) {
    failed = err as Error;
    throw err;
  } finally {
    client.release(failed);
  }
}

interface Method {
  id: 'unnest' | 'copy-binary' | 'copy-text' | 'copy-direct';
  label: string;
  /** Stores a chunk; returns how many positions were new. */
  insert(chunk: Chunk): Promise<number>;
}

interface Chunk {
  /** What the ingest would hand to persist: new and already-stored positions. */
  rows: AcceptedPosition[];
  /** Only the new ones (what plain COPY can take). */
  fresh: AcceptedPosition[];
}

// --- measuring ---

// NaN for a process not on this machine (or gone): the figure is then unknown.
const sumCpu = async (pids: number[]) => pids.reduce((a, p) => a + (pidCpuSeconds(p) ?? Number.NaN), 0);

interface Measure {
  rows: number;
  ms: number;
  /** CPU-ms of this process (all threads). */
  clientMs: number;
  /** CPU-ms of the server backends serving the inserts (NaN when the server is not on this machine). */
  serverMs: number;
  /** CPU-ms of every postgres process on the machine (WAL writer, checkpointer, other sessions' too). */
  allPostgresMs: number;
}
const rateOf = (m: Measure) => (m.rows * 1000) / m.ms;
const per1000 = (ms: number, m: Measure) => (ms * 1000) / m.rows;
/** The backend pids of the pool's connections, all `n` opened and held at once so that each is seen. */
async function backendPids(pool: Pool, n: number): Promise<number[]> {
  const clients = await Promise.all(Array.from({ length: n }, () => pool.connect()));
  const pids = clients.map((c) => (c as unknown as { processID: number }).processID);
  for (const c of clients) c.release();
  return pids;
}

async function measure(pool: Pool, method: Method, chunks: Chunk[]): Promise<Measure & { inserted: number }> {
  const pids = await backendPids(pool, CONCURRENCY);
  const machine0 = await cpuByCommand();
  const server0 = await sumCpu(pids);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let next = 0;
  let inserted = 0;
  let rows = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++] as Chunk;
        const n = await method.insert(chunk);
        inserted += n;
        rows += chunk.rows.length;
      }
    }),
  );
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const server = (await sumCpu(pids)) - server0;
  const machine = coresBetween(machine0, await cpuByCommand(), 1);
  const samePids = await backendPids(pool, CONCURRENCY);
  const serverMs = samePids.every((p) => pids.includes(p)) ? server * 1000 : Number.NaN;
  return {
    rows,
    ms,
    inserted,
    clientMs: (c.user + c.system) / 1000,
    serverMs,
    allPostgresMs: (machine.find((r) => r.command === 'postgres')?.cores ?? 0) * 1000,
  };
}

async function waitForLoad(): Promise<string> {
  const deadline = Date.now() + args['load-wait'] * 1000;
  for (;;) {
    const l = loadavg()[0] ?? 0;
    if (l < args['load-below']) return `load ${l.toFixed(2)} at start`;
    if (Date.now() >= deadline)
      return `load ${l.toFixed(2)} at start (still ≥ ${args['load-below']} after waiting ${args['load-wait']} s)`;
    say(`waiting for the 1-minute load (${l.toFixed(2)}) to fall below ${args['load-below']}…`);
    await sleep(Math.min(30_000, Math.max(0, deadline - Date.now())));
  }
}

// --- run ---

const schema = `bench_insert_${process.pid}`;
const pool = createPgPool(
  { databaseUrl, schema, poolSize: CONCURRENCY, applicationName: 'bench-insert' },
  () => undefined,
);

try {
  // 1. Simulator rows, as the ingest accepts them, split into chunks of its size.
  const dupShare = args.duplicates / 100;
  // The new rows, plus rows stored before each duplicate measure: every k-th generated row.
  const want = args.positions + Math.ceil((args.positions * dupShare) / (1 - dupShare));
  const ticks = Math.ceil(want / args.trucks);
  const fleet = createFleet({
    seed: 42,
    trucks: args.trucks,
    startTimeMs: Date.now() - (ticks + 2) * 30_000,
    badRate: 0,
    batchSize: args['batch-size'],
    platforms: BENCH_PLATFORMS,
  });
  const all: AcceptedPosition[] = [];
  const seen = new Set<string>();
  let rawBytes = 0;
  let produced = 0;
  while (all.length < want) {
    const tick = fleet.nextTick({ maxPositions: want - all.length });
    for (const b of tick.batches) {
      rawBytes += b.bytes.length;
      const c = classifyMessage(b.bytes, Date.now(), DEFAULT_VALIDATION);
      produced += c.positions;
      for (const p of c.accepted) {
        const key = `${p.vehicleKey}@${p.gnssTimeMs}`;
        if (seen.has(key)) continue;
        seen.add(key);
        all.push(p);
      }
    }
  }
  seen.clear();
  const chunkRows = Math.round(ingestCfg.INGEST_CHUNK_BYTES / (rawBytes / produced));
  const dupPerChunk = Math.max(1, Math.round(chunkRows * dupShare));
  const freshPerChunk = chunkRows - dupPerChunk;
  const every = Math.max(2, Math.round(1 / dupShare));
  const stored = all.filter((_, i) => i % every === every - 1);
  const fresh = all.filter((_, i) => i % every !== every - 1).slice(0, args.positions);
  const chunksOf = (rows: AcceptedPosition[], n: number) =>
    Array.from({ length: Math.ceil(rows.length / n) }, (_, i) => rows.slice(i * n, (i + 1) * n));
  const plain: Chunk[] = chunksOf(fresh, chunkRows).map((rows) => ({ rows, fresh: rows }));
  // Each chunk: its share of the stored rows (from the same stretch of time) then the new ones.
  let s = 0;
  const withDups: Chunk[] = chunksOf(fresh, freshPerChunk).map((rows) => {
    const dups = stored.slice(s, s + dupPerChunk);
    s += dups.length;
    return { rows: [...dups, ...rows], fresh: rows };
  });
  const preStored = stored.slice(0, s);
  const dupRows = withDups.reduce((n, c) => n + c.rows.length, 0);
  say(
    `${fmt(fresh.length)} new positions from ${fmt(args.trucks)} simulated trucks (${(rawBytes / produced).toFixed(1)} bytes each in batches of ${args['batch-size']}); chunks of ${fmt(chunkRows)} (INGEST_CHUNK_BYTES ${fmt(ingestCfg.INGEST_CHUNK_BYTES)}), ${CONCURRENCY} in flight; with duplicates: ${fmt(dupPerChunk)} of each chunk already stored (${fmt(preStored.length)} stored first, ${fmt(dupRows)} rows handed over)`,
  );

  // 2. A migrated positions table of its own, without autovacuum (it would land in the next measure).
  await migrate({ databaseUrl, schema, dir: MIGRATIONS, service: 'ingest', logger });
  const hypertable = (await new PositionsRepo(pool).storageMode()) === 'timescaledb';
  if (!hypertable) await pool.query(`ALTER TABLE ${TABLE} SET (autovacuum_enabled = false)`);
  const server =
    (await pool.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?';
  const checkpoint = await pool.query('CHECKPOINT').then(
    () => true,
    () => false,
  );
  const repo = new PositionsRepo(pool, TABLE);
  const methods: Method[] = [
    { id: 'unnest', label: 'a. unnest INSERT (today)', insert: (c) => repo.insert(c.rows) },
    {
      id: 'copy-binary',
      label: 'b. COPY binary → temp staging → INSERT',
      insert: (c) => insertViaStaging(pool, 'binary', c.rows),
    },
    {
      id: 'copy-text',
      label: 'c. COPY text → temp staging → INSERT',
      insert: (c) => insertViaStaging(pool, 'text', c.rows),
    },
    {
      id: 'copy-direct',
      label: 'd. plain COPY binary (no duplicate handling; bound only)',
      insert: (c) => insertCopyDirect(pool, c.fresh),
    },
  ];
  const workloads = [
    { id: 'new', label: 'every row new', chunks: plain, before: [] as AcceptedPosition[] },
    {
      id: 'dup',
      label: `${args.duplicates} % of each chunk already stored`,
      chunks: withDups,
      before: preStored,
    },
  ] as const;

  const count = async () =>
    Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${TABLE}`)).rows[0]?.n);
  const prepare = async (before: AcceptedPosition[]) => {
    await pool.query(`TRUNCATE ${TABLE}`);
    for (const c of chunksOf(before, chunkRows)) await insertCopyDirect(pool, c);
    if (checkpoint) await pool.query('CHECKPOINT');
  };

  // Warm-up (not measured): every method stores a few chunks of each workload, and every method
  // must store exactly the same rows (all columns but received_at).
  const digest = async () =>
    (
      await pool.query<{ d: string }>(
        `SELECT md5(string_agg(concat_ws(',', ${COLUMNS}), ';' ORDER BY ${KEY.slice(1, -1)})) AS d FROM ${TABLE}`,
      )
    ).rows[0]?.d;
  for (const w of workloads) {
    const digests = new Set<string | undefined>();
    for (const m of methods) {
      await prepare(w.before);
      await measure(pool, m, w.chunks.slice(0, 4));
      digests.add(await digest());
    }
    if (digests.size !== 1) throw new Error(`${w.id}: the methods stored different rows`);
  }

  const loadNote = await waitForLoad();
  say(`${loadNote}; PostgreSQL ${server}${hypertable ? ' (hypertable)' : ''}`);
  const results = new Map<string, Measure[]>();
  const show = (label: string, m: Measure) =>
    say(
      `  ${label.padEnd(62)} ${fmt(rateOf(m)).padStart(9)} rows/s  client ${per1000(m.clientMs, m).toFixed(1)}  server ${per1000(m.serverMs, m).toFixed(1)}  all postgres ${per1000(m.allPostgresMs, m).toFixed(1)} CPU-ms/1k`,
    );
  for (let r = 0; r < args.rounds; r++) {
    say(`round ${r + 1}/${args.rounds} (load ${loadavg()[0]?.toFixed(2)})`);
    for (const w of workloads) {
      // Rotated each round, so no method always follows the same one.
      const order = methods.map((_, i) => methods[(i + r) % methods.length] as Method);
      for (const m of order) {
        await prepare(w.before);
        const got = await measure(pool, m, w.chunks);
        const expectNew = fresh.length;
        if (got.inserted !== expectNew)
          throw new Error(`${m.id}, ${w.id}: reported ${got.inserted} new of ${expectNew}`);
        const n = await count();
        if (n !== fresh.length + w.before.length)
          throw new Error(`${m.id}, ${w.id}: ${n} rows stored, ${fresh.length + w.before.length} expected`);
        const key = `${w.id}/${m.id}`;
        results.set(key, [...(results.get(key) ?? []), got]);
        show(`${w.id === 'new' ? 'new' : 'dup'} ${m.label}`, got);
      }
    }
  }
  const loadAtEnd = loadavg()[0]?.toFixed(2);
  await pool.query(`TRUNCATE ${TABLE}`);

  // 3. Medians and ratios to unnest.
  const lines: string[] = [];
  const verdicts: string[] = [];
  const gains = new Map<string, number>();
  for (const w of workloads) {
    const base = results.get(`${w.id}/unnest`) ?? [];
    const baseRate = median(base.map(rateOf));
    lines.push(
      `**${w.label}** (${fmt(w.id === 'new' ? fresh.length : dupRows)} rows in chunks of ${fmt(chunkRows)}):`,
      '',
      '| method | rows/s, median (range) | ÷ unnest, medians | ÷ unnest, median of rounds | client CPU-ms / 1,000 rows | server backends CPU-ms / 1,000 rows | all postgres processes CPU-ms / 1,000 rows |',
      '|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const m of methods) {
      const ms = results.get(`${w.id}/${m.id}`) ?? [];
      const rates = ms.map(rateOf);
      const rate = median(rates);
      // The ratio within each round (measured minutes apart at most) as well: robust to a load that drifts.
      const paired = median(rates.map((x, i) => x / rateOf(base[i] as Measure)));
      // What counts is the smaller of the two.
      gains.set(`${w.id}/${m.id}`, Math.min(rate / baseRate, paired));
      const cell = (f: (x: Measure) => number) => median(ms.map(f)).toFixed(1);
      const ratio = (x: number) => (m.id === 'unnest' ? '—' : `×${x.toFixed(2)}`);
      lines.push(
        `| ${m.label} | ${fmt(rate)} (${fmt(Math.min(...rates))}–${fmt(Math.max(...rates))}) | ${ratio(rate / baseRate)} | ${ratio(paired)} | ${cell((x) => per1000(x.clientMs, x))} | ${cell((x) => per1000(x.serverMs, x))} | ${cell((x) => per1000(x.allPostgresMs, x))} |`,
      );
      if (m.id !== 'unnest')
        verdicts.push(`${w.id} ${m.id} ×${(rate / baseRate).toFixed(2)} (rounds ×${paired.toFixed(2)})`);
    }
    lines.push('');
  }
  const beats = (id: string) =>
    (gains.get(`new/${id}`) ?? 0) >= 1.15 && (gains.get(`dup/${id}`) ?? 0) >= 1.15;
  const winner = ['copy-binary', 'copy-text'].find(beats);
  say(verdicts.join(', '));
  const criterion = `Switch criterion (issue 17: COPY into staging ≥ 1.15 × unnest in rows/s, with and without duplicates; the smaller of the two ratios): **${winner ? `reached by ${winner}` : 'not reached'}** — COPY binary ×${gains.get('new/copy-binary')?.toFixed(2)} / ×${gains.get('dup/copy-binary')?.toFixed(2)}, COPY text ×${gains.get('new/copy-text')?.toFixed(2)} / ×${gains.get('dup/copy-text')?.toFixed(2)} (new / with duplicates).`;
  say(criterion);
  lines.unshift(
    `PostgreSQL ${server} on this machine (${cpus().length} cores), ${hypertable ? 'positions a TimescaleDB hypertable' : 'positions a plain table (no TimescaleDB)'}, Node ${process.version}; ${loadNote}, ${loadAtEnd} at end.`,
    '',
  );
  lines.push(
    `Method: ${args.rounds} rounds after a warm-up; in each, every method stores the same ${fmt(fresh.length)} new simulator positions into an emptied, migrated \`positions\` table (CHECKPOINT first${checkpoint ? '' : ': not permitted, skipped'}; autovacuum off on it), in chunks of the ingest's size, ${CONCURRENCY} chunks in flight on ${CONCURRENCY} connections; then again with ${args.duplicates} % of each chunk rows stored before the measure. Methods in rotated order each round; medians. Every measure checks the count of new rows each method reports and the rows in the table. Client CPU: this Node process (process.cpuUsage). Server: the CPU of the ${CONCURRENCY} backends serving the inserts (/proc); all postgres processes adds the WAL writer, checkpointer and any other session's work on the same server.`,
    '',
    'b and c: one transaction per chunk (BEGIN; COPY into a session-local temporary table created once per connection with ON COMMIT DELETE ROWS; INSERT … SELECT … ON CONFLICT DO NOTHING, its command tag giving the new rows; COMMIT). b encodes the binary COPY format itself (timestamptz as int64 µs since 2000); c sends tab-separated text with GNSS time in ms, converted in the INSERT as unnest does. d copies only the new rows of a chunk (it cannot take a stored one) but is credited with the whole chunk.',
    '',
    criterion,
  );
  const serverCpu = (w: string, m: string) =>
    median((results.get(`${w}/${m}`) ?? []).map((x) => per1000(x.serverMs, x))).toFixed(1);
  const headline = `rows/s ÷ unnest (the smaller ratio), new / ${args.duplicates} % duplicates: COPY binary staging ×${gains.get('new/copy-binary')?.toFixed(2)} / ×${gains.get('dup/copy-binary')?.toFixed(2)}, COPY text staging ×${gains.get('new/copy-text')?.toFixed(2)} / ×${gains.get('dup/copy-text')?.toFixed(2)}, plain COPY ×${gains.get('new/copy-direct')?.toFixed(2)}; server CPU-ms/1,000 rows unnest ${serverCpu('new', 'unnest')} / ${serverCpu('dup', 'unnest')}, COPY binary ${serverCpu('new', 'copy-binary')} / ${serverCpu('dup', 'copy-binary')}`;
  say(writeBenchmarkUnlessDry({ id: 'insert', headline, change: args.change, lines }, args['dry-run']));
} finally {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
  await pool.end();
}
