import { describe, expect, it } from 'vitest';
import { checkBindingLimits, checkQualification, chinaDate, windowStart } from './binding.rules.js';

const ids = (n: number, p = 'v') => Array.from({ length: n }, (_, i) => `${p}${i}`);

describe('B2: at most 3 vehicles bound at the same time', () => {
  it('allows the third and refuses the fourth', () => {
    expect(checkBindingLimits({ current: ids(2), inWindow: ids(2) }, 'new')).toEqual({ ok: true });
    expect(checkBindingLimits({ current: ids(3), inWindow: ids(3) }, 'new')).toEqual({
      ok: false,
      code: 'BINDING_LIMIT_CURRENT',
    });
  });
  it('refuses binding a vehicle that is already bound', () => {
    expect(checkBindingLimits({ current: ['a'], inWindow: ['a'] }, 'a')).toEqual({
      ok: false,
      code: 'ALREADY_BOUND',
    });
  });
});

describe('B3: at most 10 distinct vehicles within the trailing 12 months, current and history together', () => {
  it('allows the tenth distinct vehicle and refuses the eleventh', () => {
    expect(checkBindingLimits({ current: ids(1), inWindow: ids(9) }, 'new')).toEqual({ ok: true });
    expect(checkBindingLimits({ current: ids(1), inWindow: ids(10) }, 'new')).toEqual({
      ok: false,
      code: 'BINDING_LIMIT_12_MONTHS',
    });
  });
  it('lets a vehicle already counted in the window be bound again (B4 rebind) at the limit', () => {
    expect(checkBindingLimits({ current: ids(1), inWindow: ids(10) }, 'v5')).toEqual({ ok: true });
  });
  it('B2 is checked before B3', () => {
    expect(checkBindingLimits({ current: ids(3), inWindow: ids(10) }, 'new')).toMatchObject({
      code: 'BINDING_LIMIT_CURRENT',
    });
  });
  it('the window starts 12 calendar months earlier', () => {
    expect(windowStart(new Date('2026-11-21T08:00:00Z')).toISOString()).toBe('2025-11-21T08:00:00.000Z');
    expect(windowStart(new Date('2024-02-29T00:00:00Z')).toISOString()).toBe('2023-03-01T00:00:00.000Z');
  });
});

describe('B7: only drivers with a qualification certificate on record may bind', () => {
  const today = '2026-11-21';
  it('refuses a driver with no certificate on record', () => {
    expect(checkQualification(undefined, today)).toEqual({ ok: false, reason: 'none' });
    expect(checkQualification({ qualificationCertNo: ' ', expiresOn: null }, today)).toEqual({
      ok: false,
      reason: 'none',
    });
  });
  it('refuses an expired certificate, accepts one valid through today', () => {
    expect(checkQualification({ qualificationCertNo: 'Q1', expiresOn: '2026-11-20' }, today)).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(checkQualification({ qualificationCertNo: 'Q1', expiresOn: '2026-11-21' }, today)).toEqual({
      ok: true,
    });
    expect(checkQualification({ qualificationCertNo: 'Q1', expiresOn: null }, today)).toEqual({ ok: true });
  });
  it('dates are China Standard Time calendar dates', () => {
    expect(chinaDate(new Date('2026-11-20T16:00:00Z'))).toBe('2026-11-21');
    expect(chinaDate(new Date('2026-11-20T15:59:59Z'))).toBe('2026-11-20');
  });
});
