/**
 * S6/S7: the claimer's view of a share, as sent (body and ETag). One read
 * path: a poll whose share row and vehicle are in memory (the usual case)
 * is answered synchronously, without a promise; anything else (a load, a
 * refusal) continues asynchronously from the same function.
 */
import type { ShareRow } from '../adapters/shares.repo.js';
import { claimVerdict, shareStatus } from '../domain/share.rules.js';
import type { ShareDeps } from './deps.js';
import { shareViewAnswer, type VehicleView, type ViewAnswer, vehicleViews } from './view.builder.js';
import { viewerShare } from './viewer.usecase.js';

const vehicleKeyOf = (s: ShareRow) => `${s.plateNumber}:${s.plateColor}`;

/**
 * The claimer's share from memory alone: the share when the read model holds
 * it and the rules `viewerShare` applies accept it (S2/S12: `viewerId` holds
 * the link; S6: it is active), the view recorded as `viewerShare` does;
 * undefined in every other case, which `viewerShare` then decides (loads,
 * refusals).
 */
function shareInMemory(deps: ShareDeps, tokenHash: Buffer, viewerId: string): ShareRow | undefined {
  if (!deps.views) return undefined;
  const share = deps.readModel?.peekShare(tokenHash);
  if (!share || claimVerdict(share, viewerId) !== 'HELD') return undefined;
  const now = deps.now();
  if (!shareStatus(share, now).active) return undefined;
  deps.views.record(share.shareId, viewerId, now);
  return share;
}

/** One vehicle's part of the view if all of it is in memory (no I/O); undefined: load it. */
function vehicleInMemory(deps: ShareDeps, vehicleKey: string): VehicleView | undefined {
  if (!deps.positions?.active) return undefined;
  const position = deps.positions.peek(vehicleKey);
  if (position === undefined) return undefined;
  const extras = deps.readModel?.peekVehicleExtras(vehicleKey);
  if (!extras) return undefined;
  return { position: position ?? undefined, ...extras };
}

/** The view of the share behind `token` (its hash given) for its claimer; refusals as `viewerShare`'s. */
export function readView(
  deps: ShareDeps,
  token: string,
  tokenHash: Buffer,
  viewerId: string,
): ViewAnswer | Promise<ViewAnswer> {
  const share = shareInMemory(deps, tokenHash, viewerId);
  const vehicle = share && vehicleInMemory(deps, vehicleKeyOf(share));
  if (share && vehicle) return shareViewAnswer(share, vehicle, deps.now());
  return (async () => {
    const s = share ?? (await viewerShare(deps, token, viewerId, true));
    const key = vehicleKeyOf(s);
    return shareViewAnswer(s, (await vehicleViews(deps, [key])).get(key), deps.now());
  })();
}
