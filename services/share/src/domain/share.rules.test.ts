import { describe, expect, it } from 'vitest';
import {
  checkNewShare,
  claimVerdict,
  expiryOf,
  hashShareToken,
  isOnline,
  newShareToken,
  OFFLINE_AFTER_MS,
  SHARE_TOKEN,
  shareStatus,
} from './share.rules.js';

describe('S1 share durations', () => {
  it('3 days, 7 days, 1 month, 1 year', () => {
    const from = new Date('2026-01-31T10:00:00Z');
    expect(expiryOf(from, '3d').toISOString()).toBe('2026-02-03T10:00:00.000Z');
    expect(expiryOf(from, '7d').toISOString()).toBe('2026-02-07T10:00:00.000Z');
    expect(expiryOf(new Date('2026-11-21T10:00:00Z'), '1m').toISOString()).toBe('2026-12-21T10:00:00.000Z');
    expect(expiryOf(from, '1y').toISOString()).toBe('2027-01-31T10:00:00.000Z');
  });
});

describe('S3 at most 3 active shares per vehicle, all drivers together', () => {
  const snapshot = (vehicleActiveShares: number) => ({ driverSharedVehicles: [], vehicleActiveShares });
  it('S3: with 2 active shares a third is allowed; with 3 the fourth is refused', () => {
    expect(checkNewShare(snapshot(0), 'v1')).toEqual({ ok: true });
    expect(checkNewShare(snapshot(2), 'v1')).toEqual({ ok: true });
    expect(checkNewShare(snapshot(3), 'v1')).toEqual({
      ok: false,
      code: 'SHARE_LIMIT_VEHICLE',
      activeShares: 3,
    });
  });
  it("S3: the driver's own active shares of the vehicle count too", () => {
    expect(checkNewShare({ driverSharedVehicles: ['v1'], vehicleActiveShares: 3 }, 'v1')).toMatchObject({
      code: 'SHARE_LIMIT_VEHICLE',
    });
  });
});

describe('S4 a driver shares at most one vehicle at a time', () => {
  it('S4: sharing the same vehicle again is allowed', () => {
    expect(checkNewShare({ driverSharedVehicles: ['v1'], vehicleActiveShares: 1 }, 'v1')).toEqual({
      ok: true,
    });
  });
  it('S4: another vehicle is refused while one is shared, naming the shared one', () => {
    expect(checkNewShare({ driverSharedVehicles: ['v1'], vehicleActiveShares: 0 }, 'v2')).toEqual({
      ok: false,
      code: 'SHARE_OTHER_VEHICLE_ACTIVE',
      sharedVehicleId: 'v1',
    });
  });
  it('S4: once the shares are cancelled (none active) another vehicle is allowed', () => {
    expect(checkNewShare({ driverSharedVehicles: [], vehicleActiveShares: 0 }, 'v2')).toEqual({ ok: true });
  });
  it('S4 is checked before S3', () => {
    expect(checkNewShare({ driverSharedVehicles: ['v1'], vehicleActiveShares: 3 }, 'v2')).toMatchObject({
      code: 'SHARE_OTHER_VEHICLE_ACTIVE',
    });
  });
});

describe('S2 and S12 who may claim a link', () => {
  const share = (claimedBy: string | null) => ({ driverId: 'driver-a', claimedBy });
  it('S2: an unclaimed link may be claimed; its claimer holds it; anyone else is refused', () => {
    expect(claimVerdict(share(null), 'family-1')).toBe('CLAIM');
    expect(claimVerdict(share('family-1'), 'family-1')).toBe('HELD');
    expect(claimVerdict(share('family-1'), 'family-2')).toBe('SHARE_CLAIMED');
  });
  it('S12: another driver is a viewer like a family member', () => {
    expect(claimVerdict(share(null), 'driver-b')).toBe('CLAIM');
    expect(claimVerdict(share('driver-b'), 'driver-b')).toBe('HELD');
    expect(claimVerdict(share('driver-b'), 'family-1')).toBe('SHARE_CLAIMED');
  });
  it('S12: the driver who shared the link may not claim it, claimed or not', () => {
    expect(claimVerdict(share(null), 'driver-a')).toBe('SHARE_OWN_LINK');
    expect(claimVerdict(share('family-1'), 'driver-a')).toBe('SHARE_OWN_LINK');
  });
});

describe('S6 a share ends at its expiry to the millisecond, or when ended', () => {
  const expiresAt = new Date('2026-11-24T10:00:00Z');
  it('is active until the instant of expiry', () => {
    expect(
      shareStatus({ endedAt: null, endedReason: null, expiresAt }, new Date(expiresAt.getTime() - 1)),
    ).toEqual({ active: true });
    expect(shareStatus({ endedAt: null, endedReason: null, expiresAt }, expiresAt)).toEqual({
      active: false,
      reason: 'EXPIRED',
    });
    expect(shareStatus({ endedAt: new Date(), endedReason: 'UNBOUND', expiresAt }, new Date(0))).toEqual({
      active: false,
      reason: 'UNBOUND',
    });
  });
});

describe('S7 offline after 10 minutes without a fix', () => {
  it('is online at exactly 10 minutes, offline after', () => {
    expect(isOnline(0, OFFLINE_AFTER_MS)).toBe(true);
    expect(isOnline(0, OFFLINE_AFTER_MS + 1)).toBe(false);
    expect(isOnline(undefined, 0)).toBe(false);
  });
});

describe('share tokens', () => {
  it('are 256-bit URL-safe strings, stored only as a hash', () => {
    const a = newShareToken();
    expect(a.token).toMatch(SHARE_TOKEN);
    expect(a.hash).toEqual(hashShareToken(a.token));
    expect(a.hash.toString('base64url')).not.toBe(a.token);
    expect(newShareToken().token).not.toBe(a.token);
  });
});
