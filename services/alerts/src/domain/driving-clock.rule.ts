/**
 * X6: the driving clock the family sees, as a pure state machine over the fatigue rule's
 * own accounting (fatigue.rule.ts: driving intervals, stops, rests, the quarter-hour
 * book). It keeps no clock of its own: after the fatigue rule has taken a fix, it reads
 * that state and emits an event only when what the family is told changes:
 * - REST_STARTED: the truck has stood still for stopShownS (default 5 min; shorter stops,
 *   a toll gate or a jam, leave the clock driving). restingSinceMs is the stop's start.
 * - REST_COMPLETED: the stop reached restMinS (20 min): continuous driving is reset.
 *   A 19-min stop is not a rest: the next DRIVING_STARTED carries the old drivingSinceMs.
 * - DRIVING_STARTED: the truck drives after a stop shown as a rest (or for the first time).
 * - PRE_WARNING: continuous driving ≥ preWarningS (default 3 h 30 min), once per stretch.
 * - LIMIT_REACHED: continuous driving > the limit: the fix where FATIGUE_CONTINUOUS is
 *   detected (the same strict threshold), once per stretch.
 * The events of one fix come in that order (REST_STARTED before REST_COMPLETED when one
 * long data gap is both) and carry the same figures: the clock at that fix.
 *
 * The pre-warning is also an alert of its own kind, FATIGUE_PRE_WARNING (S10 episode):
 * STARTED at the PRE_WARNING fix (its key), ENDED at the fix where a rest completes, with
 * the figures of the stretch that rest ended — not at LIMIT_REACHED: a driver past the
 * limit has not heeded the warning, and an "ended" pre-warning would read as resolved.
 *
 * State is a few fields in the vehicle's checkpointed state, updated in place like the
 * fatigue rule's, so a restarted consumer emits the same events with the same keys.
 */
import { dailyDrivingS, drivingSinceS, type FatigueParams, type FatigueState } from './fatigue.rule.js';
import type { ClockEvent, ClockEventKind, Fix, RuleEvent } from './types.js';

export interface ClockParams {
  /** Continuous driving from which the pre-warning comes, s (default 3 h 30 min). */
  preWarningS: number;
  /** A stop is shown as resting once it lasts this long, s (default 5 min; below restMinS). */
  stopShownS: number;
}

export const DEFAULT_CLOCK_PARAMS: Readonly<ClockParams> = Object.freeze({
  preWarningS: 3.5 * 3600,
  stopShownS: 5 * 60,
});

/** Plain JSON, checkpointed with the vehicle's other rule states. */
export interface DrivingClockState {
  v: 1;
  /** What the last event told: nothing yet, driving, or resting. */
  phase: 'UNKNOWN' | 'DRIVING' | 'RESTING';
  /** PRE_WARNING / LIMIT_REACHED already emitted for the current driving stretch. */
  preWarned: boolean;
  limitReached: boolean;
  /** Key of the open pre-warning alert (its STARTED fix), -1 when none. */
  preWarningStartMs: number;
}

/**
 * The clock for a vehicle whose fatigue state already exists (a checkpoint from before
 * the clock): a stretch already past the limit gets no late pre-warning or limit event.
 */
export function initialClockState(fatigue?: FatigueState): DrivingClockState {
  const over = fatigue?.continuous.detected ?? false;
  return { v: 1, phase: 'UNKNOWN', preWarned: over, limitReached: over, preWarningStartMs: -1 };
}

export interface ClockResult {
  clock: ClockEvent[];
  /** FATIGUE_PRE_WARNING alerts. */
  alerts: RuleEvent[];
}

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
/** 00:00 China Standard Time (UTC+8, no daylight saving) of the day holding t. */
export const chinaMidnightMs = (t: number) =>
  Math.floor((t + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;

/**
 * Call after evaluateFatigue took `fix`, with its state's stretchStartMs and continuousMs
 * from before (the fatigue rule updates its state in place). Updates `c` in place; null
 * when nothing changed (most fixes: no allocation).
 */
export function evaluateClock(
  c: DrivingClockState,
  f: FatigueState,
  fix: Fix,
  stretchBeforeMs: number,
  continuousBeforeMs: number,
  fatigue: FatigueParams,
  params: ClockParams,
): ClockResult | null {
  const restCompleted = stretchBeforeMs >= 0 && f.stretchStartMs !== stretchBeforeMs;
  const driving = f.stopMs === 0 && f.stretchStartMs >= 0;
  let kinds: ClockEventKind[] | null = null;
  let alerts: RuleEvent[] | null = null;
  if (f.stopMs >= params.stopShownS * 1000 && c.phase !== 'RESTING') {
    c.phase = 'RESTING';
    kinds = add(kinds, 'REST_STARTED');
  }
  if (restCompleted) {
    c.preWarned = false;
    c.limitReached = false;
    kinds = add(kinds, 'REST_COMPLETED');
    if (c.preWarningStartMs >= 0) {
      alerts = add(
        alerts,
        preWarning('ENDED', c.preWarningStartMs, fix, f, stretchBeforeMs, continuousBeforeMs, fatigue),
      );
      c.preWarningStartMs = -1;
    }
  }
  if (driving && c.phase !== 'DRIVING') {
    c.phase = 'DRIVING';
    kinds = add(kinds, 'DRIVING_STARTED');
  }
  if (!c.preWarned && f.continuousMs >= params.preWarningS * 1000) {
    c.preWarned = true;
    c.preWarningStartMs = fix.t;
    kinds = add(kinds, 'PRE_WARNING');
    alerts = add(alerts, preWarning('STARTED', fix.t, fix, f, f.stretchStartMs, f.continuousMs, fatigue));
  }
  if (!c.limitReached && f.continuous.detected) {
    c.limitReached = true;
    kinds = add(kinds, 'LIMIT_REACHED');
  }
  if (kinds === null) return null;
  const figures = clockAt(f, fix.t, fatigue, params);
  return { clock: kinds.map((kind) => ({ kind, ...figures })), alerts: alerts ?? [] };
}

function add<T>(list: T[] | null, item: T): T[] {
  if (list === null) return [item];
  list.push(item);
  return list;
}

function clockAt(f: FatigueState, t: number, p: FatigueParams, c: ClockParams): Omit<ClockEvent, 'kind'> {
  const resting = f.stopMs > 0;
  return {
    atMs: t,
    state: resting ? 'RESTING' : 'DRIVING',
    continuousDrivingS: Math.round(f.continuousMs / 1000),
    dailyDrivingS: Math.round(dailyDrivingS(f)),
    todayDrivingS: Math.round(drivingSinceS(f, chinaMidnightMs(t))),
    drivingSinceMs: f.stretchStartMs,
    restingSinceMs: resting ? t - f.stopMs : -1,
    restMinS: p.restMinS,
    preWarningS: c.preWarningS,
    continuousLimitS: p.continuousLimitS,
    dailyLimitS: p.dailyLimitS,
  };
}

/** The pre-warning alert: the stretch's figures, the continuous limit it warns of. */
function preWarning(
  phase: 'STARTED' | 'ENDED',
  episodeStartMs: number,
  fix: Fix,
  f: FatigueState,
  drivingSinceMs: number,
  continuousMs: number,
  p: FatigueParams,
): RuleEvent {
  return {
    kind: 'FATIGUE_PRE_WARNING',
    phase,
    atMs: fix.t,
    episodeStartMs,
    fatigue: {
      drivingSinceMs,
      continuousDrivingS: continuousMs / 1000,
      cumulativeDrivingS: dailyDrivingS(f),
      limitS: p.continuousLimitS,
      place: { lat: fix.lat, lon: fix.lon },
      headingDeg: fix.headingDeg,
      source: 'DETECTED',
    },
  };
}
