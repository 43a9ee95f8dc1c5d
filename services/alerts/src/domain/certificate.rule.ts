/**
 * A3 certificate reminders (证照提醒): a qualification certificate or road
 * transport certificate expiring within 30 days, or expired. Dates are
 * calendar dates in China Standard Time.
 */
export type CertificateKind = 'TRANSPORT' | 'QUALIFICATION';
export type CertificateStatus = 'VALID' | 'EXPIRING' | 'EXPIRED' | 'UNKNOWN';

export const DEFAULT_REMINDER_DAYS = 30;

const DAY_MS = 86_400_000;

/** Whole days from `today` to `expiresOn` (negative once expired); both YYYY-MM-DD. */
export function daysLeft(expiresOn: string, today: string): number {
  return Math.round((Date.parse(`${expiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/**
 * Valid through its expiry date; EXPIRING when 0-`reminderDays` days are left
 * (the expiry date itself included), EXPIRED from the day after.
 */
export function certificateStatus(
  expiresOn: string | null,
  today: string,
  reminderDays = DEFAULT_REMINDER_DAYS,
): CertificateStatus {
  if (!expiresOn) return 'UNKNOWN';
  const left = daysLeft(expiresOn, today);
  if (left < 0) return 'EXPIRED';
  if (left <= reminderDays) return 'EXPIRING';
  return 'VALID';
}

export interface CertificateReminder {
  kind: CertificateKind;
  status: 'EXPIRING' | 'EXPIRED';
  expiresOn: string;
  daysLeft: number;
}

/** The reminder a certificate calls for today, if any. */
export function reminderFor(
  kind: CertificateKind,
  expiresOn: string | null,
  today: string,
  reminderDays = DEFAULT_REMINDER_DAYS,
): CertificateReminder | undefined {
  const status = certificateStatus(expiresOn, today, reminderDays);
  if (status !== 'EXPIRING' && status !== 'EXPIRED') return undefined;
  return { kind, status, expiresOn: expiresOn as string, daysLeft: daysLeft(expiresOn as string, today) };
}

/** Calendar date in China Standard Time (UTC+8, no daylight saving), as YYYY-MM-DD. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
