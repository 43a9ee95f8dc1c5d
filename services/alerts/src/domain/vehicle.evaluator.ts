import {
  type ClockParams,
  type DrivingClockState,
  evaluateClock,
  initialClockState,
} from './driving-clock.rule.js';
import {
  evaluateFatigue,
  type FatigueParams,
  type FatigueState,
  initialFatigueState,
} from './fatigue.rule.js';
import {
  evaluateSpeeding,
  initialSpeedingState,
  type SpeedingParams,
  type SpeedingState,
} from './speeding.rule.js';
import type { ClockEvent, Fix, RuleEvent } from './types.js';

/** Everything the rules remember about one vehicle; checkpointed as JSON. */
export interface VehicleState {
  v: 1;
  /** GNSS time of the last fix the rules evaluated. */
  lastT: number;
  speeding: SpeedingState;
  fatigue: FatigueState;
  /** X6: the driving clock over the fatigue state. */
  clock: DrivingClockState;
}

export interface EvaluationContext {
  speeding: SpeedingParams;
  fatigue: FatigueParams;
  clock: ClockParams;
  /** The speed limit at a point (speed zones, strictest wins; else the vehicle-class default). */
  limitAt(lat: number, lon: number): { limitKmh: number; zoneId: string };
}

export function initialVehicleState(): VehicleState {
  return {
    v: 1,
    lastT: Number.NEGATIVE_INFINITY,
    speeding: initialSpeedingState(),
    fatigue: initialFatigueState(),
    clock: initialClockState(),
  };
}

/**
 * The late-data rule: the rules see each vehicle's fixes in strictly
 * increasing GNSS time. Within one consumed batch a vehicle's fixes are
 * sorted first (platforms resend and reorder within a batch); a fix not newer
 * than the last one evaluated — a duplicate, a redelivery after a restart, or
 * a late fix from an earlier batch — is stored by ingest but never changes
 * the rules' state, so it can neither open nor close an episode.
 */
export function evaluateVehicle(
  state: VehicleState,
  fixes: Fix[],
  ctx: EvaluationContext,
): { state: VehicleState; events: RuleEvent[]; clock: ClockEvent[]; late: number } {
  const sorted = fixes.length > 1 ? [...fixes].sort((a, b) => a.t - b.t) : fixes;
  let s = state;
  let late = 0;
  const events: RuleEvent[] = [];
  const clock: ClockEvent[] = [];
  for (const fix of sorted) {
    if (!(fix.t > s.lastT)) {
      late += 1;
      continue;
    }
    const sp = evaluateSpeeding(s.speeding, fix, ctx.speeding, ctx.limitAt(fix.lat, fix.lon));
    // The fatigue rule updates its state in place: the clock compares with these.
    const stretchBeforeMs = s.fatigue.stretchStartMs;
    const continuousBeforeMs = s.fatigue.continuousMs;
    const fa = evaluateFatigue(s.fatigue, fix, ctx.fatigue);
    const cl = evaluateClock(
      s.clock,
      fa.state,
      fix,
      stretchBeforeMs,
      continuousBeforeMs,
      ctx.fatigue,
      ctx.clock,
    );
    for (const e of sp.events) events.push(e);
    for (const e of fa.events) events.push(e);
    if (cl) {
      for (const e of cl.alerts) events.push(e);
      for (const e of cl.clock) clock.push(e);
    }
    s = { v: 1, lastT: fix.t, speeding: sp.state, fatigue: fa.state, clock: s.clock };
  }
  return { state: s, events, clock, late };
}
