/**
 * Command-line options of the repository's CLIs and benchmarks, on node's
 * util.parseArgs, declared once with their type, default and description, so
 * that `--help` prints them and a wrong option is refused with the same words
 * everywhere:
 *
 *   const { values } = parseCliArgs({
 *     name: 'bench:track',
 *     summary: 'Measures GET /v1/shares/{token}/track …',
 *     options: { vehicles: { type: 'number', integer: true, min: 0, default: 1000, description: '…' } },
 *   });
 *
 * Types: 'string' (optionally `choices`), 'number' (optionally `integer`,
 * `min`, `max`) and 'boolean'. A string or number option may fall back on an
 * environment variable (`env`) before its default. `-h`/`--help` is always
 * there. A value that starts with '-' and a digit (`--seed -7`, `--start -5h`)
 * is taken as the value, not as an option.
 */
import { parseArgs } from 'node:util';

interface OptionBase {
  description: string;
  /** One letter: `-x`. */
  short?: string;
  /** Shown in the help after the option's name: `--trucks N`. */
  placeholder?: string;
  /** Shown in the help instead of the default value, for defaults that are worked out. */
  defaultText?: string;
}

interface ValueOption extends OptionBase {
  /** Environment variable read when the option is not given (before the default). */
  env?: string;
  /** Refused when neither given nor in the environment. */
  required?: boolean;
}

export interface StringOption extends ValueOption {
  type: 'string';
  default?: string;
  /** The only values accepted. */
  choices?: readonly string[];
}

export interface NumberOption extends ValueOption {
  type: 'number';
  default?: number;
  integer?: boolean;
  min?: number;
  max?: number;
}

export interface BooleanOption extends OptionBase {
  type: 'boolean';
  default?: boolean;
}

export type CliOption = StringOption | NumberOption | BooleanOption;
export type CliOptions = Record<string, CliOption>;

export interface CliSpec<O extends CliOptions = CliOptions> {
  /** The npm script (`bench:track`) or command name. */
  name: string;
  /** The usage line after "Usage: "; default `npm run <name> -- [options] <positionals>`. */
  usage?: string;
  /** What it does, one or more lines. */
  summary: string;
  options: O;
  /** Positional arguments as shown in the usage line (`<file> [<file>...]`); without it none are accepted. */
  positionals?: string;
  /** Environment variables it reads, with what they are for. */
  env?: Record<string, string>;
  /** Text after the options (exit codes, examples). */
  notes?: string;
  /** Exit code of a usage error (default 2). */
  usageExitCode?: number;
}

/** Whether the option always has a value: a default, or required. */
type Always<O> = O extends { default: string | number } ? true : O extends { required: true } ? true : false;
type Maybe<O, T> = Always<O> extends true ? T : T | undefined;

type ValueOf<O extends CliOption> = O extends BooleanOption
  ? boolean
  : O extends NumberOption
    ? Maybe<O, number>
    : O extends { choices: readonly (infer C)[] }
      ? Maybe<O, C>
      : Maybe<O, string>;

export type CliValues<O extends CliOptions> = { -readonly [K in keyof O]: ValueOf<O[K]> };

export interface CliArgs<O extends CliOptions> {
  values: CliValues<O>;
  positionals: string[];
}

/** A wrong command line: the message says what and where, without the usage text. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

const HELP: BooleanOption = { type: 'boolean', short: 'h', description: 'print this help and exit' };

/**
 * Reads the command line (no output, no exit): `{ help: true }` when -h/--help
 * was given, otherwise the values with environment and defaults applied.
 * Throws CliUsageError for an unknown option, a missing or wrong value, or a
 * positional argument the spec does not take.
 */
export function readCliArgs<const O extends CliOptions>(
  spec: CliSpec<O>,
  argv: readonly string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
): ({ help: true } & Partial<CliArgs<O>>) | ({ help: false } & CliArgs<O>) {
  const end = argv.indexOf('--');
  if ((end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h')) return { help: true };
  const config: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, o] of Object.entries({ ...spec.options, help: HELP })) {
    config[name] = {
      type: o.type === 'boolean' ? 'boolean' : 'string',
      ...(o.short ? { short: o.short } : {}),
    };
  }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: joinDashValues(argv, config),
      options: config,
      strict: true,
      allowPositionals: spec.positionals !== undefined,
    }) as typeof parsed;
  } catch (err) {
    throw new CliUsageError(parseArgsMessage(err));
  }
  const values: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(spec.options)) {
    const given = parsed.values[name];
    if (o.type === 'boolean') {
      values[name] = given ?? o.default ?? false;
      continue;
    }
    const fromEnv =
      o.env !== undefined && env[o.env] !== undefined && env[o.env] !== '' ? env[o.env] : undefined;
    const raw = (given as string | undefined) ?? fromEnv;
    const where = given !== undefined ? `--${name}` : `${o.env} (for --${name})`;
    if (raw === undefined) {
      if (o.required && o.default === undefined)
        throw new CliUsageError(`--${name} is required${o.env ? ` (or ${o.env})` : ''}`);
      values[name] = o.default;
    } else if (o.required && raw === '') throw new CliUsageError(`${where}: must not be empty`);
    else if (o.type === 'number') values[name] = toNumber(where, raw, o);
    else {
      if (o.choices && !o.choices.includes(raw))
        throw new CliUsageError(`${where}: expected one of ${o.choices.join(', ')}, got "${raw}"`);
      values[name] = raw;
    }
  }
  return { help: false, values: values as CliValues<O>, positionals: parsed.positionals };
}

/**
 * readCliArgs for a CLI's entry point: with --help prints the usage to stdout
 * and exits 0; on a usage error prints the error and the usage line to stderr
 * and exits with `usageExitCode` (2).
 */
export function parseCliArgs<const O extends CliOptions>(
  spec: CliSpec<O>,
  argv: readonly string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
): CliArgs<O> {
  let args: ReturnType<typeof readCliArgs<O>>;
  try {
    args = readCliArgs(spec, argv, env);
  } catch (err) {
    if (!(err instanceof CliUsageError)) throw err;
    process.stderr.write(`${spec.name}: ${err.message}\n${usageLine(spec)}\n(--help for every option)\n`);
    process.exit(spec.usageExitCode ?? 2);
  }
  if (args.help) {
    process.stdout.write(`${cliUsage(spec)}\n`);
    process.exit(0);
  }
  return args;
}

function usageLine(spec: CliSpec): string {
  return `Usage: ${spec.usage ?? `npm run ${spec.name} -- [options]${spec.positionals ? ` ${spec.positionals}` : ''}`}`;
}

/** The help text: usage line, summary, options with their defaults, environment, notes. */
export function cliUsage(spec: CliSpec): string {
  const all: CliOptions = { ...spec.options, help: HELP };
  const rows: [string, string][] = Object.entries(all).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}`;
    const arg = o.type === 'boolean' ? '' : ` ${o.placeholder ?? placeholderOf(o)}`;
    return [`${flag}${arg}`, describe(o)];
  });
  const out = [usageLine(spec), '', spec.summary.trim(), '', 'Options:', ...table(rows)];
  if (spec.env && Object.keys(spec.env).length > 0) {
    out.push('', 'Environment:', ...table(Object.entries(spec.env)));
  }
  if (spec.notes) out.push('', spec.notes.trim());
  return out.join('\n');
}

function placeholderOf(o: StringOption | NumberOption): string {
  if (o.type === 'number') return o.integer ? 'N' : 'X';
  return o.choices ? o.choices.join('|') : 'VALUE';
}

function describe(o: CliOption): string {
  const extra: string[] = [];
  if (o.type !== 'boolean' && o.required) extra.push('required');
  if (o.type !== 'boolean' && o.env) extra.push(`env ${o.env}`);
  const dflt =
    o.defaultText ?? (o.type === 'boolean' || o.default === undefined ? undefined : String(o.default));
  if (dflt !== undefined) extra.push(`default ${dflt === '' ? '""' : dflt}`);
  if (extra.length === 0) return o.description;
  const tail = `(${extra.join(', ')})`;
  const last = o.description.split('\n').pop() ?? '';
  // A long description keeps its default on a line of its own.
  return last.length + tail.length < 80 ? `${o.description} ${tail}` : `${o.description}\n${tail}`;
}

/** Two columns; the second one's extra lines are indented under it. */
function table(rows: [string, string][]): string[] {
  // Left cells longer than 30 characters get a line of their own and do not widen the column.
  const width = Math.max(0, ...rows.map(([left]) => left.length).filter((n) => n <= 30));
  return rows.flatMap(([left, right]) => {
    const [first = '', ...more] = right.split('\n');
    const head =
      left.length > width
        ? [`  ${left}`, `  ${' '.repeat(width)}  ${first}`]
        : [`  ${left.padEnd(width)}  ${first}`];
    return [...head, ...more.map((line) => `  ${' '.repeat(width)}  ${line}`)];
  });
}

function toNumber(where: string, raw: string, o: NumberOption): number {
  const n = Number(raw);
  const ok =
    raw.trim() !== '' &&
    Number.isFinite(n) &&
    (!o.integer || Number.isInteger(n)) &&
    (o.min === undefined || n >= o.min) &&
    (o.max === undefined || n <= o.max);
  if (ok) return n;
  const kind = o.integer ? 'an integer' : 'a number';
  const range =
    o.min !== undefined && o.max !== undefined
      ? ` ${o.min} … ${o.max}`
      : o.min !== undefined
        ? ` ≥ ${o.min}`
        : o.max !== undefined
          ? ` ≤ ${o.max}`
          : '';
  throw new CliUsageError(`${where}: expected ${kind}${range}, got "${raw}"`);
}

/** `--seed -7` / `--start -5h` → `--seed=-7`: parseArgs would take "-7" for an option. */
function joinDashValues(argv: readonly string[], config: Record<string, { type: string; short?: string }>) {
  const takesValue = new Set<string>();
  for (const [name, o] of Object.entries(config)) {
    if (o.type !== 'string') continue;
    takesValue.add(`--${name}`);
    if (o.short) takesValue.add(`-${o.short}`);
  }
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const next = argv[i + 1];
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (takesValue.has(a) && next !== undefined && /^-\.?\d/.test(next)) {
      out.push(a.startsWith('--') ? `${a}=${next}` : `${a}${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** parseArgs' messages, shortened to what was wrong. */
function parseArgsMessage(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(e.message ?? '')?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${quoted ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return (e.message ?? 'invalid option value').replace(/^Option '([^']+)'/, '$1');
    default:
      return e.message ?? String(err);
  }
}
