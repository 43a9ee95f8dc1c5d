/**
 * A1 speeding + A4 platform overspeed alarm, as one pure state machine
 * (Traccar's OverspeedProcessor.updateState, extended with an end and a merge).
 *
 * Thresholds (all durations in GNSS time, fixes in increasing GNSS time):
 * - A fix is ABOVE when speedKmh > limitKmh. speed == limit is not above.
 * - Our detection confirms at the first above fix whose time is ≥ minOverS after
 *   the first fix of its unbroken above run (0-30 s of above fixes at 1 s spacing
 *   confirms at t = 30 s; 0-29 s does not). One fix at/below the limit breaks the run.
 * - A confirmed run is released at the first at/below fix whose time is ≥ minUnderS
 *   after the first at/below fix (underSince); an above fix before that cancels the dip.
 *   The speeding stopped at underSince: that is the episode's endMs.
 * - Two consecutive fixes more than maxGapS apart (exactly maxGapS is no gap) close an
 *   open episode at its last known fix (at underSince if it was already in a dip, at
 *   the platform's first unflagged fix if only that was left), discard a pending run,
 *   and the new fix is evaluated from the initial state. Nothing is guessed across gaps.
 *
 * A4 merge rule. An episode is open while any of these holds: our confirmed detection
 * (until released), the platform's overspeed bit on the current fix, or a pending above
 * run of ours that overlaps the open episode. It is announced once (STARTED) and ended
 * once (ENDED), whoever saw it:
 * - Our detection confirms with no episode open → STARTED, episodeStartMs = first fix of
 *   the above run; source DETECTED, or DETECTED_AND_PLATFORM if the bit is on that fix.
 * - The bit appears with no episode open (and we do not confirm at that fix) → STARTED of
 *   a platform episode at that fix, source PLATFORM.
 * - The bit on any fix of an open episode marks it PLATFORM; our confirmation inside an
 *   open episode marks it DETECTED. Both → DETECTED_AND_PLATFORM. No second STARTED: the
 *   episode keeps the start it was announced with (episodeStartMs is the alert identity).
 * - The episode ends at the first fix where none holds; endMs = the latest moment the
 *   speeding stopped (our underSince, or the platform's first unflagged fix).
 *   A platform episode without our confirmation thus ends at its first unflagged fix; it
 *   is held open (ENDED deferred, endMs unchanged) while an above run of ours is pending,
 *   so that run, if it confirms, joins it instead of starting an overlapping episode.
 *
 * Episode figures, over the fixes that are evidence of speeding (above our limit, or
 * flagged) from the announced start: peak = highest speed; limitKmh/zoneId = the lowest
 * of our limits at those fixes (first zone on ties). The platform's own limit is unknown.
 * STARTED carries durationS so far; ENDED carries endMs, endPlace, durationS = end - start.
 * atMs is always the time of the fix that decided the event.
 */
import type { AlertSource, Fix, RuleEvent, RuleResult, SpeedingEpisode } from './types.js';
import { ALARM_BIT_OVERSPEED } from './types.js';

export interface SpeedingParams {
  /** Vehicle-class limit outside all zones: 100 km/h for heavy trucks on expressways. */
  defaultLimitKmh: number;
  /** Above the limit at least this long opens an episode. */
  minOverS: number;
  /** At or below the limit at least this long closes it. */
  minUnderS: number;
  /** A gap in data longer than this closes an open episode at its last known fix. */
  maxGapS: number;
}

export const DEFAULT_SPEEDING_PARAMS: Readonly<SpeedingParams> = Object.freeze({
  defaultLimitKmh: 100,
  minOverS: 30,
  minUnderS: 30,
  maxGapS: 300,
});

export interface SpeedingLimit {
  limitKmh: number;
  /** '' for the vehicle-class default. */
  zoneId: string;
}

/** Plain JSON, checkpointed per vehicle. Times are GNSS epoch ms, -1 for "none". */
export interface SpeedingState {
  /** STARTED emitted, ENDED not yet. */
  open: boolean;
  /** Our detection is confirmed and not yet released (it holds the episode open). */
  confirmed: boolean;
  /** Source flags of the open episode. */
  detected: boolean;
  platform: boolean;
  /** The previous fix carried the platform overspeed bit. */
  lastFlagged: boolean;
  /** First fix of the current unbroken run above our limit. */
  overSinceMs: number;
  /** First at/below fix since confirmed speeding. */
  underSinceMs: number;
  /** Episode start (while nothing is open: start of the pending above run) and figures. */
  startMs: number;
  startLat: number;
  startLon: number;
  peakKmh: number;
  limitKmh: number;
  zoneId: string;
  /** Latest moment the speeding stopped (candidate endMs) and where. */
  stopMs: number;
  stopLat: number;
  stopLon: number;
  /** Last fix while an episode or a run is in progress (gap detection, gap end place). */
  lastMs: number;
  lastLat: number;
  lastLon: number;
}

export function initialSpeedingState(): SpeedingState {
  return {
    open: false,
    confirmed: false,
    detected: false,
    platform: false,
    lastFlagged: false,
    overSinceMs: -1,
    underSinceMs: -1,
    startMs: -1,
    startLat: 0,
    startLon: 0,
    peakKmh: 0,
    limitKmh: 0,
    zoneId: '',
    stopMs: -1,
    stopLat: 0,
    stopLon: 0,
    lastMs: -1,
    lastLat: 0,
    lastLon: 0,
  };
}

/** Shared by every call without events; frozen so that a caller cannot push into it. */
const NO_EVENTS = Object.freeze([]) as unknown as RuleEvent[];

export function evaluateSpeeding(
  state: SpeedingState,
  fix: Fix,
  params: SpeedingParams,
  limit: SpeedingLimit,
): RuleResult<SpeedingState> {
  const above = fix.speedKmh > limit.limitKmh;
  const flagged = (fix.alarmFlags & ALARM_BIT_OVERSPEED) !== 0;
  const busy = state.open || state.overSinceMs >= 0;
  // The common path: nothing in progress, nothing to start. No allocation but the result.
  if (!busy && !above && !flagged) return { state, events: NO_EVENTS };
  // Defensive: the caller drops late and duplicate fixes; if one slips through, ignore it.
  if (busy && fix.t <= state.lastMs) return { state, events: NO_EVENTS };

  let events = NO_EVENTS;
  let s: SpeedingState;
  if (busy && fix.t - state.lastMs > params.maxGapS * 1000) {
    if (state.open) events = [endAtGap(state, fix.t)];
    s = initialSpeedingState();
    if (!above && !flagged) return { state: s, events };
  } else {
    s = { ...state };
  }

  if (flagged) s.lastFlagged = true;
  else if (s.lastFlagged) {
    s.lastFlagged = false;
    markStop(s, fix);
  }

  let confirmedNow = false;
  if (above) {
    if (s.overSinceMs < 0) {
      s.overSinceMs = fix.t;
      if (!s.open) startFigures(s, fix, limit);
    }
    s.underSinceMs = -1;
    if (!s.confirmed && fix.t - s.overSinceMs >= params.minOverS * 1000) {
      s.confirmed = true;
      confirmedNow = true;
    }
  } else {
    s.overSinceMs = -1;
    if (s.confirmed) {
      if (s.underSinceMs < 0) {
        s.underSinceMs = fix.t;
        markStop(s, fix);
      }
      if (fix.t - s.underSinceMs >= params.minUnderS * 1000) {
        s.confirmed = false;
        s.underSinceMs = -1;
      }
    }
  }

  let openedNow = false;
  if (!s.open) {
    if (!confirmedNow && flagged) startFigures(s, fix, limit);
    if (confirmedNow || flagged) {
      openedNow = true;
      s.open = true;
      s.detected = confirmedNow;
      s.platform = flagged;
    }
  } else {
    if (confirmedNow) s.detected = true;
    if (flagged) s.platform = true;
  }
  if (above || flagged) addEvidence(s, fix, limit);

  if (openedNow) {
    events = withEvent(events, started(s, fix.t));
  } else if (s.open && !s.confirmed && s.overSinceMs < 0 && !flagged) {
    events = withEvent(events, ended(s, fix.t, s.stopMs, s.stopLat, s.stopLon));
    return { state: initialSpeedingState(), events };
  }
  if (!s.open && s.overSinceMs < 0) return { state: initialSpeedingState(), events };
  s.lastMs = fix.t;
  s.lastLat = fix.lat;
  s.lastLon = fix.lon;
  return { state: s, events };
}

function startFigures(s: SpeedingState, fix: Fix, limit: SpeedingLimit): void {
  s.startMs = fix.t;
  s.startLat = fix.lat;
  s.startLon = fix.lon;
  s.peakKmh = fix.speedKmh;
  s.limitKmh = limit.limitKmh;
  s.zoneId = limit.zoneId;
}

function addEvidence(s: SpeedingState, fix: Fix, limit: SpeedingLimit): void {
  if (fix.speedKmh > s.peakKmh) s.peakKmh = fix.speedKmh;
  if (limit.limitKmh < s.limitKmh) {
    s.limitKmh = limit.limitKmh;
    s.zoneId = limit.zoneId;
  }
}

function markStop(s: SpeedingState, fix: Fix): void {
  s.stopMs = fix.t;
  s.stopLat = fix.lat;
  s.stopLon = fix.lon;
}

function endAtGap(s: SpeedingState, atMs: number): RuleEvent {
  // Still speeding at the last fix (confirmed and not in a dip, or flagged): it ends there.
  if ((s.confirmed && s.underSinceMs < 0) || s.lastFlagged)
    return ended(s, atMs, s.lastMs, s.lastLat, s.lastLon);
  return ended(s, atMs, s.stopMs, s.stopLat, s.stopLon);
}

function sourceOf(s: SpeedingState): AlertSource {
  if (s.detected) return s.platform ? 'DETECTED_AND_PLATFORM' : 'DETECTED';
  return 'PLATFORM';
}

function episodeOf(s: SpeedingState, endMs: number, endPlace: SpeedingEpisode['endPlace'], nowMs: number) {
  const episode: SpeedingEpisode = {
    startMs: s.startMs,
    endMs,
    peakSpeedKmh: s.peakKmh,
    limitKmh: s.limitKmh,
    durationS: ((endPlace ? endMs : nowMs) - s.startMs) / 1000,
    startPlace: { lat: s.startLat, lon: s.startLon },
    endPlace,
    zoneId: s.zoneId,
    source: sourceOf(s),
  };
  return episode;
}

function started(s: SpeedingState, atMs: number): RuleEvent {
  const episode = episodeOf(s, 0, null, atMs);
  return { kind: 'SPEEDING', phase: 'STARTED', atMs, episodeStartMs: s.startMs, episode };
}

function ended(s: SpeedingState, atMs: number, endMs: number, lat: number, lon: number): RuleEvent {
  const episode = episodeOf(s, endMs, { lat, lon }, atMs);
  return { kind: 'SPEEDING', phase: 'ENDED', atMs, episodeStartMs: s.startMs, episode };
}

function withEvent(events: RuleEvent[], event: RuleEvent): RuleEvent[] {
  if (events === NO_EVENTS) return [event];
  events.push(event);
  return events;
}
