import type { Redis } from '@safewatch/common';
import type { VehicleState } from '../domain/vehicle.evaluator.js';
import { decodeState, StateEncoder } from './state.codec.js';

/** A vehicle unseen this long starts from a fresh state (all rule windows are far shorter). */
const STATE_TTL_S = String(7 * 24 * 3600);

// Many states in one command, the vehicles' keys in one argument rather than one each (a
// thousand arguments cost the client more than the states' encoding): ARGV[1] the states
// one after the other, ARGV[2] their lengths in bytes ("448 452 …"), ARGV[3] the vehicle
// keys ("鲁A12345:2", one a line), ARGV[4] the keys' prefix, ARGV[5] the TTL. The keys are
// not declared (KEYS): a standalone Redis, as for every multi-key call here (docs/partition-plan.md).
const SAVE_SCRIPT = `
local states, prefix, ttl = ARGV[1], ARGV[4], ARGV[5]
local vehicles = {}
for v in string.gmatch(ARGV[3], '[^\\n]+') do vehicles[#vehicles + 1] = v end
local at, i = 1, 0
for len in string.gmatch(ARGV[2], '%d+') do
  i = i + 1
  local to = at + tonumber(len)
  redis.call('SET', prefix .. vehicles[i], string.sub(states, at, to - 1), 'EX', ttl)
  at = to
end
return i`;

/**
 * States per script call: large enough that per-command overhead vanishes,
 * small enough that one call never blocks Redis for long (~1 ms).
 */
const STATES_PER_CALL = 1000;
/** A call's states: 1,000 × ~450 bytes. */
const ENCODER_BYTES = 512 * 1024;
/** Encoders kept for the next checkpoint (32 MB). */
const SPARE_ENCODERS = 64;

type SavePipeline = {
  alertsSaveStates(...args: (string | Buffer)[]): void;
  exec(): Promise<[Error | null, unknown][] | null>;
};

/**
 * Per-vehicle rule state, the checkpoint in Redis (state.codec.ts: protobuf,
 * JSON before it). A restarted or newly assigned consumer loads a vehicle's
 * state on first sight and resumes every open episode and fatigue timer;
 * positions redelivered from before the checkpoint are older than the state's
 * last fix and are ignored by the late-data rule.
 *
 * Multi-key calls need a standalone Redis (or keys in one Cluster slot), as
 * the last positions' script does (docs/partition-plan.md).
 */
export class StateStore {
  /** Encoders whose bytes no command holds any more, for the next checkpoint. */
  private readonly spare: StateEncoder[] = [];

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    redis.defineCommand('alertsSaveStates', { lua: SAVE_SCRIPT, numberOfKeys: 0 });
  }

  private key(vehicleKey: string) {
    return `${this.prefix}alerts:state:${vehicleKey}`;
  }

  async load(vehicleKeys: string[]): Promise<Map<string, VehicleState>> {
    const out = new Map<string, VehicleState>();
    if (vehicleKeys.length === 0) return out;
    const values = await this.redis.mgetBuffer(vehicleKeys.map((k) => this.key(k)));
    values.forEach((v, i) => {
      if (v) out.set(vehicleKeys[i] as string, decodeState(v));
    });
    return out;
  }

  /**
   * One pipelined round trip for the states of a checkpoint, a thousand to a
   * script call, each call's states in a buffer of their own: the encoders are
   * reused only once every call was answered (ioredis resends an unanswered
   * one after a reconnection, with the bytes it had).
   */
  async save(vehicleKeys: readonly string[], states: readonly VehicleState[]): Promise<void> {
    if (states.length === 0) return;
    const pipeline = this.redis.pipeline() as unknown as SavePipeline;
    const used: StateEncoder[] = [];
    const keyPrefix = this.key('');
    for (let from = 0; from < states.length; from += STATES_PER_CALL) {
      const to = Math.min(states.length, from + STATES_PER_CALL);
      const encoder = this.spare.pop() ?? new StateEncoder(ENCODER_BYTES);
      used.push(encoder);
      encoder.reset();
      const lengths: number[] = [];
      for (let i = from; i < to; i++) lengths.push(encoder.add(states[i] as VehicleState));
      pipeline.alertsSaveStates(
        encoder.bytes(),
        lengths.join(' '),
        vehicleKeys.slice(from, to).join('\n'),
        keyPrefix,
        STATE_TTL_S,
      );
    }
    for (const [err] of (await pipeline.exec()) ?? []) if (err) throw err;
    for (const encoder of used) if (this.spare.length < SPARE_ENCODERS) this.spare.push(encoder);
  }
}
