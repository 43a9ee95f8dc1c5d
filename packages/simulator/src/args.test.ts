import { CliUsageError } from '@safewatch/common/cli';
import { describe, expect, it } from 'vitest';
import { type CliOptions, parseSimulatorArgs, parseTime } from './args.js';

const NOW = Date.UTC(2026, 5, 1, 12, 0, 0, 345);

describe('parseTime', () => {
  it('accepts relative, ISO, epoch and now', () => {
    expect(parseTime('-5h', NOW)).toBe(NOW - 5 * 3_600_000);
    expect(parseTime('-30m', NOW)).toBe(NOW - 30 * 60_000);
    expect(parseTime('-1.5h', NOW)).toBe(NOW - 5_400_000);
    expect(parseTime('+10s', NOW)).toBe(NOW + 10_000);
    expect(parseTime('-2d', NOW)).toBe(NOW - 2 * 86_400_000);
    expect(parseTime('now', NOW)).toBe(NOW);
    expect(parseTime('2026-03-02T06:00:00Z', NOW)).toBe(Date.UTC(2026, 2, 2, 6));
    expect(parseTime('2026-03-02T14:00:00+08:00', NOW)).toBe(Date.UTC(2026, 2, 2, 6));
    expect(parseTime('1772431200000', NOW)).toBe(1772431200000);
  });

  it('rejects anything else', () => {
    for (const bad of ['5h', '-5x', 'yesterday', '', '12'])
      expect(() => parseTime(bad, NOW)).toThrow(CliUsageError);
  });
});

const parse = (argv: string[], env: Record<string, string>, now: number): CliOptions => {
  const o = parseSimulatorArgs(argv, env, now);
  if (o === 'help') throw new Error('unexpected help');
  return o;
};

describe('parseSimulatorArgs', () => {
  it('has the documented defaults', () => {
    const o = parse([], {}, NOW);
    expect(o).toMatchObject({
      brokers: ['127.0.0.1:9092'],
      topicPrefix: '',
      trucks: 200,
      seed: 1,
      startMs: NOW - 345,
      intervalS: 30,
      batchSize: 500,
      platforms: 4,
      badRate: 0.002,
      count: 0,
      rate: 0,
      follow: false,
      quiet: false,
    });
  });

  it('reads the environment and flags (flags win)', () => {
    const env = { KAFKA_BROKERS: 'a:1,b:2', KAFKA_TOPIC_PREFIX: 'x.' };
    expect(parse([], env, NOW)).toMatchObject({ brokers: ['a:1', 'b:2'], topicPrefix: 'x.' });
    const o = parse(
      [
        '--brokers',
        'k:9',
        '--topic-prefix',
        't.',
        '--trucks',
        '50',
        '--seed',
        '-7',
        '--start',
        '-5h',
        '--interval',
        '10',
        '--batch-size',
        '100',
        '--bad-rate',
        '0',
        '--count',
        '1000',
        '--rate',
        '500',
        '--follow',
        '--stats-file',
        '/tmp/s.json',
        '--quiet',
      ],
      env,
      NOW,
    );
    expect(o).toMatchObject({
      brokers: ['k:9'],
      topicPrefix: 't.',
      trucks: 50,
      seed: -7,
      startMs: NOW - 345 - 5 * 3_600_000,
      intervalS: 10,
      batchSize: 100,
      badRate: 0,
      count: 1000,
      rate: 500,
      follow: true,
      statsFile: '/tmp/s.json',
      quiet: true,
    });
    expect(parse(['--start=-30m'], {}, NOW).startMs).toBe(NOW - 345 - 30 * 60_000);
  });

  it('starts early enough for --count when no start is given', () => {
    const o = parse(['--count', '100000', '--trucks', '1000'], {}, NOW);
    // ≥ 100 ticks of 30 s before now
    expect(o.startMs).toBeLessThanOrEqual(NOW - 100 * 30_000);
    expect(o.startMs).toBeGreaterThan(NOW - 110 * 30_000);
    expect(parse(['--count', '100000', '--follow'], {}, NOW).startMs).toBe(NOW - 345);
  });

  it('answers --help', () => {
    expect(parseSimulatorArgs(['--trucks', '5', '-h'], {}, NOW)).toBe('help');
  });

  it('rejects bad values with a usage error', () => {
    for (const argv of [
      ['--trucks', '0'],
      ['--trucks', 'many'],
      ['--bad-rate', '1.5'],
      ['--count', '-1'],
      ['--interval', '0'],
      ['--unknown'],
      ['positional'],
    ]) {
      expect(() => parse(argv, {}, NOW), argv.join(' ')).toThrow(CliUsageError);
    }
  });
});
