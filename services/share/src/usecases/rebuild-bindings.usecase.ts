import { historyFromIncoming } from '../adapters/binding-history.repo.js';
import { endShares, inTransaction } from '../adapters/shares.repo.js';
import type { ShareDeps } from './deps.js';

export interface CurrentBinding {
  driverId: string;
  vehicleId: string;
  plateNumber: string;
  plateColor: number;
  boundAt: Date;
}

/**
 * Replaces the current-bindings view (normally kept from bindings.events)
 * with the bindings service's own list, e.g. after the topic's retention or a
 * new deployment; shares whose binding is gone end as unbound (S8). The
 * binding history (X4) follows: a binding gone ends now, a new one begins.
 */
export async function rebuildBindings(deps: ShareDeps, current: CurrentBinding[]) {
  const now = deps.now();
  const { removed, ended } = await inTransaction(deps.pool, async (client) => {
    await client.query('CREATE TEMP TABLE incoming (LIKE current_bindings) ON COMMIT DROP');
    await client.query(
      `INSERT INTO incoming SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::int2[], $5::timestamptz[])`,
      [
        current.map((b) => b.driverId),
        current.map((b) => b.vehicleId),
        current.map((b) => b.plateNumber),
        current.map((b) => b.plateColor),
        current.map((b) => b.boundAt),
      ],
    );
    const gone = await client.query<{ driver_id: string; vehicle_id: string }>(
      `DELETE FROM current_bindings c WHERE NOT EXISTS
         (SELECT 1 FROM incoming i WHERE i.driver_id = c.driver_id AND i.vehicle_id = c.vehicle_id)
       RETURNING driver_id, vehicle_id`,
    );
    await client.query(
      `INSERT INTO current_bindings SELECT * FROM incoming
       ON CONFLICT (driver_id, vehicle_id) DO UPDATE SET plate_number = EXCLUDED.plate_number,
         plate_color = EXCLUDED.plate_color, bound_at = EXCLUDED.bound_at`,
    );
    await historyFromIncoming(client, now);
    const endedShares = [];
    for (const g of gone.rows) {
      endedShares.push(
        ...(await endShares(client, { driverId: g.driver_id, vehicleId: g.vehicle_id }, 'UNBOUND', now)),
      );
    }
    return { removed: gone.rowCount ?? 0, ended: endedShares };
  });
  deps.sharesEnded(ended.map((s) => ({ shareId: s.shareId, reason: 'UNBOUND' })));
  return { bindings: current.length, removed, sharesEnded: ended.length };
}
