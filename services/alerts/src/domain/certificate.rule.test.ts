import { describe, expect, it } from 'vitest';
import { certificateStatus, chinaDate, daysLeft, reminderFor } from './certificate.rule.js';

describe('A3 certificate reminders: expiring within 30 days, or expired', () => {
  const today = '2026-11-21';
  it('is valid beyond 30 days, expiring at 30 days and on the expiry day, expired the day after', () => {
    expect(certificateStatus('2026-12-22', today)).toBe('VALID'); // 31 days
    expect(certificateStatus('2026-12-21', today)).toBe('EXPIRING'); // 30 days
    expect(certificateStatus('2026-11-21', today)).toBe('EXPIRING'); // expires today
    expect(certificateStatus('2026-11-20', today)).toBe('EXPIRED');
    expect(certificateStatus(null, today)).toBe('UNKNOWN');
  });
  it('reports days left (negative once expired), across month and year ends', () => {
    expect(daysLeft('2027-01-01', '2026-12-31')).toBe(1);
    expect(daysLeft('2026-11-01', today)).toBe(-20);
    expect(reminderFor('QUALIFICATION', '2026-11-01', today)).toEqual({
      kind: 'QUALIFICATION',
      status: 'EXPIRED',
      expiresOn: '2026-11-01',
      daysLeft: -20,
    });
    expect(reminderFor('TRANSPORT', '2027-06-01', today)).toBeUndefined();
  });
  it('uses China Standard Time calendar days', () => {
    expect(chinaDate(new Date('2026-11-20T16:00:00Z'))).toBe('2026-11-21');
  });
});
