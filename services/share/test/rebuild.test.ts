import { randomUUID } from 'node:crypto';
import { getInfra } from '@safewatch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildBindings } from '../src/usecases/rebuild-bindings.usecase.js';
import { bearer, type ShareEnv, startShare } from './helpers.js';

let e: ShareEnv;
const [V1, V2, V3] = [randomUUID(), randomUUID(), randomUUID()];
beforeAll(async () => {
  e = await startShare('share-rebuild', getInfra());
  await e.bind([
    ['driver-r1', V1, '鲁A70001'],
    ['driver-r2', V2, '鲁A70002'],
  ]);
});
afterAll(async () => e?.close());

describe("S1: the current-bindings view can be rebuilt from the bindings service's data", () => {
  it('replaces the view; a share whose binding is gone ends as unbound (S8)', async () => {
    const created = await e.app.server.inject({
      method: 'POST',
      url: '/v1/drivers/me/shares',
      headers: bearer(e.token({ sub: 'driver-r1', role: 'driver' })),
      payload: { vehicleId: V1, duration: '3d' },
    });
    expect(created.statusCode).toBe(201);
    const result = await rebuildBindings(e.app.deps, [
      { driverId: 'driver-r2', vehicleId: V2, plateNumber: '鲁A70002', plateColor: 2, boundAt: new Date() },
      { driverId: 'driver-r3', vehicleId: V3, plateNumber: '鲁A70003', plateColor: 2, boundAt: new Date() },
    ]);
    expect(result).toEqual({ bindings: 2, removed: 1, sharesEnded: 1 });
    const rows = await e.app.deps.pool.query('SELECT driver_id FROM current_bindings ORDER BY driver_id');
    expect(rows.rows.map((r) => r.driver_id)).toEqual(['driver-r2', 'driver-r3']);
    const share = await e.app.deps.pool.query('SELECT ended_reason FROM shares WHERE share_id = $1', [
      created.json().shareId,
    ]);
    expect(share.rows[0].ended_reason).toBe('UNBOUND');
  });
});
