import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { migrate } from '@safewatch/common';
import { getInfra, isolate } from '@safewatch/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drive, logger, MIGRATIONS } from './helpers.js';

const infra = getInfra();
const iso = isolate('alerts-replay', infra);
const T0 = Date.parse('2026-11-20T00:00:00Z');
let db: pg.Pool;

beforeAll(async () => {
  // The replay reads the positions table that ingest writes.
  await migrate({
    databaseUrl: infra.databaseUrl,
    schema: iso.schema,
    dir: join(import.meta.dirname, '..', '..', 'ingest', 'migrations'),
    service: 'ingest',
    logger,
  });
  await migrate({
    databaseUrl: infra.databaseUrl,
    schema: iso.schema,
    dir: MIGRATIONS,
    service: 'alerts',
    logger,
  });
  db = new pg.Pool({ connectionString: infra.databaseUrl, options: `-c search_path=${iso.schema}`, max: 1 });
  const track = [
    ...drive(T0, 120, 10, 80),
    ...drive(T0 + 130_000, 180, 10, 118, 35.52),
    ...drive(T0 + 320_000, 180, 10, 80, 35.58),
  ];
  for (const f of track) {
    await db.query(
      `INSERT INTO positions (plate_number, plate_color, gnss_time, lat_e6, lon_e6, speed_dkmh, heading_deg, altitude_m, alarm_flags, status_flags, odometer_hm, platform_id)
       VALUES ('鲁A77777', 2, to_timestamp($1 / 1000.0), $2, $3, $4, 0, 0, 0, 3, 0, 'plat-01')`,
      [f.t, Math.round(f.lat * 1e6), Math.round(f.lon * 1e6), Math.round(f.speedKmh * 10)],
    );
  }
});
afterAll(async () => {
  await db?.end();
  await iso.dropSchema();
});

const replay = (args: string[]) =>
  new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=source',
        join(import.meta.dirname, '..', 'src', 'cli', 'replay.ts'),
        ...args,
      ],
      {
        env: { ...process.env, DATABASE_URL: infra.databaseUrl, PG_SCHEMA: iso.schema, LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('exit', (code) => resolve({ code, out }));
  });

/** The first hour of the stored track. */
const HOUR = ['--from', '2026-11-20T00:00:00Z', '--to', '2026-11-20T01:00:00Z'];

describe('replay: the stored track through the same rules', () => {
  it('prints the speeding episode of the track with its facts and alert ids', async () => {
    const { code, out } = await replay(['--plate', '鲁a77777', ...HOUR]);
    expect(code, out).toBe(0);
    expect(out).toContain('鲁A77777 (colour 2): 51 positions, 2 alert events');
    expect(out).toMatch(/SPEEDING\s+STARTED\s+DETECTED.*peak 118 km\/h, limit 100/);
    expect(out).toMatch(/SPEEDING\s+ENDED/);
    expect(out).toContain(`[鲁A77777:2|SPEEDING|${T0 + 130_000}|STARTED]`);
    const json = await replay(['--plate', '鲁A77777', ...HOUR, '--json']);
    expect(JSON.parse(json.out).alerts).toHaveLength(2);
    // Read and evaluated 7 positions at a time: the same episodes.
    const paged = await replay(['--plate', '鲁A77777', ...HOUR, '--page-size', '7']);
    expect(paged.out).toBe(out);
  }, 60_000);

  it('refuses bad arguments with a usage line', async () => {
    const { code, out } = await replay(['--plate', '鲁A77777', '--from', 'yesterday', '--to', 'today']);
    expect(code).toBe(2);
    expect(out).toContain('--from and --to must be ISO times');
    const missing = await replay(HOUR);
    expect(missing.code).toBe(2);
    expect(missing.out).toContain('--plate is required');
  }, 60_000);
});
