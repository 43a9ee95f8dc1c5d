import type { PoolClient } from '@safewatch/common';
import type { Db } from './bindings.repo.js';

export interface DelegationRow {
  delegationId: string;
  driverId: string;
  plateNumber: string;
  plateColor: number;
  createdAt: Date;
  expiresAt: Date;
  completedAt: Date | null;
}

const COLUMNS = `delegation_id AS "delegationId", driver_id AS "driverId", plate_number AS "plateNumber",
  plate_color AS "plateColor", created_at AS "createdAt", expires_at AS "expiresAt", completed_at AS "completedAt"`;

export async function insertDelegation(
  db: Db,
  d: {
    tokenHash: Buffer;
    driverId: string;
    plateNumber: string;
    plateColor: number;
    now: Date;
    expiresAt: Date;
  },
): Promise<DelegationRow> {
  const r = await db.query(
    `INSERT INTO delegations (token_hash, driver_id, plate_number, plate_color, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
    [d.tokenHash, d.driverId, d.plateNumber, d.plateColor, d.now, d.expiresAt],
  );
  return r.rows[0];
}

/** `forUpdate` locks the row so that a delegation is completed at most once. */
export async function delegationByTokenHash(
  db: Db,
  tokenHash: Buffer,
  forUpdate = false,
): Promise<DelegationRow | undefined> {
  const r = await db.query(
    `SELECT ${COLUMNS} FROM delegations WHERE token_hash = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [tokenHash],
  );
  return r.rows[0];
}

export async function completeDelegation(
  client: PoolClient,
  d: { delegationId: string; familyId: string; bindingId: string; now: Date },
): Promise<void> {
  await client.query(
    'UPDATE delegations SET completed_at = $2, completed_by = $3, binding_id = $4 WHERE delegation_id = $1',
    [d.delegationId, d.now, d.familyId, d.bindingId],
  );
}
