/**
 * Re-evaluates a vehicle's stored track with the same rules the service runs,
 * and prints the episodes, so ops can explain an alert:
 *   npm run alerts:replay -- --plate 鲁A12345 [--color 2] --from 2026-11-21T00:00+08:00 --to 2026-11-21T12:00+08:00 [--json]
 * Reads the positions table (DATABASE_URL, PG_SCHEMA) and the rules' settings
 * (SPEED_ZONES_FILE, FATIGUE_*, …) from the environment, like the service.
 * The replay starts from a fresh state at --from: open episodes begin there.
 * The track is read and evaluated a page at a time, in GNSS time order.
 */
import { createPgPool, ENV_HELP, normalizePlate, Progress, parseCliArgs } from '@safewatch/common';
import { rulesFromConfig } from '../app.js';
import { loadConfig } from '../config.js';
import { toAlertRecord, toClockRecord } from '../domain/alert-record.js';
import type { Fix } from '../domain/types.js';
import { evaluateVehicle, initialVehicleState } from '../domain/vehicle.evaluator.js';

const { values: args } = parseCliArgs({
  name: 'alerts:replay',
  usage: 'npm run alerts:replay -- --plate PLATE --from ISO --to ISO [options]',
  summary: `Re-evaluates a vehicle's stored track with the rules the alerts service runs and prints the
alert episodes and driving clock events, to explain an alert. Starts from a fresh state at --from
(an episode open then begins there).`,
  options: {
    plate: {
      type: 'string',
      required: true,
      placeholder: 'PLATE',
      description: 'plate number, e.g. 鲁A12345',
    },
    color: {
      type: 'number',
      integer: true,
      min: 0,
      default: 2,
      placeholder: 'N',
      description: 'plate colour code (JT/T 808: 1 blue, 2 yellow, …)',
    },
    from: {
      type: 'string',
      required: true,
      placeholder: 'ISO',
      description: 'start of the track, e.g. 2026-11-21T00:00+08:00',
    },
    to: { type: 'string', required: true, placeholder: 'ISO', description: 'end of the track (excluded)' },
    json: {
      type: 'boolean',
      description: 'print JSON: the vehicle, positions read, alerts and clock events',
    },
    progress: {
      type: 'boolean',
      description: 'print positions/s and the ETA to stderr also when it is not a terminal',
    },
    'page-size': {
      type: 'number',
      integer: true,
      min: 1,
      default: 10_000,
      placeholder: 'N',
      description: 'positions read and evaluated at a time',
    },
  },
  env: {
    DATABASE_URL: ENV_HELP.DATABASE_URL,
    PG_SCHEMA: ENV_HELP.PG_SCHEMA,
    'SPEED_ZONES_FILE, REST_STOPS_FILE, FATIGUE_*': "the rules' settings, as for the alerts service",
  },
});

const from = Date.parse(args.from);
const to = Date.parse(args.to);
if (Number.isNaN(from) || Number.isNaN(to) || to <= from) {
  process.stderr.write('alerts:replay: --from and --to must be ISO times with --to after --from\n');
  process.exit(2);
}

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
const plateNumber = normalizePlate(args.plate);
const plateColor = args.color;
const range = `plate_number = $1 AND plate_color = $2 AND gnss_time < to_timestamp($4 / 1000.0)`;
try {
  const total = Number(
    (
      await pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM positions WHERE ${range} AND gnss_time >= to_timestamp($3 / 1000.0)`,
        [plateNumber, plateColor, from, to],
      )
    ).rows[0]?.n ?? 0,
  );
  const progress = new Progress({
    label: `${plateNumber} (colour ${plateColor})`,
    total,
    unit: 'positions',
    force: args.progress,
  });
  let state = initialVehicleState();
  const events: ReturnType<typeof evaluateVehicle>['events'] = [];
  const clock: ReturnType<typeof evaluateVehicle>['clock'] = [];
  let positions = 0;
  // Keyset pages: from --from inclusive, then after the last fix read.
  for (let after: number | undefined; ; ) {
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
        WHERE ${range} AND gnss_time ${after === undefined ? '>=' : '>'} to_timestamp($3 / 1000.0)
        ORDER BY gnss_time
        LIMIT ${args['page-size']}`,
      [plateNumber, plateColor, after ?? from, to],
    );
    const fixes: Fix[] = r.rows.map((x) => ({
      t: Number(x.t),
      lat: Number(x.lat),
      lon: Number(x.lon),
      speedKmh: Number(x.speed),
      headingDeg: Number(x.heading),
      alarmFlags: Number(x.alarm),
    }));
    const step = evaluateVehicle(state, fixes, rules.ctx);
    state = step.state;
    events.push(...step.events);
    clock.push(...step.clock);
    positions += fixes.length;
    progress.update(positions);
    if (fixes.length < args['page-size']) break;
    after = (fixes[fixes.length - 1] as Fix).t;
  }
  progress.finish(false);
  const vehicle = { vehicleKey: `${plateNumber}:${plateColor}`, plateNumber, plateColor };
  const records = events.map((e) => toAlertRecord(vehicle, e, rules.restStopsAhead));
  const clockRecords = clock.map((e) => toClockRecord(vehicle, e));
  if (args.json) {
    process.stdout.write(
      `${JSON.stringify({ vehicle, positions, alerts: records, clock: clockRecords }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(
      `${plateNumber} (colour ${plateColor}): ${positions} positions, ${records.length} alert events\n`,
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
