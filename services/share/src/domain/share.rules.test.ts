import { describe, expect, it } from 'vitest';
import {
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
