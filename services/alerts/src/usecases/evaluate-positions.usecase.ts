import type { StepRunner as CommonStepRunner } from '@safewatch/common';
import type { AlertRecord, ClockRecord, SuggestedRestStop } from '../domain/alert-record.js';
import { toAlertRecord, toClockRecord } from '../domain/alert-record.js';
import type { Fix, GeoPoint } from '../domain/types.js';
import {
  type EvaluationContext,
  evaluateVehicle,
  initialVehicleState,
  type VehicleState,
} from '../domain/vehicle.evaluator.js';

export interface PositionIn {
  vehicleKey: string;
  plateNumber: string;
  plateColor: number;
  fix: Fix;
}

export type AlertsStep = 'load_state' | 'persist' | 'publish' | 'checkpoint';
export type StepRunner = CommonStepRunner<AlertsStep>;

/** The readiness condition each step depends on. */
export const ALERTS_STEP_DEPENDENCY: Record<AlertsStep, string> = {
  load_state: 'redis',
  checkpoint: 'redis',
  persist: 'postgres',
  publish: 'kafka',
};

export interface EvaluatePorts {
  loadStates(vehicleKeys: string[]): Promise<Map<string, VehicleState>>;
  saveStates(states: Map<string, VehicleState>): Promise<void>;
  persistAlerts(alerts: AlertRecord[]): Promise<unknown>;
  publishAlerts(alerts: AlertRecord[]): Promise<void>;
  /** X6: driving clock events, stored and published like the alerts. */
  persistClock(events: ClockRecord[]): Promise<unknown>;
  publishClock(events: ClockRecord[]): Promise<void>;
  restStopsAhead(place: GeoPoint, headingDeg: number): SuggestedRestStop[];
}

export interface EvaluateResult {
  positions: number;
  vehicles: number;
  late: number;
  alerts: AlertRecord[];
  clock: ClockRecord[];
}

/** The rule states held in memory, and the vehicles whose state changed since the last checkpoint. */
export interface VehicleStates {
  cache: Map<string, VehicleState>;
  dirty: Set<string>;
}

/**
 * One chunk of accepted positions through the rules: states of vehicles not
 * in memory are loaded from the checkpoint, every vehicle's fixes are
 * evaluated in GNSS order, alerts and driving clock events are stored then
 * published, and the changed states are marked dirty for the next checkpoint
 * (checkpointStates), which the caller runs before committing the offsets.
 * Running it again on the same positions yields the same alert and event ids
 * and no state change (the late-data rule).
 */
export async function evaluatePositions(
  positions: PositionIn[],
  states: VehicleStates,
  ctx: EvaluationContext,
  ports: EvaluatePorts,
  run: StepRunner,
): Promise<EvaluateResult> {
  const { cache, dirty } = states;
  const byVehicle = new Map<string, PositionIn[]>();
  for (const p of positions) {
    const list = byVehicle.get(p.vehicleKey);
    if (list) list.push(p);
    else byVehicle.set(p.vehicleKey, [p]);
  }
  const missing = [...byVehicle.keys()].filter((k) => !cache.has(k));
  if (missing.length > 0) {
    const loaded = await run('load_state', () => ports.loadStates(missing));
    for (const k of missing) cache.set(k, loaded.get(k) ?? initialVehicleState());
  }

  const alerts: AlertRecord[] = [];
  const clock: ClockRecord[] = [];
  const changed: string[] = [];
  let late = 0;
  try {
    for (const [vehicleKey, list] of byVehicle) {
      const first = list[0] as PositionIn;
      const r = evaluateVehicle(
        cache.get(vehicleKey) as VehicleState,
        list.map((p) => p.fix),
        ctx,
      );
      late += r.late;
      if (r.late < list.length) {
        cache.set(vehicleKey, r.state);
        changed.push(vehicleKey);
      }
      const vehicle = { vehicleKey, plateNumber: first.plateNumber, plateColor: first.plateColor };
      for (const e of r.events) alerts.push(toAlertRecord(vehicle, e, ports.restStopsAhead));
      for (const e of r.clock) clock.push(toClockRecord(vehicle, e));
    }

    if (alerts.length > 0 || clock.length > 0) {
      await run('persist', () => Promise.all([ports.persistAlerts(alerts), ports.persistClock(clock)]));
      await run('publish', () => Promise.all([ports.publishAlerts(alerts), ports.publishClock(clock)]));
    }
  } catch (err) {
    // The rules advanced these vehicles' states in memory, but the chunk did
    // not complete: forget them, so the redelivered positions are evaluated
    // again from the last checkpoint instead of being ignored as late.
    for (const k of byVehicle.keys()) {
      cache.delete(k);
      dirty.delete(k);
    }
    throw err;
  }
  // Only now: a checkpoint never saves a state whose alerts are not stored and published.
  for (const k of changed) dirty.add(k);
  return { positions: positions.length, vehicles: byVehicle.size, late, alerts, clock };
}

/**
 * The checkpoint: saves the state of every vehicle changed since the last
 * one (step "checkpoint", retried by the runner), then forgets they changed.
 * The caller commits the offsets of the chunks evaluated so far only after
 * it. Resolves with the number of states saved.
 */
export async function checkpointStates(
  states: VehicleStates,
  ports: Pick<EvaluatePorts, 'saveStates'>,
  run: StepRunner,
): Promise<number> {
  const { cache, dirty } = states;
  if (dirty.size === 0) return 0;
  const keys = [...dirty];
  const saving = new Map<string, VehicleState>();
  for (const k of keys) {
    const s = cache.get(k);
    if (s) saving.set(k, s);
  }
  if (saving.size > 0) await run('checkpoint', () => ports.saveStates(saving));
  for (const k of keys) dirty.delete(k);
  return saving.size;
}
