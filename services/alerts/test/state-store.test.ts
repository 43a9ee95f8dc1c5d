import { Redis } from '@safewatch/common';
import { getInfra, isolate } from '@safewatch/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { StateStore } from '../src/adapters/state.store.js';
import { initialVehicleState, type VehicleState } from '../src/domain/vehicle.evaluator.js';

describe('the rule state checkpoint in Redis', () => {
  const redis = new Redis(getInfra().redisUrl);
  afterAll(() => redis.disconnect());

  it('saves thousands of states through its script, each with a week to live, and loads them back; JSON ones too', async () => {
    const iso = isolate('alerts-state-store');
    const store = new StateStore(redis, iso.redisPrefix);
    const keys = Array.from({ length: 2345 }, (_, i) => `鲁A${String(i).padStart(5, '0')}:2`);
    const states = keys.map((_, i): VehicleState => {
      const s = initialVehicleState();
      s.lastT = Date.UTC(2026, 10, 21, 8) + i * 1000;
      s.speeding.zoneId = i % 2 ? '' : `济南绕城高速-${i}`;
      s.fatigue.slots[i % 97] = 900_000;
      // Every 100th cannot be held by the message: written as JSON.
      if (i % 100 === 0) s.fatigue.slots[(i + 1) % 97] = 0.25;
      return s;
    });
    await store.save(keys, states);
    const loaded = await store.load([...keys, '鲁B00001:2']);
    expect(loaded.size).toBe(keys.length);
    keys.forEach((k, i) => {
      expect(loaded.get(k), k).toEqual(states[i]);
    });
    const ttl = await redis.ttl(`${iso.redisPrefix}alerts:state:${keys[7]}`);
    expect(ttl).toBeGreaterThan(7 * 24 * 3600 - 60);
    expect((await redis.getBuffer(`${iso.redisPrefix}alerts:state:${keys[100]}`))?.toString()).toBe(
      JSON.stringify(states[100]),
    );

    // A checkpoint written as JSON before the binary one.
    const old = { ...initialVehicleState(), lastT: null };
    await redis.set(`${iso.redisPrefix}alerts:state:鲁C00001:2`, JSON.stringify(old));
    expect((await store.load(['鲁C00001:2'])).get('鲁C00001:2')).toEqual(initialVehicleState());
  });
});
