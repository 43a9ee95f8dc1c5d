import type { Pool, PoolClient } from '@safewatch/common';
import type { Duration } from '../domain/share.rules.js';

export type Db = Pool | PoolClient;

export interface ShareRow {
  shareId: string;
  driverId: string;
  vehicleId: string;
  plateNumber: string;
  plateColor: number;
  duration: Duration;
  createdAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  endedReason: 'CANCELLED' | 'UNBOUND' | 'EXPIRED' | null;
  claimedBy: string | null;
}

const COLUMNS = `share_id AS "shareId", driver_id AS "driverId", vehicle_id AS "vehicleId", plate_number AS "plateNumber",
  plate_color AS "plateColor", duration, created_at AS "createdAt", expires_at AS "expiresAt", ended_at AS "endedAt",
  ended_reason AS "endedReason", claimed_by AS "claimedBy"`;

export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const r = await fn(client);
    await client.query('COMMIT');
    return r;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** S3/S4 under concurrency: a driver's, then a vehicle's share changes are serialised (always in this order). */
export async function lockDriverAndVehicle(
  client: PoolClient,
  driverId: string,
  vehicleId: string,
): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 11))', [`share:driver:${driverId}`]);
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 11))', [
    `share:vehicle:${vehicleId}`,
  ]);
}

export async function currentBinding(db: Db, driverId: string, vehicleId: string) {
  const r = await db.query<{ plateNumber: string; plateColor: number }>(
    'SELECT plate_number AS "plateNumber", plate_color AS "plateColor" FROM current_bindings WHERE driver_id = $1 AND vehicle_id = $2',
    [driverId, vehicleId],
  );
  return r.rows[0];
}

export async function activeSharesOfVehicle(db: Db, vehicleId: string, now: Date): Promise<number> {
  const r = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM shares WHERE vehicle_id = $1 AND ended_at IS NULL AND expires_at > $2',
    [vehicleId, now],
  );
  return r.rows[0]?.n ?? 0;
}

export async function activeVehiclesOfDriver(db: Db, driverId: string, now: Date): Promise<string[]> {
  const r = await db.query<{ vehicleId: string }>(
    'SELECT DISTINCT vehicle_id AS "vehicleId" FROM shares WHERE driver_id = $1 AND ended_at IS NULL AND expires_at > $2',
    [driverId, now],
  );
  return r.rows.map((x) => x.vehicleId);
}

export async function insertShare(
  client: PoolClient,
  s: {
    tokenHash: Buffer;
    driverId: string;
    vehicleId: string;
    plateNumber: string;
    plateColor: number;
    duration: Duration;
    now: Date;
    expiresAt: Date;
  },
): Promise<ShareRow> {
  const r = await client.query(
    `INSERT INTO shares (token_hash, driver_id, vehicle_id, plate_number, plate_color, duration, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
    [s.tokenHash, s.driverId, s.vehicleId, s.plateNumber, s.plateColor, s.duration, s.now, s.expiresAt],
  );
  return r.rows[0];
}

export async function shareByTokenHash(db: Db, hash: Buffer): Promise<ShareRow | undefined> {
  const r = await db.query(`SELECT ${COLUMNS} FROM shares WHERE token_hash = $1`, [hash]);
  return r.rows[0];
}

export async function shareById(db: Db, shareId: string): Promise<ShareRow | undefined> {
  const r = await db.query(`SELECT ${COLUMNS} FROM shares WHERE share_id = $1`, [shareId]);
  return r.rows[0];
}

/** S2: the first viewer claims; atomic, so of concurrent claims exactly one wins. Returns the owner after the attempt. */
export async function claim(db: Db, shareId: string, viewerId: string, now: Date): Promise<string | null> {
  const won = await db.query(
    'UPDATE shares SET claimed_by = $2, claimed_at = $3 WHERE share_id = $1 AND claimed_by IS NULL',
    [shareId, viewerId, now],
  );
  if ((won.rowCount ?? 0) === 1) return viewerId;
  const r = await db.query<{ claimedBy: string | null }>(
    'SELECT claimed_by AS "claimedBy" FROM shares WHERE share_id = $1',
    [shareId],
  );
  return r.rows[0]?.claimedBy ?? null;
}

/** Ends active shares matching the condition; returns those ended. */
export async function endShares(
  db: Db,
  where: { shareId?: string; driverId: string; vehicleId?: string },
  reason: 'CANCELLED' | 'UNBOUND',
  now: Date,
): Promise<ShareRow[]> {
  const r = await db.query(
    `UPDATE shares SET ended_at = $4, ended_reason = $5
      WHERE driver_id = $1 AND ($2::uuid IS NULL OR share_id = $2) AND ($3::uuid IS NULL OR vehicle_id = $3)
        AND ended_at IS NULL AND expires_at > $4
      RETURNING ${COLUMNS}`,
    [where.driverId, where.shareId ?? null, where.vehicleId ?? null, now, reason],
  );
  return r.rows;
}

/** Marks shares past their expiry as ended (they were already refused from the instant of expiry). */
export async function expireDue(db: Db, now: Date): Promise<ShareRow[]> {
  const r = await db.query(
    `UPDATE shares SET ended_at = expires_at, ended_reason = 'EXPIRED' WHERE ended_at IS NULL AND expires_at <= $1 RETURNING ${COLUMNS}`,
    [now],
  );
  return r.rows;
}

export async function driverShares(db: Db, driverId: string) {
  const r = await db.query(
    `SELECT ${COLUMNS}, coalesce((SELECT json_agg(v.viewed_at ORDER BY v.viewed_at DESC)
                                  FROM (SELECT viewed_at FROM share_views WHERE share_id = s.share_id ORDER BY viewed_at DESC LIMIT 50) v), '[]') AS views
       FROM shares s WHERE driver_id = $1 ORDER BY created_at DESC LIMIT 100`,
    [driverId],
  );
  return r.rows as (ShareRow & { views: string[] })[];
}

export async function claimedShares(db: Db, viewerId: string): Promise<ShareRow[]> {
  const r = await db.query(
    `SELECT ${COLUMNS} FROM shares WHERE claimed_by = $1 ORDER BY created_at DESC LIMIT 100`,
    [viewerId],
  );
  return r.rows;
}

export async function recordView(db: Db, shareId: string, viewerId: string, now: Date): Promise<void> {
  await db.query('INSERT INTO share_views (share_id, viewer_id, viewed_at) VALUES ($1, $2, $3)', [
    shareId,
    viewerId,
    now,
  ]);
}

/** Active (not ended) shares of many vehicles ("<plate>:<colour>" keys) in one query: one per stream tick. */
export async function activeSharesOfVehicleKeys(db: Db, vehicleKeys: string[]): Promise<ShareRow[]> {
  if (vehicleKeys.length === 0) return [];
  const plates = vehicleKeys.map((k) => k.slice(0, k.lastIndexOf(':')));
  const colors = vehicleKeys.map((k) => Number(k.slice(k.lastIndexOf(':') + 1)));
  const r = await db.query(
    `SELECT ${COLUMNS} FROM shares s JOIN unnest($1::text[], $2::int2[]) AS v(p, c)
        ON s.plate_number = v.p AND s.plate_color = v.c
      WHERE s.ended_at IS NULL`,
    [plates, colors],
  );
  return r.rows;
}
