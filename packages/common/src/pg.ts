import pg from 'pg';

export type { Pool, PoolClient } from 'pg';

export interface PgConfig {
  databaseUrl: string;
  schema: string;
  poolSize: number;
  applicationName: string;
}

/** A pool whose sessions use the service's schema only; client errors are reported, never thrown. */
export function createPgPool(cfg: PgConfig, onError: (err: Error) => void): pg.Pool {
  const pool = new pg.Pool({
    connectionString: cfg.databaseUrl,
    max: cfg.poolSize,
    application_name: cfg.applicationName,
    // Only the service's schema: with a fallback to public, a service pointed
    // at an unmigrated schema would quietly use another deployment's tables.
    // (Extension functions are called schema-qualified.)
    options: `-c search_path=${cfg.schema}`,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', onError);
  // The pool listens for errors of idle clients only. A client checked out with
  // pool.connect() (a transaction) whose server goes away emits 'error' with no
  // listener, which ends the process; its query fails anyway and is retried,
  // so the event only has to be heard.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** Whether the TimescaleDB extension is installed in the database the pool points at. */
export async function timescaleEnabled(pool: pg.Pool): Promise<boolean> {
  const r = await pool.query("SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'");
  return (r.rowCount ?? 0) > 0;
}
