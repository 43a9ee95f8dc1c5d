/**
 * A2 fatigue driving + A4 platform fatigue alarms, as one pure state machine.
 * Fixes arrive in strictly increasing GNSS time (a fix not newer than the last is ignored).
 *
 * Driving time. Between two consecutive fixes (prev → fix, dt) the interval is either
 * driving or stopped; the decision is taken once and never revised:
 * - dt ≤ restMinS (normal reporting): driving when prev.speedKmh > movingKmh (a fix's speed
 *   holds until the next fix; speed == movingKmh is stopped), or when the two fixes are
 *   ≥ stillMaxM apart (a departure the speed sample missed). Otherwise stopped.
 * - dt > restMinS (a data gap long enough to hide a rest): the speeds are ignored, only the
 *   displacement counts. Fixes < stillMaxM apart: the truck did not move, the gap is a stop
 *   (a rest, being ≥ restMinS). Otherwise it is counted as DRIVING: a truck that moved while
 *   the signal was lost (tunnel, terminal or platform outage) most likely kept driving, and
 *   calling that time rest would reset the counters and hide exactly the fatigue A2 is for.
 *   One bound keeps a long offline night from becoming hours of driving because the first
 *   fix after power-on landed 300 m away: the gap is credited as driving for at most the
 *   time the displacement takes at movingKmh (30 km → 6 h, 300 m → 3.6 min); the rest of
 *   the gap is a stop placed before that driving. Tunnels and outages stay all driving.
 * Continuous driving = driving time since the last rest; a stop shorter than restMinS
 * neither adds to it nor resets it. A rest = an unbroken stop of ≥ restMinS (exactly
 * 20 min 00 s resets, 19 min 59 s does not); it resets continuous driving at the fix where
 * the stop reaches restMinS. The driving stretch starts where the first driving interval
 * after a rest starts. History before a vehicle's first fix is unknown and taken as rest.
 *
 * Daily driving. Driving time is booked per UTC quarter-hour (intervals are split exactly
 * at quarter-hour boundaries). At fix time t the trailing 24 h window [t − 24 h, t] counts
 * the 96 quarter-hours that overlap it fully or up to t, plus the quarter-hour cut by
 * t − 24 h pro rata to the part inside the window (its driving assumed evenly spread).
 * This is exact whenever that edge quarter-hour was all driving or all stopped, and keeps
 * the state at 97 numbers whatever the traffic (a stop-and-go day has hundreds of spans).
 *
 * Episodes (thresholds are strict: exactly continuousLimitS / dailyLimitS is not exceeded):
 * - FATIGUE_CONTINUOUS is detected from the first fix where continuous driving >
 *   continuousLimitS until the fix where a rest completes. episodeStartMs = start of the
 *   driving stretch.
 * - FATIGUE_DAILY is detected from the first fix where daily driving > dailyLimitS until
 *   the first fix where it is ≤ dailyLimitS − DAILY_CLEAR_MARGIN_S, as old driving leaves
 *   the window. The margin stops a driver hovering at the limit in stop-and-go traffic
 *   from getting an alert every few minutes. episodeStartMs = the fix that crossed.
 * A4 merge, per kind (bit 2 ALARM_BIT_FATIGUE → continuous, bit 18 → daily): an episode is
 * open while our detection holds OR the current fix carries the platform bit.
 * - Opening (neither held at the previous fix) → one STARTED at this fix; source DETECTED,
 *   PLATFORM (episodeStartMs = first flagged fix) or DETECTED_AND_PLATFORM when both open it.
 * - While open, the other side joining (bit set, or our detection confirming) is the same
 *   episode: no second STARTED, the key stays, the source becomes DETECTED_AND_PLATFORM.
 * - The episode ENDs at the first fix where neither holds: for a platform-only episode the
 *   first unflagged fix; for a merged one whichever of rest/clear/unflagged comes last.
 *   ENDED carries the source accumulated over the whole episode. Stretches that do not
 *   overlap in time are different episodes.
 * episodeStartMs never repeats within a kind: a key already used falls back to the fix time.
 *
 * The 4 h / 20 min defaults are Article 62(7) of the Regulations for the Implementation of
 * the Road Traffic Safety Law of the PRC (《中华人民共和国道路交通安全法实施条例》第六十二条
 * 第七项: 连续驾驶机动车超过4小时未停车休息或者停车休息时间少于20分钟). The 8 h daily limit
 * is a configurable operating default, not taken from that article.
 *
 * Performance: `state` is updated IN PLACE and returned (copying the 97 slots per fix would
 * cost more than the rule); callers that need the previous state must clone it (JSON).
 * Without an event the only allocation is the result object.
 */
import { distanceM } from './geo.js';
import type { AlertSource, FatigueDetail, Fix, RuleEvent, RuleResult } from './types.js';
import { ALARM_BIT_DAILY_CUMULATIVE, ALARM_BIT_FATIGUE } from './types.js';

export interface FatigueParams {
  /** Above this speed the vehicle is driving, km/h (default 5). */
  movingKmh: number;
  /** A stop counts as a rest when it lasts at least this long, s (default 20 min). */
  restMinS: number;
  /** Continuous driving above this without a rest is fatigue, s (default 4 h). */
  continuousLimitS: number;
  /** Driving within the trailing 24 h above this is fatigue, s (default 8 h). */
  dailyLimitS: number;
  /** Across a data gap the vehicle did not move if the fixes are closer than this, m (default 200). */
  stillMaxM: number;
}

/** 4 h / 20 min: 道路交通安全法实施条例 第六十二条第七项. 8 h daily: operating default (config). */
export const DEFAULT_FATIGUE_PARAMS: Readonly<FatigueParams> = Object.freeze({
  movingKmh: 5,
  restMinS: 20 * 60,
  continuousLimitS: 4 * 3600,
  dailyLimitS: 8 * 3600,
  stillMaxM: 200,
});

export const DAILY_WINDOW_S = 24 * 3600;
export const DAILY_SLOT_S = 15 * 60;
/** A daily episode clears at dailyLimitS minus this (hysteresis). */
export const DAILY_CLEAR_MARGIN_S = 15 * 60;
const SLOT_MS = DAILY_SLOT_S * 1000;
const WINDOW_SLOTS = DAILY_WINDOW_S / DAILY_SLOT_S;
/** The 96 quarter-hours of the window plus the one cut by its trailing edge. */
const RING = WINDOW_SLOTS + 1;

export interface FatigueEpisodeState {
  open: boolean;
  /** Our detection holds (continuous: over the limit, no rest yet; daily: over, not cleared). */
  detected: boolean;
  /** The previous fix carried the platform bit. */
  platform: boolean;
  /** Who saw the open episode so far (its source). */
  seenDetected: boolean;
  seenPlatform: boolean;
  /** Key of the open episode, -1 when none. */
  startMs: number;
  /** Key of the latest episode of this kind, so that a new one never reuses it. */
  lastStartMs: number;
}

/** Plain JSON (~0.6 kB), checkpointed per vehicle. Times are GNSS epoch ms, -1 for "none". */
export interface FatigueState {
  v: 1;
  lastT: number;
  lastLat: number;
  lastLon: number;
  lastSpeedKmh: number;
  /** Start of the current driving stretch (-1: rested) and its driving time. */
  stretchStartMs: number;
  continuousMs: number;
  /** Length of the current unbroken stop (0 after a driving interval). */
  stopMs: number;
  /** Driving ms per UTC quarter-hour: quarter-hour k is slots[k mod 97]; slotK holds lastT. */
  slotK: number;
  slots: number[];
  /** Sum of the 96 newest slots (slotK − 95 … slotK). */
  recentMs: number;
  continuous: FatigueEpisodeState;
  daily: FatigueEpisodeState;
}

function initialEpisode(): FatigueEpisodeState {
  return {
    open: false,
    detected: false,
    platform: false,
    seenDetected: false,
    seenPlatform: false,
    startMs: -1,
    lastStartMs: -1,
  };
}

export function initialFatigueState(): FatigueState {
  return {
    v: 1,
    lastT: -1,
    lastLat: 0,
    lastLon: 0,
    lastSpeedKmh: 0,
    stretchStartMs: -1,
    continuousMs: 0,
    stopMs: 0,
    slotK: -1,
    slots: new Array<number>(RING).fill(0),
    recentMs: 0,
    continuous: initialEpisode(),
    daily: initialEpisode(),
  };
}

const NO_EVENTS = Object.freeze([]) as unknown as RuleEvent[];

// Per-call scratch (evaluation is synchronous): events so far, and the stretch a rest ended.
let pending: RuleEvent[] = NO_EVENTS;
let restedStretchStartMs = -1;
let restedContinuousMs = 0;

export function evaluateFatigue(
  state: FatigueState,
  fix: Fix,
  params: FatigueParams,
): RuleResult<FatigueState> {
  const s = state;
  const t = fix.t;
  if (s.lastT >= 0 && !(t > s.lastT)) return { state: s, events: NO_EVENTS };
  pending = NO_EVENTS;
  restedStretchStartMs = -1;
  const restMinMs = params.restMinS * 1000;
  const kFix = Math.floor(t / SLOT_MS);

  if (s.lastT >= 0) {
    const a = s.lastT;
    const dt = t - a;
    if (dt > restMinMs) {
      const d = distanceM(s.lastLat, s.lastLon, fix.lat, fix.lon);
      if (d < params.stillMaxM) stopFor(s, dt, restMinMs);
      else {
        const creditMs = Math.min(dt, Math.round((d / (params.movingKmh / 3.6)) * 1000));
        if (creditMs < dt) {
          stopFor(s, dt - creditMs, restMinMs);
          // A rest inside the gap ends the episode before the driving after it can start one.
          advanceSlots(s, kFix);
          settleContinuous(s, fix, s.continuous.platform, params, dailyMsAt(s, t));
        }
        drive(s, t - creditMs, t);
      }
    } else if (
      s.lastSpeedKmh > params.movingKmh ||
      distanceM(s.lastLat, s.lastLon, fix.lat, fix.lon) >= params.stillMaxM
    ) {
      drive(s, a, t);
    } else {
      stopFor(s, dt, restMinMs);
    }
  }
  advanceSlots(s, kFix);
  const dailyMs = dailyMsAt(s, t);
  settleContinuous(s, fix, (fix.alarmFlags & ALARM_BIT_FATIGUE) !== 0, params, dailyMs);
  settleDaily(s, fix, (fix.alarmFlags & ALARM_BIT_DAILY_CUMULATIVE) !== 0, params, dailyMs);

  s.lastT = t;
  s.lastLat = fix.lat;
  s.lastLon = fix.lon;
  s.lastSpeedKmh = fix.speedKmh;
  const events = pending;
  pending = NO_EVENTS;
  return { state: s, events };
}

function stopFor(s: FatigueState, ms: number, restMinMs: number): void {
  s.stopMs += ms;
  if (s.stopMs >= restMinMs && s.stretchStartMs >= 0) {
    restedStretchStartMs = s.stretchStartMs;
    restedContinuousMs = s.continuousMs;
    s.stretchStartMs = -1;
    s.continuousMs = 0;
  }
}

function drive(s: FatigueState, from: number, to: number): void {
  if (s.stretchStartMs < 0) s.stretchStartMs = from;
  s.continuousMs += to - from;
  s.stopMs = 0;
  // Only the last 97 quarter-hours can ever be counted: skip the rest of a very long gap.
  let a = Math.max(from, (Math.floor(to / SLOT_MS) - WINDOW_SLOTS) * SLOT_MS);
  while (a < to) {
    const k = Math.floor(a / SLOT_MS);
    if (k > s.slotK) advanceSlots(s, k);
    const end = Math.min(to, (k + 1) * SLOT_MS);
    const i = ringIndex(k);
    s.slots[i] = (s.slots[i] as number) + (end - a);
    if (k > s.slotK - WINDOW_SLOTS) s.recentMs += end - a;
    a = end;
  }
}

function ringIndex(k: number): number {
  const i = k % RING;
  return i < 0 ? i + RING : i;
}

/** Move the newest quarter-hour to k: the one 96 back becomes the edge, the one 97 back is dropped. */
function advanceSlots(s: FatigueState, k: number): void {
  if (k <= s.slotK) return;
  if (s.slotK < 0 || k - s.slotK >= RING) {
    s.slots.fill(0);
    s.recentMs = 0;
  } else {
    for (let j = s.slotK + 1; j <= k; j++) {
      s.recentMs -= s.slots[ringIndex(j - WINDOW_SLOTS)] as number;
      s.slots[ringIndex(j)] = 0;
    }
  }
  s.slotK = k;
}

/** Daily driving (trailing 24 h, as defined above) at the last evaluated fix, seconds. */
export function dailyDrivingS(state: FatigueState): number {
  return state.lastT < 0 ? 0 : Math.round(dailyMsAt(state, state.lastT)) / 1000;
}

/**
 * Driving booked from `fromMs` to the last evaluated fix, seconds (X6: today's driving from
 * China midnight). `fromMs` must be a quarter-hour boundary within the last 24 h (China
 * midnight is one: UTC+8 is a whole number of quarter-hours); earlier is counted from there.
 */
export function drivingSinceS(state: FatigueState, fromMs: number): number {
  if (state.lastT < 0) return 0;
  let ms = 0;
  for (let k = Math.max(Math.floor(fromMs / SLOT_MS), state.slotK - WINDOW_SLOTS + 1); k <= state.slotK; k++)
    ms += state.slots[ringIndex(k)] as number;
  return Math.round(ms) / 1000;
}

function dailyMsAt(s: FatigueState, t: number): number {
  const edge = s.slots[ringIndex(s.slotK - WINDOW_SLOTS)] as number;
  return s.recentMs + (edge * ((s.slotK + 1) * SLOT_MS - t)) / SLOT_MS;
}

function settleContinuous(
  s: FatigueState,
  fix: Fix,
  flagged: boolean,
  p: FatigueParams,
  dailyMs: number,
): void {
  const ep = s.continuous;
  let detected = ep.detected;
  if (!detected && s.continuousMs > p.continuousLimitS * 1000) detected = true;
  else if (detected && s.stretchStartMs < 0) detected = false;
  step(ep, 'FATIGUE_CONTINUOUS', detected, flagged, s.stretchStartMs, fix, s, p, dailyMs);
}

function settleDaily(s: FatigueState, fix: Fix, flagged: boolean, p: FatigueParams, dailyMs: number): void {
  const ep = s.daily;
  let detected = ep.detected;
  if (!detected && dailyMs > p.dailyLimitS * 1000) detected = true;
  else if (detected && dailyMs <= (p.dailyLimitS - DAILY_CLEAR_MARGIN_S) * 1000) detected = false;
  step(ep, 'FATIGUE_DAILY', detected, flagged, fix.t, fix, s, p, dailyMs);
}

type FatigueKind = 'FATIGUE_CONTINUOUS' | 'FATIGUE_DAILY';

function step(
  ep: FatigueEpisodeState,
  kind: FatigueKind,
  detected: boolean,
  flagged: boolean,
  detectedStartMs: number,
  fix: Fix,
  s: FatigueState,
  p: FatigueParams,
  dailyMs: number,
): void {
  ep.detected = detected;
  ep.platform = flagged;
  if (!ep.open) {
    if (!detected && !flagged) return;
    let start = detected ? detectedStartMs : fix.t;
    if (start <= ep.lastStartMs) start = fix.t;
    ep.open = true;
    ep.seenDetected = detected;
    ep.seenPlatform = flagged;
    ep.startMs = start;
    ep.lastStartMs = start;
    emit(kind, 'STARTED', ep, fix, s, p, dailyMs);
  } else if (detected || flagged) {
    if (detected) ep.seenDetected = true;
    if (flagged) ep.seenPlatform = true;
  } else {
    emit(kind, 'ENDED', ep, fix, s, p, dailyMs);
    ep.open = false;
    ep.seenDetected = false;
    ep.seenPlatform = false;
    ep.startMs = -1;
  }
}

function sourceOf(ep: FatigueEpisodeState): AlertSource {
  if (ep.seenDetected) return ep.seenPlatform ? 'DETECTED_AND_PLATFORM' : 'DETECTED';
  return 'PLATFORM';
}

function emit(
  kind: FatigueKind,
  phase: 'STARTED' | 'ENDED',
  ep: FatigueEpisodeState,
  fix: Fix,
  s: FatigueState,
  p: FatigueParams,
  dailyMs: number,
): void {
  // After a rest ended the stretch in this call, report that stretch (what the family reads).
  const resting = s.stretchStartMs < 0;
  const fatigue: FatigueDetail = {
    drivingSinceMs: resting ? (restedStretchStartMs >= 0 ? restedStretchStartMs : fix.t) : s.stretchStartMs,
    continuousDrivingS:
      (resting ? (restedStretchStartMs >= 0 ? restedContinuousMs : 0) : s.continuousMs) / 1000,
    cumulativeDrivingS: Math.round(dailyMs) / 1000,
    limitS: kind === 'FATIGUE_CONTINUOUS' ? p.continuousLimitS : p.dailyLimitS,
    place: { lat: fix.lat, lon: fix.lon },
    headingDeg: fix.headingDeg,
    source: sourceOf(ep),
  };
  const event: RuleEvent = { kind, phase, atMs: fix.t, episodeStartMs: ep.startMs, fatigue };
  if (pending === NO_EVENTS) pending = [event];
  else pending.push(event);
}
