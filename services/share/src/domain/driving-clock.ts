/**
 * X6: the driving clock the family sees, from the latest clock event the
 * alerts service published (driving.clock) and the vehicle's last fix. The
 * alerts service sends changes only (driving started, rest started and
 * completed, pre-warning, limit reached), each with the whole clock at its
 * fix; between two events the clock runs on from the last one to the last fix:
 * - driving: continuous and today's driving grow by the time since the event.
 *   Until the alerts service has announced the pre-warning (or the limit) the
 *   figure stays below it, so the page never claims a threshold the rules have
 *   not found (a stop shorter than the 5 min the alerts service waits before
 *   it calls the truck resting counts as driving here, not in the rules);
 * - resting: how long the stop has lasted grows; the driving figures stand.
 * Today is the China day (UTC+8) of the last fix. Pure: the same event and fix
 * always give the same clock, which is what the view's memo relies on.
 */
import { chinaDayStartMs } from './track.js';
import type { DrivingClockView } from './view.schema.js';

/** The latest clock event of a vehicle, as the share service stores it (vehicle_clocks). */
export interface StoredClock {
  eventId: string;
  vehicleKey: string;
  kind: ClockKind;
  /** GNSS time of the fix that changed the clock. */
  atMs: number;
  state: 'DRIVING' | 'RESTING';
  continuousDrivingS: number;
  dailyDrivingS: number;
  todayDrivingS: number;
  /** Null once rested (continuous driving is 0). */
  drivingSinceMs: number | null;
  /** Null unless resting. */
  restingSinceMs: number | null;
  restMinS: number;
  preWarningS: number;
  continuousLimitS: number;
  dailyLimitS: number;
}

/** The order the alerts service emits the events of one fix in (they carry the same figures). */
export const CLOCK_KINDS = [
  'REST_STARTED',
  'REST_COMPLETED',
  'DRIVING_STARTED',
  'PRE_WARNING',
  'LIMIT_REACHED',
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** Whether `a` is a later clock than `b`: by fix time, then by the order of one fix's events. */
export function isNewerClock(a: StoredClock, b: StoredClock): boolean {
  if (a.atMs !== b.atMs) return a.atMs > b.atMs;
  return CLOCK_KINDS.indexOf(a.kind) > CLOCK_KINDS.indexOf(b.kind);
}

/** The newest event of each vehicle among many (a redelivered or older one never wins). */
export function newestClocks(events: readonly StoredClock[]): StoredClock[] {
  const newest = new Map<string, StoredClock>();
  for (const e of events) {
    const held = newest.get(e.vehicleKey);
    if (!held || isNewerClock(e, held)) newest.set(e.vehicleKey, e);
  }
  return [...newest.values()];
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The clock at the vehicle's last fix; null without a clock event. */
export function clockView(
  c: StoredClock | null | undefined,
  lastFixMs: number | undefined,
): DrivingClockView | null {
  if (!c) return null;
  const asOf = Math.max(c.atMs, lastFixMs ?? c.atMs);
  const sinceEventS = Math.floor((asOf - c.atMs) / 1000);
  const midnight = chinaDayStartMs(asOf);
  const sameDay = midnight === chinaDayStartMs(c.atMs);
  let continuous = c.continuousDrivingS;
  let today = sameDay ? c.todayDrivingS : 0;
  if (c.state === 'DRIVING') {
    const cap =
      c.continuousDrivingS < c.preWarningS
        ? c.preWarningS - 1
        : c.continuousDrivingS <= c.continuousLimitS
          ? c.continuousLimitS
          : Number.POSITIVE_INFINITY;
    continuous = Math.max(c.continuousDrivingS, Math.min(c.continuousDrivingS + sinceEventS, cap));
    const driven = continuous - c.continuousDrivingS;
    today = sameDay ? c.todayDrivingS + driven : Math.min(driven, Math.floor((asOf - midnight) / 1000));
  }
  const resting = c.state === 'RESTING' && c.restingSinceMs !== null;
  return {
    state: c.state,
    asOf: new Date(asOf).toISOString(),
    continuousDrivingS: continuous,
    drivingSince: continuous > 0 ? iso(c.drivingSinceMs) : null,
    restDueInS: Math.max(0, c.continuousLimitS - continuous),
    todayDrivingS: today,
    restingSince: resting ? iso(c.restingSinceMs) : null,
    restingS: resting ? Math.max(0, Math.floor((asOf - (c.restingSinceMs as number)) / 1000)) : 0,
    preWarning: continuous >= c.preWarningS,
    limitReached: continuous > c.continuousLimitS,
    restMinS: c.restMinS,
    preWarningS: c.preWarningS,
    continuousLimitS: c.continuousLimitS,
  };
}
