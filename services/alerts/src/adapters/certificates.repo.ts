import type { Pool } from '@safewatch/common';
import type { CertificateKind } from '../domain/certificate.rule.js';

export interface CertificateRow {
  plateNumber: string;
  plateColor: number;
  driverId: string;
  kind: CertificateKind;
  expiresOn: string | null;
}

export type CertificateChange =
  | { op: 'upsert'; row: CertificateRow }
  | { op: 'delete'; plateNumber: string; plateColor: number; driverId: string; kind: CertificateKind };

const COLUMNS = `plate_number AS "plateNumber", plate_color AS "plateColor", driver_id AS "driverId", kind,
  to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn"`;

/** The certificate dates that concern each vehicle's viewers (A3), kept from the bindings events. */
export class CertificatesRepo {
  constructor(private readonly pool: Pool) {}

  /** Applies changes in order, in one transaction. */
  async apply(changes: CertificateChange[]): Promise<void> {
    if (changes.length === 0) return;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (const c of changes) {
        if (c.op === 'upsert') {
          await client.query(
            `INSERT INTO certificates (plate_number, plate_color, driver_id, kind, expires_on) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (plate_number, plate_color, driver_id, kind) DO UPDATE SET expires_on = EXCLUDED.expires_on, updated_at = now()`,
            [c.row.plateNumber, c.row.plateColor, c.row.driverId, c.row.kind, c.row.expiresOn],
          );
        } else {
          await client.query(
            'DELETE FROM certificates WHERE plate_number = $1 AND plate_color = $2 AND driver_id = $3 AND kind = $4',
            [c.plateNumber, c.plateColor, c.driverId, c.kind],
          );
        }
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async forVehicles(vehicles: { plateNumber: string; plateColor: number }[]): Promise<CertificateRow[]> {
    if (vehicles.length === 0) return [];
    const r = await this.pool.query(
      `SELECT ${COLUMNS} FROM certificates c
         JOIN unnest($1::text[], $2::int2[]) AS v(p, col) ON c.plate_number = v.p AND c.plate_color = v.col`,
      [vehicles.map((v) => v.plateNumber), vehicles.map((v) => v.plateColor)],
    );
    return r.rows;
  }

  /** Certificates that expire by `horizon` (YYYY-MM-DD): the only ones a reminder can concern. */
  async expiringBy(horizon: string): Promise<CertificateRow[]> {
    const r = await this.pool.query(`SELECT ${COLUMNS} FROM certificates WHERE expires_on <= $1::date`, [
      horizon,
    ]);
    return r.rows;
  }
}
