import type { Pool } from '@safewatch/common';
import type { AcceptedPosition } from '../domain/position.js';

// One round trip per chunk: column arrays unnested into rows (no parameter
// limit, about twice as fast as multi-row VALUES); the primary key makes
// redelivered positions a no-op. COPY (binary or text) into a temporary
// staging table, then the same INSERT … ON CONFLICT from it in one
// transaction, stored new rows only ~1.1× as fast and used 15-18 % less server
// CPU per row: not enough to trade one statement for four (`npm run
// bench:insert`, BENCHMARKS.md). Plain COPY cannot skip a stored row.
const insertSql = (table: string) => `
WITH ins AS (
  INSERT INTO ${table} (plate_number, plate_color, gnss_time, lat_e6, lon_e6, speed_dkmh, heading_deg,
                         altitude_m, alarm_flags, status_flags, odometer_hm, platform_id)
  SELECT p, c, timestamptz 'epoch' + t * interval '1 millisecond', la, lo, s, h, a, af, sf, o, pl
  FROM unnest($1::text[], $2::int2[], $3::int8[], $4::int4[], $5::int4[], $6::int4[], $7::int2[],
              $8::int4[], $9::int8[], $10::int8[], $11::int8[], $12::text[])
       AS u(p, c, t, la, lo, s, h, a, af, sf, o, pl)
  ON CONFLICT (plate_number, plate_color, gnss_time) DO NOTHING
  RETURNING 1
)
SELECT count(*)::int AS inserted FROM ins`;

/**
 * Column arrays as Postgres array literals, built here rather than by the
 * driver's generic per-element serialisation (the hot spot of a 10k-row
 * insert). Plates are validated to letters, digits and Han characters;
 * platform ids are quoted and escaped.
 */
export function positionColumns(positions: AcceptedPosition[]): string[] {
  const n = positions.length;
  const plates = new Array<string>(n);
  const colors = new Array<number>(n);
  const times = new Array<number>(n);
  const lats = new Array<number>(n);
  const lons = new Array<number>(n);
  const speeds = new Array<number>(n);
  const headings = new Array<number>(n);
  const altitudes = new Array<number>(n);
  const alarms = new Array<number>(n);
  const statuses = new Array<number>(n);
  const odometers = new Array<number>(n);
  const platforms = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const p = positions[i] as AcceptedPosition;
    plates[i] = `"${p.plateNumber}"`;
    colors[i] = p.plateColor;
    times[i] = p.gnssTimeMs;
    lats[i] = p.latE6;
    lons[i] = p.lonE6;
    speeds[i] = p.speedDkmh;
    headings[i] = p.headingDeg;
    altitudes[i] = p.altitudeM;
    alarms[i] = p.alarmFlags;
    statuses[i] = p.statusFlags;
    odometers[i] = p.odometerHm;
    platforms[i] = quote(p.platformId);
  }
  return [
    plates,
    colors,
    times,
    lats,
    lons,
    speeds,
    headings,
    altitudes,
    alarms,
    statuses,
    odometers,
    platforms,
  ].map((col) => `{${col.join(',')}}`);
}

const lastQuoted = { raw: '', quoted: '""' };
function quote(s: string): string {
  // Consecutive rows nearly always share a platform: reuse the last result.
  if (s !== lastQuoted.raw) {
    lastQuoted.raw = s;
    lastQuoted.quoted = `"${s.replace(/["\\]/g, '\\$&')}"`;
  }
  return lastQuoted.quoted;
}

export class PositionsRepo {
  private readonly insertStatement: { name: string; text: string };

  /** `table` is only ever a constant: the benchmark writes the same rows to a copy of the table. */
  constructor(
    private readonly pool: Pool,
    table = 'positions',
  ) {
    this.insertStatement = { name: `ingest_insert_${table}`, text: insertSql(table) };
  }

  /** Returns how many positions were new. */
  async insert(positions: AcceptedPosition[]): Promise<number> {
    const r = await this.pool.query<{ inserted: number }>({
      ...this.insertStatement,
      values: positionColumns(positions),
    });
    return r.rows[0]?.inserted ?? 0;
  }

  /** Fails with a clear message when migrations have not been applied. */
  async assertSchema(): Promise<void> {
    const r = await this.pool.query("SELECT to_regclass('positions') IS NOT NULL AS ok");
    if (!r.rows[0]?.ok) throw new Error('table "positions" is missing: run `npm run migrate` first');
  }

  /** 'timescaledb' when positions is a hypertable, else 'plain'. */
  async storageMode(): Promise<'timescaledb' | 'plain'> {
    const ext = await this.pool.query("SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'");
    if ((ext.rowCount ?? 0) === 0) return 'plain';
    const h = await this.pool.query(
      `SELECT 1 FROM timescaledb_information.hypertables
        WHERE hypertable_name = 'positions' AND hypertable_schema = current_schema()`,
    );
    return (h.rowCount ?? 0) > 0 ? 'timescaledb' : 'plain';
  }
}
