/**
 * What the fault suite streams and what it must find afterwards, computed
 * before anything runs: the simulator's ticks, its own record of every
 * position it produced (valid, deliberately invalid, duplicate, late), the
 * newest valid fix per vehicle, and the alerts the alerts domain rules give
 * for the same tracks.
 */
import { join } from 'node:path';
import {
  BAD_REASONS,
  type BadReason,
  classifyPosition,
  createFleet,
  type SimTick,
} from '@safewatch/simulator';
import { rulesFromConfig } from '../services/alerts/src/app.js';
import { loadConfig } from '../services/alerts/src/config.js';
import { toAlertRecord } from '../services/alerts/src/domain/alert-record.js';
import { evaluateVehicle, initialVehicleState } from '../services/alerts/src/domain/vehicle.evaluator.js';
import type { PositionIn } from '../services/alerts/src/usecases/evaluate-positions.usecase.js';

export const ALERT_SAMPLES = join(import.meta.dirname, '..', 'services', 'alerts', 'samples');
/** The alerts configuration the service runs with (and the expectation is computed with). */
export const ALERTS_FILES = {
  SPEED_ZONES_FILE: join(ALERT_SAMPLES, 'speed-zones.json'),
  REST_STOPS_FILE: join(ALERT_SAMPLES, 'rest-stops.json'),
};
/** Alert kinds raised by the position rules (certificate reminders come from bindings events). */
export const RULE_ALERT_KINDS = ['SPEEDING', 'FATIGUE_CONTINUOUS', 'FATIGUE_DAILY', 'FATIGUE_PRE_WARNING'];

export interface PlanOptions {
  seed: number;
  trucks: number;
  ticks: number;
  /** Simulated time of the first tick; every regular fix must be in the past when produced. */
  startTimeMs: number;
  badRate: number;
}

export interface ExpectedAlert {
  alertId: string;
  vehicleKey: string;
  kind: string;
  phase: string;
  source: string;
  atMs: number;
  episodeStartMs: number;
  /** Fatigue kinds: when the stretch of driving began (the driving clock's drivingSinceMs). */
  drivingSinceMs?: number;
  /** Index of the tick whose fix raised it. */
  tick: number;
}

export interface Plan {
  opts: PlanOptions;
  /** Plate numbers of the simulated trucks, in the simulator's order. */
  plates: string[];
  ticks: SimTick[];
  fixIntervalMs: number;
  counts: {
    produced: number;
    valid: number;
    duplicates: number;
    late: number;
    bad: Record<BadReason, number>;
  };
  /** "plate|colour|gnssMs" of every distinct valid position. */
  validKeys: Set<string>;
  /** Valid positions (distinct) produced up to and including each tick: cumulative counts. */
  validUpToTick: number[];
  /** Newest valid GNSS time per vehicle key ("plate:colour"). */
  newest: Map<string, number>;
  alerts: ExpectedAlert[];
  /** Vehicles whose alerts differ depending on whether their late fixes are evaluated (see below). */
  ambiguousVehicles: Map<string, Set<string>>;
}

export const positionKey = (plate: string, color: number, t: number) => `${plate}|${color}|${t}`;

export function buildPlan(opts: PlanOptions): Plan {
  const fleet = createFleet({
    seed: opts.seed,
    trucks: opts.trucks,
    startTimeMs: opts.startTimeMs,
    badRate: opts.badRate,
  });
  const ticks: SimTick[] = [];
  const validKeys = new Set<string>();
  const validUpToTick: number[] = [];
  const newest = new Map<string, number>();
  const bad = Object.fromEntries(BAD_REASONS.map((r) => [r, 0])) as Record<BadReason, number>;
  let produced = 0;
  let duplicates = 0;
  let late = 0;
  // Each vehicle's valid fixes in the order produced, with the tick that carried them.
  const tracks = new Map<string, { p: PositionIn; tick: number; late: boolean }[]>();

  for (let k = 0; k < opts.ticks; k++) {
    const tick = fleet.nextTick();
    ticks.push(tick);
    for (const b of tick.batches) {
      for (const pos of b.message.positions) {
        produced++;
        const reason = classifyPosition(pos, b.sentAtMs);
        if (reason) {
          bad[reason]++;
          continue;
        }
        const key = positionKey(pos.plateNumber, pos.plateColor, pos.gnssTimeMs);
        if (validKeys.has(key)) {
          duplicates++;
          continue;
        }
        validKeys.add(key);
        const vehicleKey = `${pos.plateNumber}:${pos.plateColor}`;
        const prev = newest.get(vehicleKey) ?? Number.NEGATIVE_INFINITY;
        const isLate = pos.gnssTimeMs < prev;
        if (isLate) late++;
        else newest.set(vehicleKey, pos.gnssTimeMs);
        const list = tracks.get(vehicleKey) ?? [];
        tracks.set(vehicleKey, list);
        list.push({
          tick: k,
          late: isLate,
          p: {
            vehicleKey,
            plateNumber: pos.plateNumber,
            plateColor: pos.plateColor,
            fix: {
              t: pos.gnssTimeMs,
              lat: pos.latE6 / 1e6,
              lon: pos.lonE6 / 1e6,
              speedKmh: pos.speedDkmh / 10,
              headingDeg: pos.headingDeg,
              alarmFlags: pos.alarmFlags,
            },
          },
        });
      }
    }
    validUpToTick.push(validKeys.size);
  }

  const rules = rulesFromConfig(loadConfig(ALERTS_FILES));
  const alertsOf = (vehicleKey: string, list: { p: PositionIn; tick: number }[]) => {
    const first = list[0]?.p as PositionIn;
    const sorted = [...list].sort((a, b) => a.p.fix.t - b.p.fix.t);
    const out: ExpectedAlert[] = [];
    let state = initialVehicleState();
    // One fix at a time, to know which tick raised each alert.
    for (const item of sorted) {
      const r = evaluateVehicle(state, [item.p.fix], rules.ctx);
      state = r.state;
      for (const e of r.events) {
        const rec = toAlertRecord(
          { vehicleKey, plateNumber: first.plateNumber, plateColor: first.plateColor },
          e,
          () => [],
        );
        out.push({
          alertId: rec.alertId,
          vehicleKey,
          kind: rec.kind,
          phase: rec.phase,
          source: rec.source,
          atMs: rec.occurredAtMs,
          episodeStartMs: rec.episodeStartMs,
          ...(e.kind === 'SPEEDING' ? {} : { drivingSinceMs: e.fatigue.drivingSinceMs }),
          tick: item.tick,
        });
      }
    }
    return out;
  };

  // A late fix reaches the rules only when the fixes newer than it arrive in
  // the same consumed chunk (more likely while a restarted consumer catches
  // up); otherwise the late-data rule ignores it. Both outcomes are right, so
  // for a vehicle where they differ either set of alerts is accepted.
  const alerts: ExpectedAlert[] = [];
  const ambiguousVehicles = new Map<string, Set<string>>();
  for (const [vehicleKey, list] of tracks) {
    const inOrder = alertsOf(
      vehicleKey,
      list.filter((x) => !x.late),
    );
    alerts.push(...inOrder);
    if (list.some((x) => x.late)) {
      const withLate = alertsOf(vehicleKey, list);
      const a = new Set(inOrder.map((x) => x.alertId));
      const b = new Set(withLate.map((x) => x.alertId));
      if (a.size !== b.size || [...a].some((id) => !b.has(id))) ambiguousVehicles.set(vehicleKey, b);
    }
  }

  return {
    opts,
    plates: fleet.trucks.map((t) => t.plateNumber),
    ticks,
    fixIntervalMs: fleet.fixIntervalS * 1000,
    counts: { produced, valid: validKeys.size, duplicates, late, bad },
    validKeys,
    validUpToTick,
    newest,
    alerts,
    ambiguousVehicles,
  };
}

/**
 * The fatigue episode to kill the alerts service in: detected by our rules
 * (continuous driving beyond 4 h in the streamed data), open for the most
 * ticks, and ended within the stream.
 */
export function fatigueEpisodeToInterrupt(
  plan: Plan,
  fromTick: number,
): { started: ExpectedAlert; ended: ExpectedAlert } | undefined {
  const started = plan.alerts.filter(
    (a) =>
      a.kind === 'FATIGUE_CONTINUOUS' &&
      a.phase === 'STARTED' &&
      a.source !== 'PLATFORM' &&
      a.tick >= fromTick &&
      !plan.ambiguousVehicles.has(a.vehicleKey),
  );
  let best: { started: ExpectedAlert; ended: ExpectedAlert } | undefined;
  for (const s of started) {
    const ended = plan.alerts.find(
      (a) =>
        a.vehicleKey === s.vehicleKey &&
        a.kind === s.kind &&
        a.phase === 'ENDED' &&
        a.episodeStartMs === s.episodeStartMs,
    );
    if (!ended) continue;
    if (!best || ended.tick - s.tick > best.ended.tick - best.started.tick) best = { started: s, ended };
  }
  return best;
}
