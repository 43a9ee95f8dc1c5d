import type { Redis } from '@safewatch/common';
import { describe, expect, it } from 'vitest';
import { initialVehicleState, type VehicleState } from '../domain/vehicle.evaluator.js';
import { StateStore } from './state.store.js';

/** The Redis calls the store makes, over a Map: its save script run as Redis would. */
function fakeRedis() {
  const data = new Map<string, { value: Buffer; ttl: string }>();
  const calls: number[] = [];
  /** Every call's arguments as the pipeline got them (a resend would send them as they are then). */
  const sent: (string | Buffer)[][] = [];
  const redis = {
    defineCommand() {},
    pipeline() {
      const queued: (string | Buffer)[][] = [];
      const p = {
        alertsSaveStates(...args: (string | Buffer)[]) {
          queued.push(args);
          sent.push(args);
        },
        async exec() {
          // The script: the states one after the other, their lengths, the vehicles, the prefix, the TTL.
          return queued.map(([states, lengths, vehicles, prefix, ttl]) => {
            const names = (vehicles as string).split('\n');
            calls.push(names.length);
            let at = 0;
            (lengths as string).split(' ').forEach((len, i) => {
              const value = Buffer.from((states as Buffer).subarray(at, at + Number(len)));
              data.set(`${prefix}${names[i]}`, { value, ttl: ttl as string });
              at += Number(len);
            });
            return [null, names.length];
          });
        },
      };
      return p;
    },
    async mgetBuffer(keys: string[]) {
      return keys.map((k) => data.get(k)?.value ?? null);
    },
  };
  return { data, calls, sent, redis: redis as unknown as Redis };
}

const state = (i: number): VehicleState => {
  const s = initialVehicleState();
  s.lastT = Date.UTC(2026, 10, 21, 8) + i;
  s.fatigue.slots[i % 97] = 900_000;
  return s;
};

describe('StateStore', () => {
  it('saves states as binary checkpoints with a week to live, a thousand to a script call, and loads them', async () => {
    const { redis, data, calls } = fakeRedis();
    const store = new StateStore(redis, 'p:');
    const keys = Array.from({ length: 2500 }, (_, i) => `鲁A${i}:2`);
    await store.save(
      keys,
      keys.map((_, i) => state(i)),
    );
    expect(calls).toEqual([1000, 1000, 500]);
    const saved = data.get('p:alerts:state:鲁A7:2');
    expect(saved?.ttl).toBe(String(7 * 24 * 3600));
    expect(saved?.value[0]).not.toBe('{'.charCodeAt(0));
    const loaded = await store.load(['鲁A7:2', '鲁A2499:2', '鲁B1:2']);
    expect([...loaded.keys()]).toEqual(['鲁A7:2', '鲁A2499:2']);
    expect(loaded.get('鲁A7:2')).toEqual(state(7));
    expect(loaded.get('鲁A2499:2')).toEqual(state(2499));
  });

  it('loads a JSON checkpoint written before the binary one', async () => {
    const { redis, data } = fakeRedis();
    const old = state(3);
    data.set('p:alerts:state:鲁A3:2', { value: Buffer.from(JSON.stringify(old)), ttl: '1' });
    const fresh = initialVehicleState();
    data.set('p:alerts:state:鲁A4:2', { value: Buffer.from(JSON.stringify(fresh)), ttl: '1' });
    const loaded = await new StateStore(redis, 'p:').load(['鲁A3:2', '鲁A4:2']);
    expect(loaded.get('鲁A3:2')).toEqual(old);
    expect(loaded.get('鲁A4:2')).toEqual(fresh);
  });

  it('reuses its buffers only once every call of a checkpoint was answered', async () => {
    const { redis, sent } = fakeRedis();
    const store = new StateStore(redis, 'p:');
    const real = redis.pipeline.bind(redis);
    let fail = true;
    (redis as unknown as { pipeline: () => unknown }).pipeline = () => {
      const p = real() as unknown as { exec: () => Promise<unknown> };
      const exec = p.exec.bind(p);
      p.exec = async () => {
        if (fail) throw new Error('connection lost');
        return exec();
      };
      return p;
    };
    await expect(store.save(['鲁A1:2'], [state(1)])).rejects.toThrow('connection lost');
    /** The states argument of the i-th call. */
    const statesOf = (i: number) => (sent[i] as (string | Buffer)[])[0] as Buffer;
    const unanswered = Buffer.from(statesOf(0));
    fail = false;
    for (let i = 2; i < 5; i++) await store.save([`鲁A${i}:2`], [state(i)]);
    // The unanswered call (which a reconnection would resend) still carries its state.
    expect(statesOf(0).equals(unanswered)).toBe(true);
    // Answered calls' buffers are reused.
    expect(statesOf(2).buffer).toBe(statesOf(3).buffer);
    expect((await store.load(['鲁A4:2'])).get('鲁A4:2')).toEqual(state(4));
  });
});
