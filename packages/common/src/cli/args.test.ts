import { describe, expect, it } from 'vitest';
import { type CliSpec, CliUsageError, cliUsage, readCliArgs } from './args.js';

const spec = {
  name: 'bench:demo',
  summary: 'Demonstrates the options.',
  options: {
    trucks: {
      type: 'number',
      integer: true,
      min: 1,
      max: 1000,
      default: 200,
      placeholder: 'N',
      description: 'simulated trucks',
    },
    rate: { type: 'number', min: 0, description: 'positions per second' },
    brokers: {
      type: 'string',
      env: 'KAFKA_BROKERS',
      default: '127.0.0.1:9092',
      description: 'Kafka bootstrap brokers',
    },
    format: { type: 'string', choices: ['csv', 'json'], description: 'file format' },
    start: { type: 'string', defaultText: 'now', description: 'simulated start\nsecond line' },
    seed: { type: 'number', integer: true, default: 1, description: 'PRNG seed' },
    follow: { type: 'boolean', short: 'f', description: 'keep going' },
  },
} as const satisfies CliSpec;

const read = (argv: string[], env: Record<string, string> = {}) => {
  const r = readCliArgs(spec, argv, env);
  if (r.help) throw new Error('unexpected help');
  return r;
};

describe('readCliArgs', () => {
  it('applies defaults, typed', () => {
    const { values, positionals } = read([]);
    expect(values).toEqual({
      trucks: 200,
      rate: undefined,
      brokers: '127.0.0.1:9092',
      format: undefined,
      start: undefined,
      seed: 1,
      follow: false,
    });
    expect(positionals).toEqual([]);
    // Types follow the declaration: a number with a default is a number.
    const trucks: number = values.trucks;
    const format: 'csv' | 'json' | undefined = values.format;
    expect([trucks, format]).toEqual([200, undefined]);
  });

  it('reads given values, the environment before defaults, and values that start with a minus', () => {
    const { values } = read(
      ['--trucks', '50', '--rate=2.5', '--format', 'json', '--start', '-5h', '--seed', '-7', '-f'],
      { KAFKA_BROKERS: 'a:1,b:2' },
    );
    expect(values).toMatchObject({
      trucks: 50,
      rate: 2.5,
      brokers: 'a:1,b:2',
      format: 'json',
      start: '-5h',
      seed: -7,
      follow: true,
    });
    expect(read(['--brokers', 'k:9'], { KAFKA_BROKERS: 'a:1' }).values.brokers).toBe('k:9');
  });

  it('answers help', () => {
    expect(readCliArgs(spec, ['--help'], {}).help).toBe(true);
    // Whatever else the command line holds.
    expect(readCliArgs(spec, ['--nope', '-h'], {}).help).toBe(true);
    // After "--" it is an argument, which this spec does not take.
    expect(() => readCliArgs(spec, ['--', '--help'], {})).toThrow(/^unexpected argument --help$/);
  });

  it('refuses unknown options, wrong values and positionals with a clear message', () => {
    const cases: [string[], RegExp][] = [
      [['--nope'], /^unknown option --nope$/],
      [['-x'], /^unknown option -x$/],
      [['--trucks', '0'], /^--trucks: expected an integer 1 … 1000, got "0"$/],
      [['--trucks', '2.5'], /^--trucks: expected an integer 1 … 1000, got "2.5"$/],
      [['--trucks', 'many'], /expected an integer/],
      [['--rate', '-1'], /^--rate: expected a number ≥ 0, got "-1"$/],
      [['--rate', ''], /expected a number/],
      [['--format', 'xml'], /^--format: expected one of csv, json, got "xml"$/],
      [['--trucks'], /--trucks/],
      [['--follow=yes'], /--follow/],
      [['file.json'], /^unexpected argument file\.json$/],
    ];
    for (const [argv, message] of cases) {
      expect(() => readCliArgs(spec, argv, {}), argv.join(' ')).toThrow(CliUsageError);
      expect(() => readCliArgs(spec, argv, {}), argv.join(' ')).toThrow(message);
    }
  });

  it('says when a value from the environment is wrong', () => {
    const withEnv = {
      ...spec,
      options: { ...spec.options, trucks: { ...spec.options.trucks, env: 'TRUCKS' } },
    } as const satisfies CliSpec;
    expect(() => readCliArgs(withEnv, [], { TRUCKS: 'x' })).toThrow(/^TRUCKS \(for --trucks\): expected/);
  });

  it('refuses a missing required option, unless the environment has it', () => {
    const withRequired = {
      name: 'x',
      summary: 'x',
      options: { sub: { type: 'string', required: true, env: 'SUB', description: 'subject' } },
    } as const satisfies CliSpec;
    expect(() => readCliArgs(withRequired, [], {})).toThrow(/^--sub is required \(or SUB\)$/);
    expect(() => readCliArgs(withRequired, ['--sub', ''], {})).toThrow(/^--sub: must not be empty$/);
    const r = readCliArgs(withRequired, [], { SUB: 'd-1' });
    const sub: string = r.help ? '' : r.values.sub;
    expect(sub).toBe('d-1');
    expect(cliUsage(withRequired)).toContain('--sub VALUE  subject (required, env SUB)');
  });

  it('takes positionals when the spec names them', () => {
    const r = readCliArgs({ ...spec, positionals: '<file> [<file>...]' }, ['a.csv', '--follow', 'b.csv'], {});
    expect(r.help ? [] : r.positionals).toEqual(['a.csv', 'b.csv']);
  });
});

describe('cliUsage', () => {
  it('lists every option with its type, default, environment variable and description', () => {
    const text = cliUsage({ ...spec, env: { LOG_LEVEL: 'pino level' }, notes: 'Exit codes: 0 ok.' });
    expect(text).toBe(
      [
        'Usage: npm run bench:demo -- [options]',
        '',
        'Demonstrates the options.',
        '',
        'Options:',
        '      --trucks N         simulated trucks (default 200)',
        '      --rate X           positions per second',
        '      --brokers VALUE    Kafka bootstrap brokers (env KAFKA_BROKERS, default 127.0.0.1:9092)',
        '      --format csv|json  file format',
        '      --start VALUE      simulated start',
        '                         second line (default now)',
        '      --seed N           PRNG seed (default 1)',
        '  -f, --follow           keep going',
        '  -h, --help             print this help and exit',
        '',
        'Environment:',
        '  LOG_LEVEL  pino level',
        '',
        'Exit codes: 0 ok.',
      ].join('\n'),
    );
  });
});
