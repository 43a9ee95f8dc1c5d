import { hash, randomBytes } from 'node:crypto';

/** S1: the durations a driver can share for. */
export const DURATIONS = ['3d', '7d', '1m', '1y'] as const;
export type Duration = (typeof DURATIONS)[number];

/** S3: active shares per vehicle, all drivers together. */
export const MAX_ACTIVE_SHARES_PER_VEHICLE = 3;
/** S7: a vehicle without a new fix for this long is offline. */
export const OFFLINE_AFTER_MS = 10 * 60_000;
/** S7: the viewer's refresh period. */
export const REFRESH_SECONDS = 30;
/** S6: what an ended share answers. */
export const ENDED_MESSAGE = '车辆动态已结束';

export interface NewShareSnapshot {
  /** Vehicles this driver has active shares of (S4). */
  driverSharedVehicles: readonly string[];
  /** Active shares of the vehicle to share, all drivers together (S3). */
  vehicleActiveShares: number;
}

export type NewShareVerdict =
  | { ok: true }
  | { ok: false; code: 'SHARE_OTHER_VEHICLE_ACTIVE'; sharedVehicleId: string }
  | { ok: false; code: 'SHARE_LIMIT_VEHICLE'; activeShares: number };

/**
 * S4 then S3 for a new share of `vehicleId`, over what the caller read inside
 * the driver's and vehicle's locks: another vehicle of the driver still shared
 * refuses it (sharing the same vehicle again is allowed), and so does a
 * vehicle that already has 3 active shares.
 */
export function checkNewShare(snapshot: NewShareSnapshot, vehicleId: string): NewShareVerdict {
  const other = snapshot.driverSharedVehicles.find((v) => v !== vehicleId);
  if (other !== undefined) return { ok: false, code: 'SHARE_OTHER_VEHICLE_ACTIVE', sharedVehicleId: other };
  if (snapshot.vehicleActiveShares >= MAX_ACTIVE_SHARES_PER_VEHICLE)
    return { ok: false, code: 'SHARE_LIMIT_VEHICLE', activeShares: snapshot.vehicleActiveShares };
  return { ok: true };
}

export type ClaimVerdict =
  /** Nobody holds the link yet: the viewer may try to claim it. */
  | 'CLAIM'
  /** The viewer already holds it (claiming again is idempotent). */
  | 'HELD'
  | 'SHARE_OWN_LINK'
  | 'SHARE_CLAIMED';

/**
 * S2 and S12: who may open a link. The driver who shared it may not, whatever
 * his token's role (identities are the `sub` of the one-stop login): the link
 * is meant for someone else, and his own claim would lock that person out.
 * Anyone else (a family member or another driver) may, if nobody else has.
 */
export function claimVerdict(
  share: { driverId: string; claimedBy: string | null },
  viewerId: string,
): ClaimVerdict {
  if (share.claimedBy === viewerId) return 'HELD';
  if (share.driverId === viewerId) return 'SHARE_OWN_LINK';
  return share.claimedBy === null ? 'CLAIM' : 'SHARE_CLAIMED';
}

/** When a share of `duration` made at `from` expires (calendar months and years, UTC). */
export function expiryOf(from: Date, duration: Duration): Date {
  const d = new Date(from.getTime());
  if (duration === '3d') d.setUTCDate(d.getUTCDate() + 3);
  else if (duration === '7d') d.setUTCDate(d.getUTCDate() + 7);
  else if (duration === '1m') d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d;
}

export type ShareStatus = { active: true } | { active: false; reason: 'CANCELLED' | 'UNBOUND' | 'EXPIRED' };

/** A share is valid until its expiry to the millisecond, unless it was ended before. */
export function shareStatus(
  s: { endedAt: Date | null; endedReason: string | null; expiresAt: Date },
  now: Date,
): ShareStatus {
  if (s.endedAt)
    return { active: false, reason: (s.endedReason ?? 'CANCELLED') as 'CANCELLED' | 'UNBOUND' | 'EXPIRED' };
  if (s.expiresAt.getTime() <= now.getTime()) return { active: false, reason: 'EXPIRED' };
  return { active: true };
}

/** S7: online when the last fix is at most 10 minutes old. */
export function isOnline(lastFixMs: number | undefined, nowMs: number): boolean {
  return lastFixMs !== undefined && nowMs - lastFixMs <= OFFLINE_AFTER_MS;
}

/** 256 random bits, URL-safe; only the SHA-256 is stored. */
export function newShareToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashShareToken(token) };
}

/** SHA-256 of the token (one-shot: the view computes it on every request). */
export function hashShareToken(token: string): Buffer {
  return hash('sha256', token, 'buffer');
}

export const SHARE_TOKEN = /^[A-Za-z0-9_-]{43}$/;
