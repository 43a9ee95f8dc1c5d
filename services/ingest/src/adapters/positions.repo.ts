import type { Pool } from '@safewatch/common';
import type { AcceptedPosition } from '../domain/position.js';

// One round trip per chunk: column arrays unnested into rows (no parameter
// limit, about twice as fast as multi-row VALUES); the primary key makes
// redelivered positions a no-op.
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

export function positionColumns(positions: AcceptedPosition[]): unknown[] {
  const n = positions.length;
  const cols = Array.from({ length: 12 }, () => new Array<unknown>(n));
  for (let i = 0; i < n; i++) {
    const p = positions[i] as AcceptedPosition;
    (cols[0] as unknown[])[i] = p.plateNumber;
    (cols[1] as unknown[])[i] = p.plateColor;
    (cols[2] as unknown[])[i] = p.gnssTimeMs;
    (cols[3] as unknown[])[i] = p.latE6;
    (cols[4] as unknown[])[i] = p.lonE6;
    (cols[5] as unknown[])[i] = p.speedDkmh;
    (cols[6] as unknown[])[i] = p.headingDeg;
    (cols[7] as unknown[])[i] = p.altitudeM;
    (cols[8] as unknown[])[i] = p.alarmFlags;
    (cols[9] as unknown[])[i] = p.statusFlags;
    (cols[10] as unknown[])[i] = p.odometerHm;
    (cols[11] as unknown[])[i] = p.platformId;
  }
  return cols;
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
