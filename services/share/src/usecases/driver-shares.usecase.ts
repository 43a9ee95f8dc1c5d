import { ShareRefusal } from '../domain/errors.js';
import {
  checkNewShare,
  type Duration,
  expiryOf,
  MAX_ACTIVE_SHARES_PER_VEHICLE,
  type NewShareVerdict,
  newShareToken,
  shareStatus,
} from '../domain/share.rules.js';
import type { ShareDeps } from './deps.js';

function refusalOf(verdict: Exclude<NewShareVerdict, { ok: true }>): ShareRefusal {
  if (verdict.code === 'SHARE_OTHER_VEHICLE_ACTIVE')
    return new ShareRefusal(verdict.code, 'You are sharing another vehicle; cancel its shares first.', {
      sharedVehicleId: verdict.sharedVehicleId,
    });
  return new ShareRefusal(
    verdict.code,
    `This vehicle already has ${MAX_ACTIVE_SHARES_PER_VEHICLE} active shares.`,
    { activeShares: verdict.activeShares },
  );
}

/** S1 (bound vehicle, duration), S3 (≤ 3 active per vehicle), S4 (one shared vehicle per driver), in one locked transaction. */
export async function createShare(deps: ShareDeps, driverId: string, vehicleId: string, duration: Duration) {
  const now = deps.now();
  const {
    activeSharesOfVehicle,
    activeVehiclesOfDriver,
    currentBinding,
    insertShare,
    inTransaction,
    lockDriverAndVehicle,
  } = deps.repos.shares;
  return inTransaction(deps.pool, async (client) => {
    await lockDriverAndVehicle(client, driverId, vehicleId);
    const bound = await currentBinding(client, driverId, vehicleId);
    if (!bound) throw new ShareRefusal('NOT_BOUND', 'You can share only a vehicle currently bound to you.');
    const verdict = checkNewShare(
      {
        driverSharedVehicles: await activeVehiclesOfDriver(client, driverId, now),
        vehicleActiveShares: await activeSharesOfVehicle(client, vehicleId, now),
      },
      vehicleId,
    );
    if (!verdict.ok) throw refusalOf(verdict);
    const { token, hash } = newShareToken();
    const row = await insertShare(client, {
      tokenHash: hash,
      driverId,
      vehicleId,
      ...bound,
      duration,
      now,
      expiresAt: expiryOf(now, duration),
    });
    return { share: row, token, link: `${deps.publicBaseUrl}/s/${token}` };
  });
}

export async function listDriverShares(deps: ShareDeps, driverId: string) {
  // Views this instance served are in the list at once; other instances' within their flush period.
  await deps.views?.flush();
  const now = deps.now();
  return (await deps.repos.shares.driverShares(deps.pool, driverId)).map((s) => {
    const status = shareStatus(s, now);
    return {
      shareId: s.shareId,
      vehicleId: s.vehicleId,
      plateNumber: s.plateNumber,
      plateColor: s.plateColor,
      duration: s.duration,
      createdAt: s.createdAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      status: status.active ? 'active' : 'ended',
      endedReason: status.active ? null : status.reason,
      claimed: s.claimedBy !== null,
      views: s.views.map((at) => ({ at: new Date(at).toISOString() })),
    };
  });
}

/** S5: cancel one link of this driver. */
export async function cancelShare(deps: ShareDeps, driverId: string, shareId: string) {
  const ended = await deps.repos.shares.endShares(deps.pool, { driverId, shareId }, 'CANCELLED', deps.now());
  if (ended.length === 0) throw new ShareRefusal('NOT_FOUND', 'No active share with this id among yours.');
  deps.sharesEnded(ended.map((s) => ({ shareId: s.shareId, reason: 'CANCELLED' })));
  return ended[0];
}

/** S5: cancel all of this driver's links of a vehicle. */
export async function cancelVehicleShares(deps: ShareDeps, driverId: string, vehicleId: string) {
  const ended = await deps.repos.shares.endShares(
    deps.pool,
    { driverId, vehicleId },
    'CANCELLED',
    deps.now(),
  );
  deps.sharesEnded(ended.map((s) => ({ shareId: s.shareId, reason: 'CANCELLED' })));
  return ended.length;
}
