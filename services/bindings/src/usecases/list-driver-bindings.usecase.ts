import { type LastPosition, readLastPositions, vehicleKey } from '@safewatch/common';
import { type BindingRow, currentBindings, historyBindings } from '../adapters/bindings.repo.js';
import type { BindingsDeps } from './deps.js';

export interface DriverBindingView extends BindingRow {
  lastPosition: LastPosition | null;
}

/** The driver's current bindings with each vehicle's last position, or the history. */
export async function listDriverBindings(
  deps: BindingsDeps,
  driverId: string,
  list: 'current' | 'history',
): Promise<DriverBindingView[]> {
  if (list === 'history')
    return (await historyBindings(deps.pool, driverId)).map((b) => ({ ...b, lastPosition: null }));
  const rows = await currentBindings(deps.pool, driverId);
  const keys = rows.map((b) => vehicleKey(b.plateNumber, b.plateColor));
  // The list still answers when Redis is down, without positions.
  const positions = await readLastPositions(deps.redis, deps.redisPrefix, keys).catch(() => new Map());
  return rows.map((b, i) => ({ ...b, lastPosition: positions.get(keys[i] as string) ?? null }));
}
