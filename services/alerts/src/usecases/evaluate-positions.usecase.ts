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
  /** Checkpoints the states of these vehicles (vehicleKeys[i]'s is states[i]). */
  saveStates(vehicleKeys: string[], states: VehicleState[]): Promise<void>;
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

/** A vehicle of a chunk: its first position (plate), its fixes, its state before them. */
interface ChunkVehicle {
  first: PositionIn;
  fixes: Fix[];
  state: VehicleState | undefined;
}

/** The rule states held in memory, and those changed since the last checkpoint (by vehicle). */
export interface VehicleStates {
  cache: Map<string, VehicleState>;
  dirty: Map<string, VehicleState>;
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
  // One entry per vehicle: its fixes, and its state in memory (looked up once).
  const byVehicle = new Map<string, ChunkVehicle>();
  const missing: string[] = [];
  for (const p of positions) {
    const v = byVehicle.get(p.vehicleKey);
    if (v) {
      v.fixes.push(p.fix);
      continue;
    }
    const state = cache.get(p.vehicleKey);
    if (!state) missing.push(p.vehicleKey);
    byVehicle.set(p.vehicleKey, { first: p, fixes: [p.fix], state });
  }
  if (missing.length > 0) {
    const loaded = await run('load_state', () => ports.loadStates(missing));
    for (const k of missing) {
      const state = loaded.get(k) ?? initialVehicleState();
      cache.set(k, state);
      (byVehicle.get(k) as ChunkVehicle).state = state;
    }
  }

  const alerts: AlertRecord[] = [];
  const clock: ClockRecord[] = [];
  const changed: string[] = [];
  const changedStates: VehicleState[] = [];
  let late = 0;
  try {
    for (const [vehicleKey, { first, fixes, state }] of byVehicle) {
      const r = evaluateVehicle(state as VehicleState, fixes, ctx);
      late += r.late;
      if (r.late < fixes.length) {
        cache.set(vehicleKey, r.state);
        changed.push(vehicleKey);
        changedStates.push(r.state);
      }
      if (r.events.length === 0 && r.clock.length === 0) continue;
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
  for (let i = 0; i < changed.length; i++) dirty.set(changed[i] as string, changedStates[i] as VehicleState);
  return { positions: positions.length, vehicles: byVehicle.size, late, alerts, clock };
}

/**
 * The checkpoint: saves the state of every vehicle changed since the last one
 * (step "checkpoint", retried by the runner). The caller commits the offsets
 * of the chunks evaluated so far only after it. Resolves with the number of
 * states saved; a checkpoint that fails leaves them to the next one.
 */
export async function checkpointStates(
  states: VehicleStates,
  ports: Pick<EvaluatePorts, 'saveStates'>,
  run: StepRunner,
): Promise<number> {
  const taken = states.dirty;
  if (taken.size === 0) return 0;
  states.dirty = new Map();
  const keys = [...taken.keys()];
  const values = [...taken.values()];
  try {
    await run('checkpoint', () => ports.saveStates(keys, values));
  } catch (err) {
    // Still to write, unless changed again or dropped meanwhile (a discard clears the cache).
    for (const [k, s] of taken) if (states.cache.get(k) === s && !states.dirty.has(k)) states.dirty.set(k, s);
    throw err;
  }
  return taken.size;
}
