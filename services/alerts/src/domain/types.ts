/**
 * Types shared by the alert rules (SPEC A1-A4, X1). Every rule is a pure state
 * machine: evaluate(state, fix, params) → { state, events }. States are plain
 * JSON-serialisable objects: the service checkpoints them (Redis) and resumes
 * them exactly after a restart or a rebalance.
 */

/** One accepted position, as the rules see it. Times are GNSS epoch ms. */
export interface Fix {
  t: number;
  /** WGS-84 degrees. */
  lat: number;
  lon: number;
  speedKmh: number;
  headingDeg: number;
  /** JT/T 808 alarm bits set by the positioning platform (A4). */
  alarmFlags: number;
}

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** JT/T 808 alarm bits the rules honour (A4). */
export const ALARM_BIT_OVERSPEED = 1 << 1;
export const ALARM_BIT_FATIGUE = 1 << 2;
export const ALARM_BIT_DAILY_CUMULATIVE = 1 << 18;

export type AlertKind = 'SPEEDING' | FatigueAlertKind;
/** A2 continuous and daily driving; X6 the pre-warning before the continuous limit. */
export type FatigueAlertKind = 'FATIGUE_CONTINUOUS' | 'FATIGUE_DAILY' | 'FATIGUE_PRE_WARNING';
export type AlertPhase = 'STARTED' | 'ENDED';
/** Who saw it: our detection, the platform's alarm bits, or both (merged, counted once). */
export type AlertSource = 'DETECTED' | 'PLATFORM' | 'DETECTED_AND_PLATFORM';

/** A1: one speeding episode (start, end, peak, duration, places, the limit applied). */
export interface SpeedingEpisode {
  startMs: number;
  /** 0 while open. */
  endMs: number;
  peakSpeedKmh: number;
  limitKmh: number;
  durationS: number;
  startPlace: GeoPoint;
  endPlace: GeoPoint | null;
  /** The zone whose limit applied; '' for the vehicle-class default. */
  zoneId: string;
  source: AlertSource;
}

/** A2: fatigue driving. */
export interface FatigueDetail {
  /** When the current stretch of driving (without a long enough rest) began. */
  drivingSinceMs: number;
  continuousDrivingS: number;
  /** Driving within the trailing 24 h (daily limit). */
  cumulativeDrivingS: number;
  limitS: number;
  place: GeoPoint;
  headingDeg: number;
  source: AlertSource;
}

/**
 * What a rule emits. `episodeStartMs` identifies the episode: with the vehicle,
 * kind and phase it makes the alert's idempotency key, so re-evaluating the
 * same track always yields the same keys.
 */
export type RuleEvent =
  | { kind: 'SPEEDING'; phase: AlertPhase; atMs: number; episodeStartMs: number; episode: SpeedingEpisode }
  | {
      kind: FatigueAlertKind;
      phase: AlertPhase;
      atMs: number;
      episodeStartMs: number;
      fatigue: FatigueDetail;
    };

export type ClockEventKind =
  | 'DRIVING_STARTED'
  | 'REST_STARTED'
  | 'REST_COMPLETED'
  | 'PRE_WARNING'
  | 'LIMIT_REACHED';

/**
 * X6: a change of the driving clock with the whole clock at its fix (the events of
 * one fix carry the same figures). Durations are whole seconds; times epoch ms, -1 for none.
 */
export interface ClockEvent {
  kind: ClockEventKind;
  atMs: number;
  /** RESTING while the truck stands still (the current stop is restingSinceMs on), else DRIVING. */
  state: 'DRIVING' | 'RESTING';
  /** Driving since the last rest of at least restMinS. */
  continuousDrivingS: number;
  /** Driving within the trailing 24 h (the daily limit's measure). */
  dailyDrivingS: number;
  /** Driving since 00:00 China Standard Time of the fix's day. */
  todayDrivingS: number;
  /** Start of the current driving stretch; -1 once rested. */
  drivingSinceMs: number;
  /** Start of the current stop; -1 unless resting. */
  restingSinceMs: number;
  restMinS: number;
  preWarningS: number;
  continuousLimitS: number;
  dailyLimitS: number;
}

export interface RuleResult<S> {
  state: S;
  events: RuleEvent[];
}
