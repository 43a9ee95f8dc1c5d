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
