import {
  claim,
  claimedShares,
  recordView,
  type ShareRow,
  shareByTokenHash,
} from '../adapters/shares.repo.js';
import { ShareRefusal } from '../domain/errors.js';
import { ENDED_MESSAGE, hashShareToken, SHARE_TOKEN, shareStatus } from '../domain/share.rules.js';
import type { ShareDeps } from './deps.js';

/** The share behind a link, if it can still be viewed; refusals distinguish unknown, ended and claimed by another (S6). */
async function openShare(deps: ShareDeps, token: string): Promise<ShareRow> {
  const share = SHARE_TOKEN.test(token)
    ? await shareByTokenHash(deps.pool, hashShareToken(token))
    : undefined;
  if (!share) throw new ShareRefusal('NOT_FOUND', 'No such share link.');
  const status = shareStatus(share, deps.now());
  if (!status.active) throw new ShareRefusal('SHARE_ENDED', ENDED_MESSAGE, { reason: status.reason });
  return share;
}

/** S2: the first viewer to open the link owns it; the owner may open it again, everyone else is refused. */
export async function claimShare(deps: ShareDeps, token: string, viewerId: string): Promise<ShareRow> {
  const share = await openShare(deps, token);
  const owner = share.claimedBy ?? (await claim(deps.pool, share.shareId, viewerId, deps.now()));
  if (owner !== viewerId)
    throw new ShareRefusal('SHARE_CLAIMED', 'This share link was opened by someone else.');
  return share;
}

/** The claimer's access to a share (view and stream); records the view when asked. */
export async function viewerShare(
  deps: ShareDeps,
  token: string,
  viewerId: string,
  record: boolean,
): Promise<ShareRow> {
  const share = await openShare(deps, token);
  if (share.claimedBy !== viewerId) {
    throw share.claimedBy === null
      ? new ShareRefusal('NOT_FOUND', 'Open (claim) the share link first.')
      : new ShareRefusal('SHARE_CLAIMED', 'This share link was opened by someone else.');
  }
  if (record) await recordView(deps.pool, share.shareId, viewerId, deps.now());
  return share;
}

/** S9: the vehicles shared with this family member. */
export async function sharedWithMe(deps: ShareDeps, viewerId: string) {
  const now = deps.now();
  return (await claimedShares(deps.pool, viewerId)).map((s) => ({
    shareId: s.shareId,
    plateNumber: s.plateNumber,
    plateColor: s.plateColor,
    expiresAt: s.expiresAt.toISOString(),
    status: shareStatus(s, now).active ? 'active' : 'ended',
  }));
}
