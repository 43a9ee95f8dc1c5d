import { describe, expect, it } from 'vitest';
import type { RawPosition } from './position.js';
import { DEFAULT_VALIDATION, validatePosition } from './validate.rule.js';

const NOW = Date.UTC(2026, 10, 21, 8, 0, 0);
const good: RawPosition = {
  plateNumber: '鲁A12345',
  plateColor: 2,
  gnssTimeMs: NOW - 30_000,
  latE6: 36_651_000,
  lonE6: 117_120_000,
  speedDkmh: 850,
  headingDeg: 90,
};
const check = (p: Partial<RawPosition>) => validatePosition({ ...good, ...p }, NOW, DEFAULT_VALIDATION);
const reasonOf = (p: Partial<RawPosition>) => {
  const v = check(p);
  return v.ok ? 'OK' : v.reason;
};

describe('SPEC §5 position validation', () => {
  it('accepts a plausible fix', () => {
    expect(check({})).toEqual({ ok: true });
  });

  it('rejects coordinates out of range at the exact bounds', () => {
    expect(reasonOf({ latE6: 90_000_000 })).toBe('OK');
    expect(reasonOf({ latE6: 90_000_001 })).toBe('COORDINATES_OUT_OF_RANGE');
    expect(reasonOf({ latE6: -90_000_001 })).toBe('COORDINATES_OUT_OF_RANGE');
    expect(reasonOf({ lonE6: 180_000_000 })).toBe('OK');
    expect(reasonOf({ lonE6: 180_000_001 })).toBe('COORDINATES_OUT_OF_RANGE');
    expect(reasonOf({ lonE6: -180_000_001 })).toBe('COORDINATES_OUT_OF_RANGE');
  });

  it('rejects the (0,0) fix but not a fix on one axis', () => {
    expect(reasonOf({ latE6: 0, lonE6: 0 })).toBe('ZERO_FIX');
    expect(reasonOf({ latE6: 0, lonE6: 117_000_000 })).toBe('OK');
  });

  it('rejects GNSS time more than 5 minutes in the future, to the millisecond', () => {
    expect(reasonOf({ gnssTimeMs: NOW + 300_000 })).toBe('OK');
    expect(reasonOf({ gnssTimeMs: NOW + 300_001 })).toBe('FUTURE_TIME');
  });

  it('rejects missing or implausibly old time', () => {
    expect(reasonOf({ gnssTimeMs: 0 })).toBe('INVALID_TIME');
    expect(reasonOf({ gnssTimeMs: Date.UTC(1999, 11, 31) })).toBe('INVALID_TIME');
  });

  it('rejects speeds above the physical bound', () => {
    expect(reasonOf({ speedDkmh: 2500 })).toBe('OK');
    expect(reasonOf({ speedDkmh: 2501 })).toBe('SPEED_OUT_OF_RANGE');
  });

  it('rejects unknown plate colours and accepts every JT/T 697.7 code', () => {
    for (const c of [1, 2, 3, 4, 5, 9, 91, 92, 93, 94]) expect(reasonOf({ plateColor: c })).toBe('OK');
    for (const c of [0, 6, 7, 8, 10, 90, 95]) expect(reasonOf({ plateColor: c })).toBe('UNKNOWN_PLATE_COLOR');
  });

  it('rejects empty or implausible plates and headings outside 0-359', () => {
    expect(reasonOf({ plateNumber: '' })).toBe('INVALID_PLATE');
    expect(reasonOf({ plateNumber: '鲁A 12345' })).toBe('INVALID_PLATE');
    expect(reasonOf({ plateNumber: 'X'.repeat(17) })).toBe('INVALID_PLATE');
    expect(reasonOf({ headingDeg: 359 })).toBe('OK');
    expect(reasonOf({ headingDeg: 360 })).toBe('INVALID_HEADING');
  });
});
