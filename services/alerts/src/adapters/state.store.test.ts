import type { Redis } from '@safewatch/common';
import { describe, expect, it } from 'vitest';
import { initialVehicleState, type VehicleState } from '../domain/vehicle.evaluator.js';
import { reviveState, StateStore } from './state.store.js';

/** The two Redis calls the store makes, over a Map. */
function fakeRedis() {
  const data = new Map<string, string>();
  const redis = {
    pipeline() {
      const sets: [string, string][] = [];
      const p = {
        set(key: string, value: string) {
          sets.push([key, value]);
          return p;
        },
        async exec() {
          for (const [k, v] of sets) data.set(k, v);
          return sets.map(() => [null, 'OK']);
        },
      };
      return p;
    },
    async mget(keys: string[]) {
      return keys.map((k) => data.get(k) ?? null);
    },
  };
  return { data, redis: redis as unknown as Redis };
}

describe('StateStore', () => {
  it('round-trips a state, the initial -Infinity lastT included', async () => {
    const { redis } = fakeRedis();
    const store = new StateStore(redis, 'p:');
    const fresh = initialVehicleState();
    const driven: VehicleState = initialVehicleState();
    driven.lastT = Date.UTC(2026, 10, 21, 8);
    driven.fatigue.slots[5] = 900_000;
    await store.save(
      new Map([
        ['鲁A00001:2', fresh],
        ['鲁A00002:2', driven],
      ]),
    );
    const loaded = await store.load(['鲁A00001:2', '鲁A00002:2', '鲁A00003:2']);
    expect(loaded.size).toBe(2);
    expect(reviveState(loaded.get('鲁A00001:2') as VehicleState)).toEqual(fresh);
    expect(reviveState(loaded.get('鲁A00002:2') as VehicleState)).toEqual(driven);
  });

  it('gives a checkpoint from before the driving clock (X6) a clock', () => {
    const { clock: _, ...old } = initialVehicleState();
    expect(reviveState(old as VehicleState).clock).toEqual(initialVehicleState().clock);
  });

  it('writes -Infinity as null (what reviveState expects)', async () => {
    const { data, redis } = fakeRedis();
    await new StateStore(redis, 'p:').save(new Map([['v:2', initialVehicleState()]]));
    expect(JSON.parse(data.get('p:alerts:state:v:2') as string).lastT).toBeNull();
  });
});
