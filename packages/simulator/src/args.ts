import { type CliSpec, CliUsageError, readCliArgs } from '@safewatch/common/cli';

export const SIMULATOR_CLI = {
  name: 'simulate',
  summary: `Produces simulated truck position batches (safewatch.v1.PositionBatch) to <prefix>positions.raw,
keyed by platform id.`,
  options: {
    brokers: {
      type: 'string',
      env: 'KAFKA_BROKERS',
      default: '127.0.0.1:9092',
      placeholder: 'LIST',
      description: 'Kafka bootstrap brokers, comma-separated',
    },
    'topic-prefix': {
      type: 'string',
      env: 'KAFKA_TOPIC_PREFIX',
      default: '',
      placeholder: 'P',
      description: 'prefix of every topic name',
    },
    trucks: {
      type: 'number',
      integer: true,
      min: 1,
      max: 1_000_000,
      default: 200,
      placeholder: 'N',
      description: 'number of trucks',
    },
    seed: {
      type: 'number',
      integer: true,
      min: -0xffff_ffff,
      max: 0xffff_ffff,
      default: 1,
      placeholder: 'N',
      description: 'PRNG seed; same seed and options give the same bytes',
    },
    start: {
      type: 'string',
      placeholder: 'T',
      defaultText: 'now; with --count and no --follow, early enough to reach the count by now',
      description: 'simulated start: ISO time, epoch ms, "now", or relative like -5h, -30m, -90s, -2d',
    },
    interval: {
      type: 'number',
      min: 1,
      max: 3600,
      default: 30,
      placeholder: 'S',
      description: 'seconds between two fixes of a truck',
    },
    'batch-size': {
      type: 'number',
      integer: true,
      min: 1,
      max: 100_000,
      default: 500,
      placeholder: 'N',
      description: 'maximum positions per batch message',
    },
    platforms: {
      type: 'number',
      integer: true,
      min: 1,
      max: 99,
      default: 4,
      placeholder: 'N',
      description: 'number of positioning platforms, keys plat-01 …',
    },
    'bad-rate': {
      type: 'number',
      min: 0,
      max: 1,
      default: 0.002,
      placeholder: 'R',
      description: 'share of deliberately faulty fixes',
    },
    count: {
      type: 'number',
      integer: true,
      min: 0,
      default: 0,
      placeholder: 'N',
      description: 'stop after N positions (0: no limit)',
    },
    rate: {
      type: 'number',
      min: 0,
      default: 0,
      placeholder: 'N',
      description: 'at most N positions per second (0: as fast as possible)',
    },
    follow: {
      type: 'boolean',
      description:
        'after catching up with the wall clock, keep producing in real time\n(otherwise stop once caught up)',
    },
    'stats-file': {
      type: 'string',
      placeholder: 'PATH',
      description: 'write the final stats as JSON on exit',
    },
    'vehicles-file': {
      type: 'string',
      placeholder: 'PATH',
      description: 'write the simulated vehicles (plate, colour, VIN, certificate, platform) as JSON',
    },
    quiet: { type: 'boolean', description: 'no progress lines' },
  },
  env: { LOG_LEVEL: 'log level of the progress lines (default info)' },
  notes: `Regular fixes never carry a GNSS time ahead of the wall clock; only the deliberate
FUTURE_TIME faults do.`,
} as const satisfies CliSpec;

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
  throw new CliUsageError(
    `--start: expected an ISO time, epoch ms, "now" or a relative time like -5h, got "${value}"`,
  );
}

/**
 * The simulator's options, checked: `help` when -h/--help was given (nothing
 * else is read then). Throws CliUsageError for a wrong command line.
 */
export function parseSimulatorArgs(
  argv: string[],
  env: Record<string, string | undefined>,
  nowMs: number,
): CliOptions | 'help' {
  const args = readCliArgs(SIMULATOR_CLI, argv, env);
  if (args.help) return 'help';
  const v = args.values;
  const brokers = v.brokers
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers.length === 0) throw new CliUsageError('--brokers: expected host:port[,host:port…]');

  let startMs: number;
  if (v.start !== undefined) startMs = parseTime(v.start, nowMs);
  else if (v.count > 0 && !v.follow) {
    // Enough history to reach the count by the time the simulation is caught up (fault-free estimate + 1 %).
    const ticks = Math.ceil((v.count * 1.01) / v.trucks) + 1;
    startMs = nowMs - ticks * v.interval * 1000;
  } else startMs = nowMs;

  return {
    brokers,
    topicPrefix: v['topic-prefix'],
    trucks: v.trucks,
    seed: v.seed,
    startMs: Math.floor(startMs / 1000) * 1000,
    intervalS: v.interval,
    batchSize: v['batch-size'],
    platforms: v.platforms,
    badRate: v['bad-rate'],
    count: v.count,
    rate: v.rate,
    follow: v.follow,
    statsFile: v['stats-file'],
    vehiclesFile: v['vehicles-file'],
    quiet: v.quiet,
  };
}
