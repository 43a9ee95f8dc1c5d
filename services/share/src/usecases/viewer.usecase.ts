import type { ShareRow } from '../adapters/shares.repo.js';
import { ShareRefusal } from '../domain/errors.js';
import {
  type ClaimVerdict,
  claimVerdict,
  ENDED_MESSAGE,
  hashShareToken,
  SHARE_TOKEN,
  shareStatus,
} from '../domain/share.rules.js';
import type { SharedVehicle } from '../domain/view.schema.js';
import type { ShareDeps } from './deps.js';

function lookup(deps: ShareDeps, hash: Buffer, fresh: boolean): Promise<ShareRow | undefined> {
  return deps.readModel
    ? deps.readModel.share(hash, fresh)
    : deps.repos.shares.shareByTokenHash(deps.pool, hash);
}

/** The share behind a link, if it can still be viewed; refusals distinguish unknown, ended and claimed by another (S6). */
async function openShare(deps: ShareDeps, token: string, fresh = false): Promise<ShareRow> {
  const share = SHARE_TOKEN.test(token) ? await lookup(deps, hashShareToken(token), fresh) : undefined;
  if (!share) throw new ShareRefusal('NOT_FOUND', 'No such share link.');
  const status = shareStatus(share, deps.now());
  if (!status.active) throw new ShareRefusal('SHARE_ENDED', ENDED_MESSAGE, { reason: status.reason });
  return share;
}

const CLAIMED_BY_ANOTHER = 'This share link was opened by someone else.';
const OWN_LINK = 'This is your own share link: send it to the person who should see the vehicle.';

/**
 * S2: the first viewer to open the link owns it; the owner may open it again,
 * everyone else is refused. S12: a viewer is a family member or a driver, but
 * never the driver who shared the link.
 */
export async function claimShare(deps: ShareDeps, token: string, viewerId: string): Promise<ShareRow> {
  // Read from Postgres: the claim decides ownership and must not act on a row cached elsewhere.
  const share = await openShare(deps, token, true);
  const verdict = claimVerdict(share, viewerId);
  if (verdict === 'SHARE_OWN_LINK') throw new ShareRefusal(verdict, OWN_LINK);
  if (verdict === 'SHARE_CLAIMED') throw new ShareRefusal(verdict, CLAIMED_BY_ANOTHER);
  const owner =
    verdict === 'HELD'
      ? viewerId
      : await deps.repos.shares.claim(deps.pool, share.shareId, viewerId, deps.now());
  if (owner !== viewerId) throw new ShareRefusal('SHARE_CLAIMED', CLAIMED_BY_ANOTHER);
  deps.readModel?.invalidateShare(hashShareToken(token).toString('hex'));
  return share.claimedBy === owner ? share : { ...share, claimedBy: owner };
}

/** Why a viewer who does not hold the link may not view it. */
function notHeld(verdict: Exclude<ClaimVerdict, 'HELD'>): ShareRefusal {
  if (verdict === 'SHARE_OWN_LINK') return new ShareRefusal(verdict, OWN_LINK);
  if (verdict === 'CLAIM') return new ShareRefusal('NOT_FOUND', 'Open (claim) the share link first.');
  return new ShareRefusal(verdict, CLAIMED_BY_ANOTHER);
}

/** The claimer's access to a share (view and stream); records the view when asked. */
export async function viewerShare(
  deps: ShareDeps,
  token: string,
  viewerId: string,
  record: boolean,
): Promise<ShareRow> {
  let share = await openShare(deps, token);
  // Only the viewer holding the link sees it (the view's path from memory asks the same).
  let verdict = claimVerdict(share, viewerId);
  // A refusal on a row from memory is confirmed against Postgres: the claim may
  // have just been made through another instance.
  if (verdict !== 'HELD' && deps.readModel) {
    share = await openShare(deps, token, true);
    verdict = claimVerdict(share, viewerId);
  }
  if (verdict !== 'HELD') throw notHeld(verdict);
  if (record) {
    if (deps.views) deps.views.record(share.shareId, viewerId, deps.now());
    else await deps.repos.shares.recordView(deps.pool, share.shareId, viewerId, deps.now());
  }
  return share;
}

/** S9 and S12: the vehicles shared with this viewer (a family member or a driver). */
export async function sharedWithMe(deps: ShareDeps, viewerId: string): Promise<SharedVehicle[]> {
  const now = deps.now();
  return (await deps.repos.shares.claimedShares(deps.pool, viewerId)).map((s) => ({
    shareId: s.shareId,
    plateNumber: s.plateNumber,
    plateColor: s.plateColor,
    expiresAt: s.expiresAt.toISOString(),
    status: shareStatus(s, now).active ? 'active' : 'ended',
  }));
}
