/**
 * Every npm script that runs one of the repository's TypeScript CLIs or
 * benchmarks answers --help: exit 0, its usage on stdout with every option,
 * and nothing started (no infrastructure, no files written).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..', '..');

/** The options each script must list (besides -h, --help). */
const EXPECTED: Record<string, string[]> = {
  topics: [],
  migrate: [],
  token: ['--role', '--sub', '--carrier-id', '--ttl'],
  simulate: [
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
    '--follow',
    '--stats-file',
    '--vehicles-file',
    '--quiet',
  ],
  'registry:import': ['--format', '--progress'],
  'alerts:replay': ['--plate', '--color', '--from', '--to', '--json', '--progress', '--page-size'],
  'share:rebuild-bindings': [],
  'places:describe': [],
  'data:divisions': [],
  'bench:ingest': [
    '--positions',
    '--trucks',
    '--partitions',
    '--batch-size',
    '--profile',
    '--skip',
    '--change',
  ],
  'bench:insert': [
    '--positions',
    '--rounds',
    '--duplicates',
    '--trucks',
    '--batch-size',
    '--load-below',
    '--load-wait',
    '--dry-run',
    '--change',
  ],
  'bench:bindings': ['--connections', '--duration', '--warmup', '--drivers', '--change'],
  'bench:alerts': ['--trucks', '--seconds', '--rule-positions', '--change'],
  'bench:share': [
    '--connections',
    '--duration',
    '--warmup',
    '--views',
    '--streams',
    '--clients',
    '--tick-ms',
    '--ticks',
    '--rate',
    '--seconds',
    '--sample',
    '--poll-ms',
    '--partitions',
    '--view-only',
    '--change',
  ],
  'bench:track': [
    '--vehicles',
    '--fine-vehicles',
    '--connections',
    '--duration',
    '--warmup',
    '--no-write',
    '--change',
  ],
  'build:page': [],
  // `npm start` runs scripts/start.sh (the set-up), which then runs scripts/start.ts.
  start: [
    '--trucks',
    '--backfill',
    '--ingest-port',
    '--bindings-port',
    '--alerts-port',
    '--share-port',
    '--notifier-port',
    '--wechat-port',
  ],
  'bench:e2e': [
    '--steps',
    '--step-seconds',
    '--partitions',
    '--sends-per-s',
    '--trucks',
    '--shares-per-truck',
    '--view-poll-s',
    '--sample',
    '--sample-poll-ms',
    '--tick-ms',
    '--lag-limit-s',
    '--profile',
    '--profile-seconds',
    '--seed',
    '--dry-run',
    '--change',
  ],
  'bench:kafka-client': [
    '--rounds',
    '--messages',
    '--consume-messages',
    '--send-size',
    '--keys',
    '--partitions',
    '--dry-run',
    '--change',
  ],
};

/** Scripts that run TypeScript but are not covered here, and why. */
const NOT_COVERED: Record<string, string> = {};

interface Script {
  name: string;
  dir: string;
  file: string;
}

/** npm scripts of the root and every workspace whose command runs a .ts file. */
function typescriptScripts(): Script[] {
  const root = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
    workspaces: string[];
  };
  const out: Script[] = [];
  for (const dir of ['.', ...root.workspaces]) {
    const pkg = JSON.parse(readFileSync(join(REPO, dir, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    for (const [name, command] of Object.entries(pkg.scripts ?? {})) {
      const file = /(\S+\.ts)\b/.exec(command)?.[1];
      if (file) out.push({ name, dir, file });
    }
  }
  return out;
}

function run(script: Script, args: string[]) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=source', join(REPO, script.dir, script.file), ...args],
      // No infrastructure: a CLI that went past --help would fail to reach it, not use the developer's.
      {
        cwd: join(REPO, script.dir),
        env: {
          ...process.env,
          KAFKA_BROKERS: '127.0.0.1:1',
          DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
          REDIS_URL: 'redis://127.0.0.1:1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

const scripts = [...typescriptScripts(), { name: 'start', dir: '.', file: 'scripts/start.ts' }];

describe('--help of every CLI and benchmark', () => {
  it('knows every npm script that runs TypeScript', () => {
    const names = scripts.map((s) => s.name).filter((n) => !(n in NOT_COVERED));
    expect(names.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.concurrent.each(scripts.filter((s) => s.name in EXPECTED))(
    '$name answers --help with its options and exits 0',
    async (script) => {
      const { code, out, err } = await run(script, ['--help']);
      expect(code, err).toBe(0);
      expect(out).toMatch(/^Usage: /);
      for (const option of [...(EXPECTED[script.name] ?? []), '--help']) {
        expect(out, `${script.name} --help lists ${option}`).toMatch(
          new RegExp(`^ +(-\\w, )?${option}\\b`, 'm'),
        );
      }
    },
    120_000,
  );
});
