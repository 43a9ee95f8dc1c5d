import { parseArgs } from 'node:util';

export const USAGE = `Usage: simulate [options]
Produces simulated truck position batches (safewatch.v1.PositionBatch) to <prefix>positions.raw.

  --brokers LIST       Kafka bootstrap brokers, comma-separated (env KAFKA_BROKERS, default 127.0.0.1:9092)
  --topic-prefix P     prefix of every topic name (env KAFKA_TOPIC_PREFIX, default none)
  --trucks N           number of trucks (default 200)
  --seed N             PRNG seed; same seed and options give the same bytes (default 1)
  --start T            simulated start: ISO time, epoch ms, "now", or relative like -5h, -30m, -90s, -2d.
                       Default: now; with --count and without --follow, early enough that
                       the count is reached when the simulation catches up with the wall clock
  --interval S         seconds between two fixes of a truck (default 30)
  --batch-size N       maximum positions per batch message (default 500)
  --platforms N        number of positioning platforms, keys plat-01 … (default 4)
  --bad-rate R         share of deliberately faulty fixes, 0 … 1 (default 0.002)
  --count N            stop after N positions (default 0 = no limit)
  --rate N             at most N positions per second (default 0 = as fast as possible)
  --follow             after catching up with the wall clock, keep producing in real time
                       (otherwise stop once caught up)
  --stats-file PATH    write the final stats as JSON on exit
  --vehicles-file PATH write the simulated vehicles (plate, colour, VIN, certificate, platform) as JSON
  --quiet              no progress lines
  -h, --help           this help

Regular fixes never carry a GNSS time ahead of the wall clock; only the deliberate
FUTURE_TIME faults do.`;

export interface CliOptions {
  brokers: string[];
  topicPrefix: string;
  trucks: number;
  seed: number;
  /** Simulated start, Unix ms (whole seconds). */
  startMs: number;
  intervalS: number;
  batchSize: number;
  platforms: number;
  badRate: number;
  count: number;
  rate: number;
  follow: boolean;
  statsFile: string | undefined;
  vehiclesFile: string | undefined;
  quiet: boolean;
  help: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

const UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses a start time: "now", an ISO 8601 time, epoch milliseconds, or a time
 * relative to now such as "-5h", "-30m", "-1.5h", "+10m".
 */
export function parseTime(value: string, nowMs: number): number {
  const v = value.trim();
  if (v === 'now') return nowMs;
  const rel = /^([+-])(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(v);
  if (rel) {
    const ms = Number(rel[2]) * (UNITS_MS[rel[3] as string] as number);
    return rel[1] === '-' ? nowMs - ms : nowMs + ms;
  }
  if (/^\d{10,}$/.test(v)) return Number(v);
  // Only strings that look like a date: Date.parse accepts odd inputs ("1", "May").
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) {
    const t = Date.parse(v);
    if (Number.isFinite(t)) return t;
  }
  throw new UsageError(
    `--start: expected an ISO time, epoch ms, "now" or a relative time like -5h, got "${value}"`,
  );
}

function num(
  name: string,
  raw: string | undefined,
  fallback: number,
  check: (n: number) => boolean,
  what: string,
) {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || !check(n)) {
    throw new UsageError(`--${name}: expected ${what}, got "${raw}"`);
  }
  return n;
}

const isInt = (n: number) => Number.isInteger(n);

const STRING_OPTIONS = new Set([
  '--brokers',
  '--topic-prefix',
  '--trucks',
  '--seed',
  '--start',
  '--interval',
  '--batch-size',
  '--platforms',
  '--bad-rate',
  '--count',
  '--rate',
  '--stats-file',
  '--vehicles-file',
]);

/** parseArgs refuses "--start -5h" (a value that looks like an option); join such pairs as "--start=-5h". */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const next = argv[i + 1];
    if (STRING_OPTIONS.has(a) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

export function parseCliArgs(
  argv: string[],
  env: Record<string, string | undefined>,
  nowMs: number,
): CliOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: joinNegativeValues(argv),
      strict: true,
      allowPositionals: false,
      options: {
        brokers: { type: 'string' },
        'topic-prefix': { type: 'string' },
        trucks: { type: 'string' },
        seed: { type: 'string' },
        start: { type: 'string' },
        interval: { type: 'string' },
        'batch-size': { type: 'string' },
        platforms: { type: 'string' },
        'bad-rate': { type: 'string' },
        count: { type: 'string' },
        rate: { type: 'string' },
        follow: { type: 'boolean' },
        'stats-file': { type: 'string' },
        'vehicles-file': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const str = (k: string) => values[k] as string | undefined;

  const brokers = (str('brokers') ?? env.KAFKA_BROKERS ?? '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers.length === 0) throw new UsageError('--brokers: expected host:port[,host:port…]');

  const trucks = num(
    'trucks',
    str('trucks'),
    200,
    (n) => isInt(n) && n >= 1 && n <= 1_000_000,
    'an integer 1 … 1000000',
  );
  const seed = num('seed', str('seed'), 1, (n) => isInt(n) && Math.abs(n) <= 0xffff_ffff, 'a 32-bit integer');
  const intervalS = num('interval', str('interval'), 30, (n) => n >= 1 && n <= 3600, 'seconds 1 … 3600');
  const batchSize = num(
    'batch-size',
    str('batch-size'),
    500,
    (n) => isInt(n) && n >= 1 && n <= 100_000,
    'an integer 1 … 100000',
  );
  const platforms = num(
    'platforms',
    str('platforms'),
    4,
    (n) => isInt(n) && n >= 1 && n <= 99,
    'an integer 1 … 99',
  );
  const badRate = num('bad-rate', str('bad-rate'), 0.002, (n) => n >= 0 && n <= 1, 'a number 0 … 1');
  const count = num('count', str('count'), 0, (n) => isInt(n) && n >= 0, 'a non-negative integer');
  const rate = num('rate', str('rate'), 0, (n) => n >= 0, 'a non-negative number');
  const follow = values.follow === true;

  let startMs: number;
  const start = str('start');
  if (start !== undefined) startMs = parseTime(start, nowMs);
  else if (count > 0 && !follow) {
    // Enough history to reach the count by the time the simulation is caught up (fault-free estimate + 1 %).
    const ticks = Math.ceil((count * 1.01) / trucks) + 1;
    startMs = nowMs - ticks * intervalS * 1000;
  } else startMs = nowMs;

  return {
    brokers,
    topicPrefix: str('topic-prefix') ?? env.KAFKA_TOPIC_PREFIX ?? '',
    trucks,
    seed,
    startMs: Math.floor(startMs / 1000) * 1000,
    intervalS,
    batchSize,
    platforms,
    badRate,
    count,
    rate,
    follow,
    statsFile: str('stats-file'),
    vehiclesFile: str('vehicles-file'),
    quiet: values.quiet === true,
    help: values.help === true,
  };
}
