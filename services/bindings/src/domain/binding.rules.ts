/**
 * The driver–vehicle binding rules of SPEC §2 (B2, B3, B7), as pure functions
 * over a snapshot the caller reads inside the driver's locked transaction.
 */

/** B2: vehicles a driver may have bound at the same time. */
export const MAX_CURRENT_BINDINGS = 3;
/** B3: distinct vehicles a driver may bind within any trailing 12 months. */
export const MAX_VEHICLES_PER_12_MONTHS = 10;

export interface DriverBindingSnapshot {
  /** Vehicles bound now. */
  current: readonly string[];
  /**
   * Distinct vehicles with a binding that was in force at some time during the
   * trailing 12 months: every current binding, and every past binding that
   * ended within the window. The seed counts "current and historical bindings
   * together" (当前绑定和历史绑定车辆之和) over 12 months; a binding that ended
   * more than 12 months ago no longer counts.
   */
  inWindow: readonly string[];
}

export type LimitVerdict =
  | { ok: true }
  | { ok: false; code: 'ALREADY_BOUND' | 'BINDING_LIMIT_CURRENT' | 'BINDING_LIMIT_12_MONTHS' };

/** B2 and B3 for binding `vehicleId` now. Binding a vehicle already counted in the window adds nothing to B3. */
export function checkBindingLimits(snapshot: DriverBindingSnapshot, vehicleId: string): LimitVerdict {
  if (snapshot.current.includes(vehicleId)) return { ok: false, code: 'ALREADY_BOUND' };
  if (snapshot.current.length >= MAX_CURRENT_BINDINGS) return { ok: false, code: 'BINDING_LIMIT_CURRENT' };
  if (!snapshot.inWindow.includes(vehicleId) && snapshot.inWindow.length >= MAX_VEHICLES_PER_12_MONTHS) {
    return { ok: false, code: 'BINDING_LIMIT_12_MONTHS' };
  }
  return { ok: true };
}

/** Start of the trailing 12-month window: the same instant 12 calendar months earlier. */
export function windowStart(now: Date): Date {
  const start = new Date(now.getTime());
  start.setUTCMonth(start.getUTCMonth() - 12);
  return start;
}

export interface QualificationRecord {
  qualificationCertNo: string;
  /** ISO date (YYYY-MM-DD), or null when the registry gives no expiry. */
  expiresOn: string | null;
}

export type QualificationVerdict = { ok: true } | { ok: false; reason: 'none' | 'expired' };

/**
 * B7: only drivers with a qualification certificate on record may bind. An
 * expired certificate is not a qualification: the driver is refused too.
 * `today` is the calendar date in China Standard Time (YYYY-MM-DD).
 */
export function checkQualification(
  record: QualificationRecord | undefined,
  today: string,
): QualificationVerdict {
  if (!record || record.qualificationCertNo.trim() === '') return { ok: false, reason: 'none' };
  if (record.expiresOn !== null && record.expiresOn < today) return { ok: false, reason: 'expired' };
  return { ok: true };
}

/** Calendar date in China Standard Time (UTC+8, no daylight saving), as YYYY-MM-DD. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
