import type { Redis } from '@safewatch/common';
import { initialClockState } from '../domain/driving-clock.rule.js';
import type { VehicleState } from '../domain/vehicle.evaluator.js';

/** A vehicle unseen this long starts from a fresh state (all rule windows are far shorter). */
const STATE_TTL_S = 7 * 24 * 3600;

/**
 * Per-vehicle rule state, checkpointed in Redis after every processed chunk
 * and before its offsets are committed. A restarted or newly assigned
 * consumer loads a vehicle's state on first sight and resumes every open
 * episode and fatigue timer; positions redelivered from before the checkpoint
 * are older than the state's last fix and are ignored by the late-data rule.
 */
export class StateStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(vehicleKey: string) {
    return `${this.prefix}alerts:state:${vehicleKey}`;
  }

  async load(vehicleKeys: string[]): Promise<Map<string, VehicleState>> {
    const out = new Map<string, VehicleState>();
    if (vehicleKeys.length === 0) return out;
    const values = await this.redis.mget(vehicleKeys.map((k) => this.key(k)));
    values.forEach((v, i) => {
      if (v) out.set(vehicleKeys[i] as string, JSON.parse(v) as VehicleState);
    });
    return out;
  }

  /** One pipelined round trip for all the states a chunk changed. */
  async save(states: Map<string, VehicleState>): Promise<void> {
    if (states.size === 0) return;
    const pipeline = this.redis.pipeline();
    for (const [vehicleKey, state] of states) {
      // No replacer: a replacer function takes JSON.stringify off its fast path (~3× slower
      // per state, the alerts service's largest CPU cost at high rates). -Infinity (the
      // initial lastT) has no JSON form and is written as null, as every non-finite number.
      pipeline.set(this.key(vehicleKey), JSON.stringify(state), 'EX', STATE_TTL_S);
    }
    for (const [err] of (await pipeline.exec()) ?? []) if (err) throw err;
  }
}

/**
 * A loaded state's lastT of null means "nothing evaluated yet"; a checkpoint from before
 * the driving clock (X6) gets one that starts from the fatigue state it holds.
 */
export function reviveState(s: VehicleState): VehicleState {
  if (s.lastT === null) s.lastT = Number.NEGATIVE_INFINITY;
  if (!s.clock) s.clock = initialClockState(s.fatigue);
  return s;
}
