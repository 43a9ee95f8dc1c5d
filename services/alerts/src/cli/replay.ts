/**
 * Re-evaluates a vehicle's stored track with the same rules the service runs,
 * and prints the episodes, so ops can explain an alert:
 *   npm run alerts:replay -- --plate 鲁A12345 [--color 2] --from 2026-11-21T00:00+08:00 --to 2026-11-21T12:00+08:00 [--json]
 * Reads the positions table (DATABASE_URL, PG_SCHEMA) and the rules' settings
 * (SPEED_ZONES_FILE, FATIGUE_*, …) from the environment, like the service.
 * The replay starts from a fresh state at --from: open episodes begin there.
 */
import { parseArgs } from 'node:util';
import { createPgPool, normalizePlate } from '@safewatch/common';
import { rulesFromConfig } from '../app.js';
import { loadConfig } from '../config.js';
import { toAlertRecord, toClockRecord } from '../domain/alert-record.js';
import type { Fix } from '../domain/types.js';
import { evaluateVehicle, initialVehicleState } from '../domain/vehicle.evaluator.js';

const { values: args } = parseArgs({
  options: {
    plate: { type: 'string' },
    color: { type: 'string', default: '2' },
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

const fail = (msg: string): never => {
  process.stderr.write(`${msg}\n`);
  process.exit(1);
};
if (!args.plate || !args.from || !args.to)
  fail('usage: alerts:replay --plate 鲁A12345 [--color 2] --from ISO --to ISO [--json]');
const from = Date.parse(args.from as string);
const to = Date.parse(args.to as string);
if (Number.isNaN(from) || Number.isNaN(to) || to <= from)
  fail('--from and --to must be ISO times with --to after --from');

const cfg = loadConfig(process.env);
const rules = rulesFromConfig(cfg);
const pool = createPgPool(
  {
    databaseUrl: cfg.DATABASE_URL,
    schema: cfg.PG_SCHEMA,
    poolSize: 1,
    applicationName: 'safewatch-alerts-replay',
  },
  () => undefined,
);
const plateNumber = normalizePlate(args.plate as string);
const plateColor = Number(args.color);
try {
  const r = await pool.query<{
    t: string;
    lat: number;
    lon: number;
    speed: number;
    heading: number;
    alarm: string;
  }>(
    `SELECT (extract(epoch FROM gnss_time) * 1000)::bigint AS t, lat_e6 / 1e6 AS lat, lon_e6 / 1e6 AS lon,
            speed_dkmh / 10.0 AS speed, heading_deg AS heading, alarm_flags AS alarm
       FROM positions
      WHERE plate_number = $1 AND plate_color = $2
        AND gnss_time >= to_timestamp($3 / 1000.0) AND gnss_time < to_timestamp($4 / 1000.0)
      ORDER BY gnss_time`,
    [plateNumber, plateColor, from, to],
  );
  const fixes: Fix[] = r.rows.map((x) => ({
    t: Number(x.t),
    lat: Number(x.lat),
    lon: Number(x.lon),
    speedKmh: Number(x.speed),
    headingDeg: Number(x.heading),
    alarmFlags: Number(x.alarm),
  }));
  const { events, clock } = evaluateVehicle(initialVehicleState(), fixes, rules.ctx);
  const vehicle = { vehicleKey: `${plateNumber}:${plateColor}`, plateNumber, plateColor };
  const records = events.map((e) => toAlertRecord(vehicle, e, rules.restStopsAhead));
  const clockRecords = clock.map((e) => toClockRecord(vehicle, e));
  if (args.json) {
    process.stdout.write(
      `${JSON.stringify({ vehicle, positions: fixes.length, alerts: records, clock: clockRecords }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(
      `${plateNumber} (colour ${plateColor}): ${fixes.length} positions, ${records.length} alert events\n`,
    );
    for (const a of records) {
      const d = a.detail as Record<string, unknown>;
      const facts =
        a.kind === 'SPEEDING'
          ? `peak ${d.peakSpeedKmh} km/h, limit ${d.limitKmh}${d.zoneId ? ` (zone ${d.zoneId})` : ''}, ${d.durationS} s`
          : `continuous ${Math.round(Number(d.continuousDrivingS) / 60)} min, 24 h total ${Math.round(Number(d.cumulativeDrivingS) / 60)} min`;
      process.stdout.write(
        `${new Date(a.occurredAtMs).toISOString()}  ${a.kind.padEnd(19)} ${a.phase.padEnd(7)} ${a.source.padEnd(21)} ${facts}  [${a.alertId}]\n`,
      );
    }
    process.stdout.write(`${clockRecords.length} driving clock events (X6)\n`);
    for (const { event: e, eventId } of clockRecords) {
      const minutes = (s: number) => Math.round(s / 60);
      process.stdout.write(
        `${new Date(e.atMs).toISOString()}  ${e.kind.padEnd(15)} ${e.state.padEnd(7)} continuous ${minutes(e.continuousDrivingS)} min, today ${minutes(e.todayDrivingS)} min  [${eventId}]\n`,
      );
    }
  }
} finally {
  await pool.end();
}
